using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>Scores the values of one issue for a linear additive utility (GENIUS "evaluator").</summary>
public abstract record IssueEvaluator
{
    /// <summary>Score of value index <paramref name="valueIndex"/> of <paramref name="issue"/>.</summary>
    public abstract double Score(Issue issue, int valueIndex);
}

/// <summary>
/// Discrete evaluations as written in a profile (one per value, in value-index order). As in GENIUS, the score is the
/// evaluation divided by the issue's largest evaluation (0 when that maximum is below 1e-5); no min-max scaling.
/// </summary>
public sealed record DiscreteEvaluator : IssueEvaluator
{
    public DiscreteEvaluator(IReadOnlyList<double> evaluations)
    {
        Evaluations = evaluations.ToArray();
        double max = Evaluations.Count == 0 ? 0 : Evaluations.Max();
        _scores = Evaluations.Select(e => max < 1e-5 ? 0.0 : e / max).ToArray();
    }

    private readonly double[] _scores;

    public IReadOnlyList<double> Evaluations { get; }

    public override double Score(Issue issue, int valueIndex) => _scores[valueIndex];

    public bool Equals(DiscreteEvaluator? other) => other is not null && Evaluations.SequenceEqual(other.Evaluations);
    public override int GetHashCode() => Evaluations.Count;
}

/// <summary>
/// GENIUS linear evaluator for an integer issue: slope × (v − LowerBound) + Offset, clamped to [0, 1], with the bounds
/// the profile states.
/// </summary>
public sealed record LinearIntegerEvaluator(double Slope, double Offset, long LowerBound, long UpperBound) : IssueEvaluator
{
    public double ScoreOf(long value) => Math.Clamp(Slope * (value - LowerBound) + Offset, 0.0, 1.0);

    public override double Score(Issue issue, int valueIndex) => issue switch
    {
        IntegerIssue integer => ScoreOf(integer.ValueAt(valueIndex)),
        _ => throw new InvalidOperationException($"A linear integer evaluator cannot score issue '{issue.Name}'."),
    };
}

/// <summary>GENIUS linear evaluator for a real issue: Slope × x + Intercept (GENIUS parameter1 × x + parameter0).</summary>
public sealed record LinearRealEvaluator(double Slope, double Intercept) : IssueEvaluator
{
    public double ScoreOf(double value) => Slope * value + Intercept;

    public override double Score(Issue issue, int valueIndex) => issue switch
    {
        RealIssue real => ScoreOf(real.ValueAt(valueIndex)),
        IntegerIssue integer => ScoreOf(integer.ValueAt(valueIndex)),
        _ => throw new InvalidOperationException($"A linear real evaluator cannot score issue '{issue.Name}'."),
    };
}
