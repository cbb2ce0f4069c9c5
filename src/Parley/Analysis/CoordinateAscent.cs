using Parley.Outcomes;

namespace Parley.Analysis;

/// <summary>
/// Coordinate ascent over an outcome space on a weighted sum of utilities, the one local search that both the frontier
/// search (<see cref="ParetoSearch"/>) and the searched utility index use. A pass visits the issues in a shuffled order;
/// at each issue every value is swept (one <see cref="ValueSweeper"/> call per utility), offered to the visitor, and the
/// value with the best weighted score is kept (ties keep the current value). The climb stops when a pass moves nothing,
/// after a number of passes, or when an evaluation budget is spent. Holds scratch buffers: one instance per thread.
/// </summary>
internal sealed class CoordinateAscent
{
    /// <summary>Receives every outcome swept: the utilities per party and the value indices (valid during the call only).</summary>
    public delegate void Visitor(ReadOnlySpan<double> utilities, int[] values);

    private readonly int[] _radices;
    private readonly ValueSweeper[] _sweepers;
    private readonly double[][] _table;
    private readonly double[] _vector;
    private readonly int[] _order;

    public CoordinateAscent(OutcomeSpace space, ValueSweeper[] sweepers)
    {
        _radices = space.Radices.ToArray();
        _sweepers = sweepers;
        int widest = _radices.Max();
        _table = new double[sweepers.Length][];
        for (int p = 0; p < sweepers.Length; p++) _table[p] = new double[widest];
        _vector = new double[sweepers.Length];
        _order = Enumerable.Range(0, _radices.Length).ToArray();
    }

    /// <summary>Outcomes swept so far (each value of each swept issue counts once).</summary>
    public long Evaluations { get; private set; }

    /// <summary>
    /// Climbs from <paramref name="values"/> (left at the point reached) on Σ weights[p]·u_p, offering every swept outcome
    /// to <paramref name="visit"/>, for at most <paramref name="maxPasses"/> passes and until <see cref="Evaluations"/>
    /// reaches <paramref name="evaluationLimit"/> or <paramref name="budget"/>'s deadline passes (checked before each issue
    /// and every few thousand values of an issue).
    /// Returns the weighted score of the point reached.
    /// </summary>
    public double Climb(int[] values, double[] weights, Random random, int maxPasses, Visitor visit, long evaluationLimit = long.MaxValue, FrontierBudget? budget = null)
    {
        int d = _sweepers.Length;
        double score = double.NegativeInfinity;
        for (int pass = 0; pass < maxPasses && Evaluations < evaluationLimit; pass++)
        {
            random.Shuffle(_order);
            bool moved = false;
            foreach (int issue in _order)
            {
                if (Evaluations >= evaluationLimit || (Evaluations > 0 && budget?.Passed == true)) break; // something is always swept
                int radix = _radices[issue];
                for (int p = 0; p < d; p++) _sweepers[p].Sweep(values, issue, _table[p].AsSpan(0, radix));
                int current = values[issue], best = current;
                double bestScore = Score(weights, current);
                for (int v = 0; v < radix; v++)
                {
                    // A very long issue is cut short too, so the deadline holds within a sweep.
                    if ((v & BudgetStride) == BudgetStride && budget?.Passed == true) break;
                    for (int p = 0; p < d; p++) _vector[p] = _table[p][v];
                    values[issue] = v;
                    visit(_vector, values);
                    double s = Score(weights, v);
                    if (s > bestScore) { bestScore = s; best = v; }
                }
                Evaluations += radix;
                values[issue] = best;
                moved |= best != current;
                score = bestScore;
            }
            if (!moved) break;
        }
        return score;
    }

    /// <summary>Values swept between reads of the budget's clock, minus one (a mask).</summary>
    private const int BudgetStride = 4095;

    private double Score(double[] weights, int v)
    {
        double s = 0;
        for (int p = 0; p < weights.Length; p++) s += weights[p] * _table[p][v];
        return s;
    }
}
