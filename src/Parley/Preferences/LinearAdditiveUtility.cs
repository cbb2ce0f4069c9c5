using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// U(x) = min(1, Σ_i w_i · v_i(x_i)) with GENIUS semantics: weights used as written (never rescaled), summed in issue
/// order, capped at 1 with no lower cap. Scores are tabulated per value index, so evaluation is a table walk; an issue
/// with more than <see cref="ScoreTableLimit"/> values and a linear evaluator (a price from 0 to 300,000,000) is scored
/// on the fly instead, so memory stays bounded whatever the range.
/// </summary>
public sealed class LinearAdditiveUtility : UtilityFunction
{
    /// <summary>Issues with at most this many values keep a table of weighted scores.</summary>
    public const int ScoreTableLimit = 1 << 20;

    private readonly double[]?[] _weightedScores;
    private readonly bool _allTabulated;

    public LinearAdditiveUtility(OutcomeSpace space, IEnumerable<double> weights, IEnumerable<IssueEvaluator> evaluators) : base(space)
    {
        Weights = weights.ToImmutableArray();
        Evaluators = evaluators.ToImmutableArray();
        if (Weights.Length != space.IssueCount || Evaluators.Length != space.IssueCount)
            throw new ArgumentException($"Expected one weight and one evaluator per issue ({space.IssueCount}), got {Weights.Length} and {Evaluators.Length}.");
        _weightedScores = new double[]?[space.IssueCount];
        _allTabulated = true;
        for (int i = 0; i < space.IssueCount; i++)
        {
            var issue = space.Issues[i];
            if (!issue.IsEnumerable) { _weightedScores[i] = []; continue; }
            if (issue.ValueCount > ScoreTableLimit && IsMonotone(i))
            {
                _allTabulated = false;
                continue;
            }
            _weightedScores[i] = Tabulate(i);
        }
    }

    private double[] Tabulate(int i)
    {
        var issue = Space.Issues[i];
        var table = new double[issue.ValueCount];
        for (int v = 0; v < table.Length; v++) table[v] = Weights[i] * Evaluators[i].Score(issue, v);
        return table;
    }

    /// <summary>
    /// True when issue <paramref name="issue"/>'s weighted score is monotone in the value index (a linear evaluator), so
    /// its extremes are at the ends of the range and a score can be found by bisection.
    /// </summary>
    public bool IsMonotone(int issue) => Evaluators[issue] is LinearIntegerEvaluator or LinearRealEvaluator;

    /// <summary>True when issue <paramref name="issue"/>'s weighted scores are held in a table (else computed per call).</summary>
    public bool IsTabulated(int issue) => _weightedScores[issue] is not null;

    /// <summary>The lowest and highest weighted score of issue <paramref name="issue"/> (ends of the range when monotone).</summary>
    public (double Min, double Max) ScoreRange(int issue)
    {
        int count = Space.Issues[issue].ValueCount;
        if (_weightedScores[issue] is null)
        {
            double first = WeightedScore(issue, 0), last = WeightedScore(issue, count - 1);
            return (Math.Min(first, last), Math.Max(first, last));
        }
        var table = _weightedScores[issue]!;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double s in table)
        {
            if (s < lo) lo = s;
            if (s > hi) hi = s;
        }
        return (lo, hi);
    }

    public ImmutableArray<double> Weights { get; }
    public ImmutableArray<IssueEvaluator> Evaluators { get; }

    /// <summary>Sum of the weights as written; GENIUS does not rescale, and neither does Parley.</summary>
    public double WeightSum => Weights.Sum();

    /// <summary>w_i · v_i(value) for issue <paramref name="issue"/>: the issue's contribution before the cap at 1.</summary>
    public double WeightedScore(int issue, int valueIndex) =>
        _weightedScores[issue] is { } table ? table[valueIndex] : Weights[issue] * Evaluators[issue].Score(Space.Issues[issue], valueIndex);

    /// <summary>
    /// The weighted score table of one issue (index = value index). An issue scored on the fly (more than
    /// <see cref="ScoreTableLimit"/> values) is tabulated on this call, once; prefer <see cref="WeightedScore"/> for such issues.
    /// </summary>
    public ReadOnlySpan<double> WeightedScores(int issue)
    {
        if (_weightedScores[issue] is { } table) return table;
        var built = Tabulate(issue);
        return Interlocked.CompareExchange(ref _weightedScores[issue], built, null) ?? built;
    }

    public override double Utility(ReadOnlySpan<int> values)
    {
        double sum = 0;
        if (_allTabulated)
        {
            for (int i = 0; i < _weightedScores.Length; i++) sum += _weightedScores[i]![values[i]];
        }
        else
        {
            for (int i = 0; i < _weightedScores.Length; i++) sum += WeightedScore(i, values[i]);
        }
        return sum > 1.0 ? 1.0 : sum;
    }

    public override void EvaluateAll(Span<double> destination)
    {
        long count = Space.Count;
        if (destination.Length != count) throw new ArgumentException($"Destination holds {destination.Length} utilities, the space has {count} outcomes.");
        // Issue 0 varies fastest: for each setting of issues 1..n−1 (summed in issue order after issue 0's term,
        // exactly as Utility does), fill one run of radix0 outcomes.
        // Every outcome is visited, so an issue scored on the fly is tabulated here (an enumerable space bounds its size).
        var tables = new double[_weightedScores.Length][];
        for (int i = 0; i < tables.Length; i++)
        {
            WeightedScores(i);
            tables[i] = _weightedScores[i]!;
        }
        var first = tables[0];
        int n = tables.Length;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        values.Clear();
        var radices = Space.Radices;
        for (long start = 0; start < count; start += first.Length)
        {
            var run = destination.Slice((int)start, first.Length);
            for (int v = 0; v < first.Length; v++)
            {
                double sum = first[v];
                for (int i = 1; i < n; i++) sum += tables[i][values[i]];
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
