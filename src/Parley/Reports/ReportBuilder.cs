using System.Collections.Immutable;
using System.Globalization;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// Builds the analyst's report on a scenario at one date: the zone of agreement, the sticking points found by relaxing
/// each issue, each named package's answers, the zone along the timeline, how far outside options would have to fall,
/// and mediated runs. Everything except the runs is exact (the space is enumerated).
/// </summary>
public static class ReportBuilder
{
    /// <summary>Builds the report; throws <see cref="ArgumentException"/> for a space too large to enumerate or a date outside the timeline.</summary>
    public static ScenarioReport Build(Scenario scenario, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new ReportOptions();
        var (t, date) = PointOf(scenario, options);

        var calc = new ZoneCalculator(scenario);
        var zone = calc.Zone(t);
        var sticking = StickingPoints(scenario, calc, zone, t);
        var packages = scenario.Packages.Select(p => Verdict(scenario, calc, p, t)).ToImmutableArray();
        var sensitivity = Sensitivity(scenario, calc);
        var falls = calc.Falls(t);
        var runs = options.MediatedRuns ? MediatedRuns.Run(scenario, options.Seed) : [];
        var report = new ScenarioReport
        {
            Scenario = scenario,
            Date = date,
            Time = t,
            Principals = calc.Principals,
            Reserved = [.. calc.Reserved(t)],
            Zone = zone,
            StickingPoints = sticking,
            Packages = packages,
            Sensitivity = sensitivity,
            OutsideOptionFalls = falls,
            MediatedRuns = runs,
            Sequencing = Sequencing.Of(scenario, t),
            WhatItWouldTake = WhatItWouldTake.Of(scenario, t),
            Ratification = Ratification.Of(scenario, t, calc),
            Findings = [],
        };
        return report with { Findings = Findings(report) };
    }

    /// <summary>The normalised time and, where it falls on a day, the date the options report on; throws <see cref="ArgumentException"/> for a date outside the timeline.</summary>
    internal static (double Time, DateOnly? Date) PointOf(Scenario scenario, ReportOptions options)
    {
        options.Validate();
        var timeline = scenario.Timeline;
        double t = options.Time;
        DateOnly? date = null;
        if (options.Date is { } d)
        {
            if (!timeline.IsDated) throw new ArgumentException($"Scenario '{scenario.Name}' has no dates (a 'dates: {{start, deadline}}' entry); report on a normalised time instead.");
            if (d < timeline.Start || d > timeline.Deadline)
                throw new ArgumentException($"The date {d:yyyy-MM-dd} lies outside the scenario's {timeline.Start:yyyy-MM-dd} to {timeline.Deadline:yyyy-MM-dd}: give a date in that range (inclusive).");
            t = timeline.TimeOf(d);
            date = d;
        }
        else if (timeline.DateOf(t) is { } day && timeline.TimeOf(day) == t) date = day;
        return (t, date);
    }

    internal static ImmutableArray<StickingPoint> StickingPoints(Scenario scenario, ZoneCalculator calc, ZoneOfAgreement zone, double t)
    {
        var points = new List<StickingPoint>();
        for (int i = 0; i < scenario.Space.IssueCount; i++)
        {
            var relaxed = calc.Zone(t, i, solutions: false);
            double closed = relaxed.Gap - zone.Gap;
            if (!(closed > 1e-12)) continue;
            var redLinesOf = calc.Principals.Where(p => scenario.Parties[p].Profile.RedLines.Issues.Contains(i)).ToImmutableArray();
            points.Add(new StickingPoint(i, redLinesOf, relaxed.Gap, closed, relaxed.Size, !zone.Exists && relaxed.Exists));
        }
        return [.. points.OrderByDescending(p => p.GapClosed).ThenByDescending(p => p.SizeIfRelaxed).ThenBy(p => p.Issue)];
    }

    internal static PackageVerdict Verdict(Scenario scenario, ZoneCalculator calc, NamedPackage package, double t)
    {
        var values = package.Values.AsSpan();
        var reserved = calc.Reserved(t);
        var answers = ImmutableArray.CreateBuilder<PackageAnswer>();
        var principals = calc.Principals;
        for (int k = 0; k < principals.Length; k++)
        {
            var party = scenario.Parties[principals[k]];
            var crossed = party.Profile.RedLines.Lines.Where(l => l.Covers(package.Values[l.Issue])).ToImmutableArray();
            var unavailable = Enumerable.Range(0, values.Length).Where(i => !scenario.Timeline.IsAvailable(i, package.Values[i], t)).ToImmutableArray();
            double u = party.Profile.Discount(party.Profile.Utility.Utility(values), t);
            answers.Add(new PackageAnswer(principals[k], u, reserved[k], crossed, unavailable)
            {
                RulesBroken = [.. party.Profile.RedLines.Rules.Where(r => r.Breaks(package.Values.AsSpan()))],
            });
        }
        var mediators = scenario.Parties.Select((p, i) => (p, i)).Where(x => x.p.Role == PartyRole.Mediator)
            .Select(x => (x.i, x.p.UtilityOfAgreement(package.Values.AsSpan()))).ToImmutableArray();
        return new PackageVerdict(package, answers.ToImmutable(), mediators);
    }

