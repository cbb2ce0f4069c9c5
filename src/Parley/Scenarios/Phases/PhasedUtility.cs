using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Scenarios.Phases;

/// <summary>
/// The utility of a phased outcome, additive over slots. For a party with issue weights w_i and scores v_i, phase
/// weights π_k, carry-out beliefs c_k and breakdown value b:
/// <code>
/// U(x) = min(1, Σ_k π_k · [ c_k · Σ_i w_i · v_i(x_{i,k}) + (1 − c_k) · b ])
/// </code>
/// where x_{i,k} is the value of issue i in phase k (a once-issue has the same value in every phase), and the score of a
/// deferred slot is the party's expected score E[v_i] under its <see cref="SlotExpectation"/>. Expanded, every slot
/// gets the weight w_i · π_k · c_k (a once-issue w_i · Σ_k π_k · c_k) and the constant K = b · Σ_k π_k · (1 − c_k) is
/// carried by the first slot with a positive weight (its scores shifted by K / weight), so the compiled utility is a
/// plain <see cref="LinearAdditiveUtility"/> over the slot space and every exact analysis applies unchanged. With one
/// phase, π = 1 and c = 1 the slot weights are the issue weights and K = 0: the flat utility, bit for bit.
/// </summary>
public static class PhasedUtility
{
    /// <summary>Compiles <paramref name="phasing"/> into an additive utility over <paramref name="structure"/>'s slot space.</summary>
    public static LinearAdditiveUtility Compile(PhaseStructure structure, PartyPhasing phasing)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(phasing);
        int phases = structure.Phases.Length;
        if (phasing.PhaseWeights.Length != phases || phasing.CarriedOut.Length != phases)
            throw new ArgumentException($"Expected {phases} phase weights and carry-out beliefs, got {phasing.PhaseWeights.Length} and {phasing.CarriedOut.Length}.");
        var baseUtility = phasing.Utility;
        if (baseUtility.Space.IssueCount != structure.Issues.Length)
            throw new ArgumentException($"The utility is over {baseUtility.Space.IssueCount} issues; the scenario has {structure.Issues.Length}.");
        var pi = phasing.PhaseWeights;
        var c = phasing.CarriedOut;
        double carried = 0, broken = 0;
        for (int k = 0; k < phases; k++)
        {
            carried += pi[k] * c[k];
            broken += pi[k] * (1 - c[k]);
        }
        var slots = structure.Slots;
        var weights = new double[slots.Length];
        var evaluators = new IssueEvaluator[slots.Length];
        for (int s = 0; s < slots.Length; s++)
        {
            var slot = slots[s];
            double w = baseUtility.Weights[slot.Issue];
            weights[s] = slot.IsOnce ? w * carried : w * pi[slot.Phase] * c[slot.Phase];
            var evaluator = baseUtility.Evaluators[slot.Issue];
            if (slot.Deferrable)
            {
                if (!phasing.Expectations.TryGetValue(s, out var expectation))
                    throw new ArgumentException($"No expectation for deferrable slot '{structure.Space.Issues[s].Name}'.");
                var issue = structure.Issues[slot.Issue].Issue;
                evaluator = new DeferrableEvaluator(evaluator, issue, expectation.ExpectedScore(issue, evaluator));
            }
            evaluators[s] = evaluator;
        }
        double constant = phasing.BreakdownValue * broken;
        if (constant != 0)
        {
            int carrier = Array.FindIndex(weights, w => w > 0);
            if (carrier >= 0) evaluators[carrier] = new ShiftedEvaluator(evaluators[carrier], constant / weights[carrier]);
            else
            {
                // No slot matters to this party (every weight 0, or no phase carried out): its utility is the constant
                // breakdown term, carried by the first slot at weight 1 with a score of that constant for every value.
                weights[0] = 1;
                evaluators[0] = new ShiftedEvaluator(new DiscreteEvaluator(new double[structure.Space.Issues[0].ValueCount]), constant);
            }
        }
        return new LinearAdditiveUtility(structure.Space, weights, evaluators);
    }
}

/// <summary>
/// The scores of a deferrable slot: the issue's own scores for its values, and <see cref="DeferredScore"/> (the party's
/// expected score) for the extra value <c>deferred</c> (the slot's last value index).
/// </summary>
/// <param name="Inner">The issue's own evaluator.</param>
/// <param name="BaseIssue">The issue with its own values (what <paramref name="Inner"/> scores).</param>
/// <param name="DeferredScore">The score of <c>deferred</c>.</param>
public sealed record DeferrableEvaluator(IssueEvaluator Inner, Issue BaseIssue, double DeferredScore) : IssueEvaluator
{
    public override double Score(Issue issue, int valueIndex) =>
        valueIndex == BaseIssue.ValueCount ? DeferredScore : Inner.Score(BaseIssue, valueIndex);
}

/// <summary>Another evaluator's scores plus a constant (how a phased utility carries its breakdown term; see <see cref="PhasedUtility"/>).</summary>
/// <param name="Inner">The evaluator shifted.</param>
/// <param name="Shift">Added to every score.</param>
public sealed record ShiftedEvaluator(IssueEvaluator Inner, double Shift) : IssueEvaluator
{
    public override double Score(Issue issue, int valueIndex) => Inner.Score(issue, valueIndex) + Shift;
}
