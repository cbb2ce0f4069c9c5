using System.Collections.Immutable;
using System.Numerics;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>A package with every party's utility for it (party order of the scenario; discounted at the report's time).</summary>
/// <param name="Values">One value index per issue.</param>
/// <param name="Utilities">Each party's (discounted) issue utility, mediators included (without their stake).</param>
public sealed record ReportPackage(ImmutableArray<int> Values, ImmutableArray<double> Utilities);

/// <summary>A mediator's favourite package inside the zone of agreement.</summary>
/// <param name="Party">Index of the mediator.</param>
/// <param name="Package">The package.</param>
/// <param name="Utility">Its utility for the mediator, stake included: α + (1 − α)·u.</param>
public sealed record MediatorFavourite(int Party, ReportPackage Package, double Utility);

/// <summary>
/// The zone of agreement at one time: the packages that cross no principal's red line, use only available values, and
/// give every principal at least its reserved value.
/// </summary>
/// <param name="Size">Number of packages in the zone (exact).</param>
/// <param name="Gap">
/// max over feasible packages of min over principals of (utility − reserved value): ≥ 0 exactly when a zone exists; when
/// negative, every principal falling by −Gap would open one.
/// </param>
/// <param name="Closest">The package reaching <paramref name="Gap"/> (null when no package is feasible).</param>
/// <param name="Nash">The package maximising Π(u − r) over the zone; null without a zone.</param>
/// <param name="MaxWelfare">The package maximising the principals' Σu over the zone; null without a zone.</param>
/// <param name="MediatorFavourites">Each mediator's favourite package in the zone (empty without a zone).</param>
public sealed record ZoneOfAgreement(
    BigInteger Size,
    double Gap,
    ReportPackage? Closest,
    ReportPackage? Nash,
    ReportPackage? MaxWelfare,
    ImmutableArray<MediatorFavourite> MediatorFavourites)
{
    /// <summary>True when at least one package is in the zone.</summary>
    public bool Exists => Size > 0;
}

/// <summary>
/// An issue that blocks agreement, found by relaxing it: its red lines are lifted and each principal is scored as if it
/// got its own best value there (the issue is settled to everyone's satisfaction, e.g. deferred or bridged elsewhere).
/// </summary>
/// <param name="Issue">Issue index.</param>
/// <param name="RedLinesOf">Indices of the principals with a red line on this issue.</param>
/// <param name="GapIfRelaxed">The zone's gap with the issue relaxed.</param>
/// <param name="GapClosed">How much relaxing it raises the gap (the ranking key).</param>
/// <param name="SizeIfRelaxed">Packages of the other issues that every principal would then accept.</param>
/// <param name="ZoneOpens">True when there is no zone of agreement and relaxing this issue alone opens one.</param>
public sealed record StickingPoint(int Issue, ImmutableArray<int> RedLinesOf, double GapIfRelaxed, double GapClosed, BigInteger SizeIfRelaxed, bool ZoneOpens);

/// <summary>One principal's answer to a named package.</summary>
/// <param name="Party">Principal index.</param>
/// <param name="Utility">Its (discounted) utility for the package.</param>
/// <param name="Reserved">Its reserved value at the report's time.</param>
/// <param name="RedLinesCrossed">The red lines the package crosses.</param>
/// <param name="UnavailableIssues">Issues whose value in the package has been withdrawn by then.</param>
public sealed record PackageAnswer(int Party, double Utility, double Reserved, ImmutableArray<RedLine> RedLinesCrossed, ImmutableArray<int> UnavailableIssues)
{
    /// <summary>Utility minus reserved value: the room to spare (≥ 0) or the shortfall (&lt; 0).</summary>
    public double Margin => Utility - Reserved;

    /// <summary>The rules over combinations (the party's and the scenario's) the package breaks.</summary>
    public ImmutableArray<SlotRule> RulesBroken { get; init; } = [];

    /// <summary>True when the principal accepts: no red line crossed, no rule broken, every value available, margin ≥ 0 (a tie counts; see <see cref="ZoneCalculator.TieTolerance"/>).</summary>
    public bool Accepts => RedLinesCrossed.IsEmpty && RulesBroken.IsEmpty && UnavailableIssues.IsEmpty && ZoneCalculator.Reaches(Utility, Reserved);
}

/// <summary>A named package evaluated at the report's time.</summary>
/// <param name="Package">The package as the scenario names it.</param>
/// <param name="Answers">Each principal's answer, in party order.</param>
/// <param name="MediatorUtilities">Each mediator's utility (stake included) for it, keyed by party index.</param>
public sealed record PackageVerdict(NamedPackage Package, ImmutableArray<PackageAnswer> Answers, ImmutableArray<(int Party, double Utility)> MediatorUtilities);

/// <summary>The zone of agreement at one point of the timeline.</summary>
/// <param name="Date">The date, for dated scenarios.</param>
/// <param name="Time">Normalised time.</param>
/// <param name="Size">Packages in the zone.</param>
/// <param name="Gap">The zone's gap (see <see cref="ZoneOfAgreement.Gap"/>).</param>
/// <param name="Reserved">Each principal's reserved value then, in principal order.</param>
/// <param name="Events">Names of the events that fired since the previous point.</param>
/// <param name="Falls">For each principal (principal order), how far its outside option alone would have to fall then for a zone to open (0 with a zone; null when no fall of its own suffices).</param>
public sealed record SensitivityPoint(DateOnly? Date, double Time, BigInteger Size, double Gap, ImmutableArray<double> Reserved, ImmutableArray<string> Events, ImmutableArray<double?> Falls)
{
    /// <summary>True when a zone of agreement exists then.</summary>
    public bool ZoneExists => Size > 0;
}