    private static ImmutableArray<SensitivityPoint> Sensitivity(Scenario scenario, ZoneCalculator calc)
    {
        var timeline = scenario.Timeline;
        var times = SensitivityTimes(timeline);
        var points = ImmutableArray.CreateBuilder<SensitivityPoint>();
        double previous = -1;
        foreach (double t in times)
        {
            var zone = calc.Zone(t, solutions: false);
            var fired = timeline.FiredIn(previous, t).Select(e => e.Name).ToImmutableArray();
            var falls = zone.Exists ? [.. calc.Principals.Select(_ => (double?)0.0)] : calc.Falls(t).Select(f => f.Fall).ToImmutableArray();
            points.Add(new SensitivityPoint(timeline.DateOf(t), t, zone.Size, zone.Gap, [.. calc.Reserved(t)], fired, falls));
            previous = t;
        }
        return points.ToImmutable();
    }

    /// <summary>The times the sensitivity table covers, ascending: every day of a dated timeline up to 400 days (else 21 evenly spaced), and every event.</summary>
    internal static SortedSet<double> SensitivityTimes(Timeline timeline)
    {
        var times = new SortedSet<double>();
        if (timeline.IsDated && timeline.Days <= 400)
            for (int day = 0; day <= timeline.Days; day++) times.Add((double)day / timeline.Days);
        else
            for (int k = 0; k <= 20; k++) times.Add(k / 20.0);
        foreach (var e in timeline.Events) times.Add(e.Time);
        return times;
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string SignedGap(double x) => x.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// The point a report is on, exactly: its date when the time falls on a day of a dated timeline, otherwise
    /// "t = …" with every digit needed (round-trip) and, on a dated timeline, the two days it lies between.
    /// </summary>
    public static string PointLabel(ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Date is { } d) return d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        string t = $"t = {report.Time.ToString("R", CultureInfo.InvariantCulture)}";
        var timeline = report.Scenario.Timeline;
        if (!timeline.IsDated) return t;
        var before = timeline.Start!.Value.AddDays((int)Math.Floor(report.Time * timeline.Days));
        return $"{t} (between {before.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} and {before.AddDays(1).ToString("d MMM yyyy", CultureInfo.InvariantCulture)})";
    }

