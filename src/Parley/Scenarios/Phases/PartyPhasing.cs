using System.Collections.Immutable;
using Parley.Preferences;

namespace Parley.Scenarios.Phases;

/// <summary>
/// What one party expects a deferred slot to settle at: probabilities over the issue's own values (one value with
/// probability 1 when the party states a single value).
/// </summary>
/// <param name="Outcomes">(value index of the issue, probability) pairs; probabilities sum to 1.</param>
public sealed record SlotExpectation(ImmutableArray<(int Value, double Probability)> Outcomes)
{
    /// <summary>The index in <see cref="Outcomes"/> of the value written <c>rest</c> (1 minus the others), or −1; the writer writes it back so.</summary>
    public int Rest { get; init; } = -1;

    /// <summary>The party's expected score for the slot: Σ p(v) · score(v) under <paramref name="evaluator"/>.</summary>
    public double ExpectedScore(Outcomes.Issue issue, IssueEvaluator evaluator)
    {
        double e = 0;
        foreach (var (v, p) in Outcomes) e += p * evaluator.Score(issue, v);
        return e;
    }
}

/// <summary>
/// One party's view of the phases: its utility over the issues' own values, how much each phase matters to it, its
/// belief that each phase is carried out, what it gets while the deal has broken down, and what it expects each
/// deferrable slot to settle at. <see cref="PhasedUtility.Compile"/> turns it into an additive utility over the slots.
/// </summary>
/// <param name="Utility">Additive utility over <see cref="PhaseStructure.IssueSpace"/> (weights and value scores as written).</param>
/// <param name="PhaseWeights">π_k ≥ 0 per phase (default: the phases' length shares); used as written.</param>
/// <param name="CarriedOut">c_k ∈ [0, 1] per phase: the party's belief that phase k is carried out; non-increasing (default 1).</param>
/// <param name="BreakdownValue">b: the party's utility for the share of the deal whose phase is not carried out (its outside option then).</param>
/// <param name="Expectations">Per deferrable slot (slot index of <see cref="PhaseStructure.Space"/>): what the party expects it to settle at.</param>
public sealed record PartyPhasing(
    LinearAdditiveUtility Utility,
    ImmutableArray<double> PhaseWeights,
    ImmutableArray<double> CarriedOut,
    double BreakdownValue,
    ImmutableDictionary<int, SlotExpectation> Expectations);

/// <summary>The phases of a scenario and every party's view of them (party order of the scenario).</summary>
/// <param name="Structure">Phases, issues and slots.</param>
/// <param name="Parties">Each party's phasing, in the scenario's party order.</param>
public sealed record ScenarioPhasing(PhaseStructure Structure, ImmutableArray<PartyPhasing> Parties);
