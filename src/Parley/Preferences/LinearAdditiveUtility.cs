using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// U(x) = min(1, Σ_i w_i · v_i(x_i)) with GENIUS semantics: weights used as written (never rescaled), summed in issue
/// order, capped at 1 with no lower cap. Scores are tabulated per value index, so evaluation is a table walk; an issue
/// with more than <see cref="TableLimit"/> values (a price from 0 to 300,000,000) is scored from its evaluator instead,
/// and tabulated only if <see cref="WeightedScores"/> asks for its table.
/// </summary>
public sealed class LinearAdditiveUtility : UtilityFunction
{
    /// <summary>Issues with more values than this are not tabulated up front.</summary>
    public const int TableLimit = 1 << 20;

    private readonly double[]?[] _weightedScores;
    private bool _allTabulated;

    public LinearAdditiveUtility(OutcomeSpace space, IEnumerable<double> weights, IEnumerable<IssueEvaluator> evaluators) : base(space)
    {
        Weights = weights.ToImmutableArray();
        Evaluators = evaluators.ToImmutableArray();
        if (Weights.Length != space.IssueCount || Evaluators.Length != space.IssueCount)
            throw new ArgumentException($"Expected one weight and one evaluator per issue ({space.IssueCount}), got {Weights.Length} and {Evaluators.Length}.");
        _weightedScores = new double[space.IssueCount][];
        for (int i = 0; i < space.IssueCount; i++)
        {
            var issue = space.Issues[i];
            if (!issue.IsEnumerable) { _weightedScores[i] = []; continue; }
            if (issue.ValueCount <= TableLimit) _weightedScores[i] = Tabulate(i);
        }
        _allTabulated = _weightedScores.All(t => t is not null);
    }

    private double[] Tabulate(int issue)
    {
        var table = new double[Space.Issues[issue].ValueCount];
        for (int v = 0; v < table.Length; v++) table[v] = Score(issue, v);
        return table;
    }

    private double Score(int issue, int valueIndex) => Weights[issue] * Evaluators[issue].Score(Space.Issues[issue], valueIndex);

    public ImmutableArray<double> Weights { get; }
    public ImmutableArray<IssueEvaluator> Evaluators { get; }

    /// <summary>Sum of the weights as written; GENIUS does not rescale, and neither does Parley.</summary>
    public double WeightSum => Weights.Sum();

    /// <summary>w_i · v_i(value) for issue <paramref name="issue"/>: the issue's contribution before the cap at 1.</summary>
    public double WeightedScore(int issue, int valueIndex) =>
        _weightedScores[issue] is { } table ? table[valueIndex] : Score(issue, valueIndex);

    /// <summary>The weighted score table of one issue (index = value index); an issue past <see cref="TableLimit"/> is tabulated on this first call.</summary>
    public ReadOnlySpan<double> WeightedScores(int issue)
    {
        if (_weightedScores[issue] is { } table) return table;
        table = Tabulate(issue);
        _weightedScores[issue] = table;
        _allTabulated = _weightedScores.All(t => t is not null);
        return table;
    }

    public override double Utility(ReadOnlySpan<int> values)
    {
        double sum = 0;
        if (_allTabulated)
            for (int i = 0; i < _weightedScores.Length; i++) sum += _weightedScores[i]![values[i]];
        else
            for (int i = 0; i < _weightedScores.Length; i++) sum += WeightedScore(i, values[i]);
        return sum > 1.0 ? 1.0 : sum;
    }

    public override void EvaluateAll(Span<double> destination)
    {
        long count = Space.Count;
        if (destination.Length != count) throw new ArgumentException($"Destination holds {destination.Length} utilities, the space has {count} outcomes.");
        // Issue 0 varies fastest: for each setting of issues 1..n−1 (summed in issue order after issue 0's term,
        // exactly as Utility does), fill one run of radix0 outcomes.
        for (int i = 0; i < _weightedScores.Length; i++) WeightedScores(i); // an enumerable space has no issue past the table limit worth skipping
        var first = _weightedScores[0]!;
        int n = _weightedScores.Length;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        values.Clear();
        var radices = Space.Radices;
        for (long start = 0; start < count; start += first.Length)
        {
            var run = destination.Slice((int)start, first.Length);
            for (int v = 0; v < first.Length; v++)
            {
                double sum = first[v];
                for (int i = 1; i < n; i++) sum += _weightedScores[i]![values[i]];
                run[v] = sum > 1.0 ? 1.0 : sum;
            }
            for (int i = 1; i < n; i++)
            {
                if (++values[i] < radices[i]) break;
                values[i] = 0;
            }
        }
    }
}