    private static ImmutableArray<string> Findings(ScenarioReport r)
    {
        var s = r.Scenario;
        string Name(int p) => s.Parties[p].Name;
        string when = r.Date is { } d ? $"On {d:d MMM yyyy}" : $"At {PointLabel(r)}";
        var list = new List<string>();
        if (r.Zone.Exists)
            list.Add($"{when} there is a zone of agreement: {r.Zone.Size} package(s) cross no red line and give every principal at least its outside option (best margin {F(r.Zone.Gap)}).");
        else if (r.Zone.Closest is null)
            list.Add($"{when} there is no zone of agreement: no package avoids every principal's red lines.");
        else
        {
            var closest = r.Zone.Closest;
            var behind = r.Principals.Select((p, k) => (p, gap: closest.Utilities[p] - r.Reserved[k])).Where(x => x.gap < 0)
                .Select(x => $"{Name(x.p)} {F(-x.gap)} below its outside option");
            list.Add($"{when} there is no zone of agreement: the package closest to one still leaves {string.Join(" and ", behind)} (gap {SignedGap(r.Zone.Gap)}).");
        }
        if (r.Ratification is { } rat)
        {
            string sets = string.Join("; ", rat.WinSets.Select(w => $"{Name(w.Party)}'s ratifier ({w.Ratifier}, reserved value {F(w.Reserved)}) approves {w.Size} feasible package(s)"));
            string blockers = string.Join(", ", rat.Blocking.Where(b => b.Rejects > 0).Select(b => $"{s.Parties[b.Party].Ratifier!.Name} alone rejects {b.Rejects}"));
            list.Add(r.Zone.Exists && rat.RatifiedZoneSize == 0
                ? $"Between the negotiators there is a zone of agreement, but no package in it is ratified: {sets}; {rat.RejectedByRatifiers} package(s) the negotiators accept are rejected by a ratifier{(blockers.Length > 0 ? $" ({blockers})" : "")}."
                : $"Ratification: {sets}; {rat.RatifiedZoneSize} package(s) of the zone are ratified by every ratifier, {rat.RejectedByRatifiers} rejected by one{(blockers.Length > 0 ? $" ({blockers})" : "")}.");
        }
        if (r.Sequencing is { } seq)
        {
            var opening = seq.Options.Where(o => o.OpensZone).ToArray();
            if (opening.Length > 0 || seq.Moves.Any(m => m.OpensZone)) list.AddRange(seq.Reasons);
            else if (!seq.Options.IsEmpty && (!seq.SettledNow.Size.IsZero || seq.Options.All(o => o.Size.IsZero)))
                list.Add($"Sequencing: with every question settled now the zone has {seq.SettledNow.Size} package(s); the deferrals the scenario allows give at most {seq.Options.Max(o => o.Size)}.");
            else list.Add($"Sequencing: no single deferral opens a zone; {seq.Structures[0].Name} gives {seq.Structures[0].Size} package(s).");
        }
        if (r.StickingPoints.Length > 0)
        {
            var top = r.StickingPoints.Take(3).Select(p => $"{s.Space.Issues[p.Issue].Name} (+{F(p.GapClosed)}{(p.ZoneOpens ? ", opens a zone" : "")})");
            list.Add(r.Zone.Exists
                ? $"The issues on which the principals are furthest apart, found by relaxing each in turn: {string.Join(", ", top)}."
                : $"The issues that block agreement most, found by relaxing each in turn: {string.Join(", ", top)}.");
        }
        foreach (var v in r.Packages)
        {
            var rejected = v.Answers.Where(a => !a.Accepts).Select(a => Name(a.Party) + (a.RedLinesCrossed.IsEmpty ? "" : " (red line)") + (a.RulesBroken.IsEmpty ? "" : " (rule)")).ToArray();
            list.Add(rejected.Length == 0
                ? $"{v.Package.Name}: accepted by every principal."
                : $"{v.Package.Name}: rejected by {string.Join(" and ", rejected)}.");
        }
        foreach (var f in r.OutsideOptionFalls)
            if (f.Fall is { } fall && fall > 0) list.Add($"{Name(f.Party)}'s outside option ({F(f.Reserved)}) would have to fall by {F(fall)}, the other side's held, for a zone to open.");
            else if (f.Fall is null) list.Add($"No fall of {Name(f.Party)}'s outside option alone opens a zone: the other side rejects every package that avoids the red lines.");
        if (!r.MediatedRuns.IsEmpty)
        {
            int agreed = r.MediatedRuns.Count(run => run.Agreement is not null);
            list.Add(agreed == 0
                ? $"None of the {r.MediatedRuns.Length} mediated and baseline runs (seed {r.MediatedRuns[0].Seed}) reaches an agreement by the deadline."
                : $"{agreed} of the {r.MediatedRuns.Length} mediated and baseline runs (seed {r.MediatedRuns[0].Seed}) {(agreed == 1 ? "reaches" : "reach")} an agreement: {string.Join("; ", r.MediatedRuns.Where(run => run.Agreement is not null).Select(run => $"{run.Protocol} ({run.Seating.Split("; ")[^1]}), round {run.Rounds}, {RunComparison.When(r.Scenario, run.EndTime)}"))}.");
            int refused = r.MediatedRuns.Count(run => !run.Refusals.IsEmpty);
            if (refused > 0)
                list.Add($"In {refused} of the runs a ratifier turned down a text every principal's negotiators had accepted ({string.Join(", ", r.MediatedRuns.SelectMany(run => run.Refusals).Select(x => $"{x.Ratifier} ({Name(x.Party)})").Distinct())}); the mediators went on from the refusal.");
        }
        var firstOpen = r.Sensitivity.FirstOrDefault(p => p.ZoneExists);
        if (!r.Zone.Exists && firstOpen is not null)
            list.Add($"Along the timeline a zone first opens {(firstOpen.Date is { } fd ? $"on {fd:d MMM yyyy}" : $"at t = {F(firstOpen.Time)}")} ({firstOpen.Size} packages).");
        else if (!r.Zone.Exists)
            list.Add("Along the timeline no zone opens before the deadline.");
        return [.. list];
    }
}