/// <summary>How far one principal's outside option would have to fall, the others' held, for a zone to open.</summary>
/// <param name="Party">Principal index.</param>
/// <param name="Reserved">Its reserved value at the report's time.</param>
/// <param name="Fall">The fall needed (0 when a zone exists); null when no fall of its own suffices (the others reject every feasible package).</param>
public sealed record OutsideOptionFall(int Party, double Reserved, double? Fall);

/// <summary>One mediated negotiation on the scenario, run for the report.</summary>
/// <param name="Protocol">Protocol name (e.g. "shuttle").</param>
/// <param name="Seating">Who sat where, in words.</param>
/// <param name="Seed">The seed of the run.</param>
/// <param name="Agreement">The agreed package, or null.</param>
/// <param name="Utilities">Each principal's utility at the end (agreement or reserved value).</param>
/// <param name="Rounds">Rounds played.</param>
/// <param name="Outcome">How it ended, in words ("agreement", "deadline", "failure: …").</param>
/// <param name="Note">A note on what the run is, if needed.</param>
public sealed record MediatedRun(string Protocol, string Seating, int Seed, ImmutableArray<int>? Agreement, ImmutableArray<double> Utilities, int Rounds, string Outcome, string? Note = null)
{
    /// <summary>Normalised time at which the run ended (the agreement's time when there is one).</summary>
    public double EndTime { get; init; }

    /// <summary>The texts (packages) every principal's negotiators accepted and a ratifier turned down, in order.</summary>
    public ImmutableArray<RatifierRefusal> Refusals { get; init; } = [];

    /// <summary>
    /// Each principal's concession over the run (principal order): its utility for the first text it was asked about (single
    /// text) or the first package it put forward (shuttle, alternating offers), and for the agreement or, without one, the
    /// last text or package on the table.
    /// </summary>
    public ImmutableArray<Concession> Concessions { get; init; } = [];

    /// <summary>The issues (slots) whose value differs between that first text and the end: (issue, first value, last value), value indices.</summary>
    public ImmutableArray<(int Issue, int From, int To)> IssueChanges { get; init; } = [];
}

/// <summary>A ratifier's refusal, during a run, of a text every principal's negotiators had accepted.</summary>
/// <param name="Round">1-based round.</param>
/// <param name="Time">Normalised time.</param>
/// <param name="Party">The principal whose ratifier refused.</param>
/// <param name="Ratifier">The ratifier's name.</param>
/// <param name="Package">The refused text, one value index per issue.</param>
public sealed record RatifierRefusal(int Round, double Time, int Party, string Ratifier, ImmutableArray<int> Package);

/// <summary>One principal's utility at the start and the end of a run (see <see cref="MediatedRun.Concessions"/>).</summary>
/// <param name="Party">Principal index.</param>
/// <param name="First">Its utility for the first text it was asked about, or its own first offer; null when there was none.</param>
/// <param name="Last">Its utility for the agreement or the last text or package on the table; null when there was none.</param>
public sealed record Concession(int Party, double? First, double? Last)
{
    /// <summary>How much it gave up: First − Last (negative when it gained); null when either is missing.</summary>
    public double? Conceded => First is { } f && Last is { } l ? f - l : null;
}

/// <summary>Everything <c>parley report</c> says about a scenario at one time.</summary>
public sealed record ScenarioReport
{
    public required Scenario Scenario { get; init; }

    /// <summary>The date of the report, for dated scenarios.</summary>
    public required DateOnly? Date { get; init; }

    /// <summary>Normalised time of the report.</summary>
    public required double Time { get; init; }

    /// <summary>Indices of the principals, in party order.</summary>
    public required ImmutableArray<int> Principals { get; init; }

    /// <summary>Principals' reserved values at <see cref="Time"/>, in principal order.</summary>
    public required ImmutableArray<double> Reserved { get; init; }

    public required ZoneOfAgreement Zone { get; init; }

    /// <summary>Issues that block agreement, most blocking first (only issues whose relaxing raises the gap).</summary>
    public required ImmutableArray<StickingPoint> StickingPoints { get; init; }

    public required ImmutableArray<PackageVerdict> Packages { get; init; }

    public required ImmutableArray<SensitivityPoint> Sensitivity { get; init; }

    public required ImmutableArray<OutsideOptionFall> OutsideOptionFalls { get; init; }

    public required ImmutableArray<MediatedRun> MediatedRuns { get; init; }

    /// <summary>For each principal and issue, the worst value it can accept given the best it can get elsewhere (principal-major, issue order).</summary>
    public ImmutableArray<IssueLimit> WhatItWouldTake { get; init; } = [];

    /// <summary>What each finding rests on (<c>report --robustness</c>; empty otherwise).</summary>
    public ImmutableArray<RobustnessFinding> Robustness { get; init; } = [];

    /// <summary>Two-level ratification: win-sets and the zone over ratified packages (null when no principal has a ratifier).</summary>
    public RatificationReport? Ratification { get; init; }

    /// <summary>What deferral does to the zone (phased scenarios with a deferrable slot; null otherwise).</summary>
    public SequencingReport? Sequencing { get; init; }

    /// <summary>What the analysis finds, in plain sentences, most important first.</summary>
    public required ImmutableArray<string> Findings { get; init; }
}
