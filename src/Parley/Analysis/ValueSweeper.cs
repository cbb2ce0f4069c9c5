using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Utilities of every value of one issue with the other issues held fixed: what a coordinate-ascent step needs.
/// Results are bit-identical to <see cref="UtilityFunction.Utility(ReadOnlySpan{int})"/> on each modified outcome, except
/// for linear additive utilities, whose sweep reorders the sum (O(issues + values) instead of O(issues × values)) and may
/// differ in the last bits; the search re-evaluates its final points exactly.
/// </summary>
internal abstract class ValueSweeper
{
    /// <summary>Writes u(values with issue := v) into <paramref name="utilities"/>[v] for every value v of the issue.</summary>
    public abstract void Sweep(int[] values, int issue, Span<double> utilities);

    public static ValueSweeper For(UtilityFunction utility) => utility switch
    {
        HyperRectangleUtility h => new RectangleSweeper(h),
        LinearAdditiveUtility a => new AdditiveSweeper(a),
        _ => new GenericSweeper(utility),
    };

    private sealed class GenericSweeper(UtilityFunction utility) : ValueSweeper
    {
        public override void Sweep(int[] values, int issue, Span<double> utilities)
        {
            int keep = values[issue];
            for (int v = 0; v < utilities.Length; v++)
            {
                values[issue] = v;
                utilities[v] = utility.Utility(values);
            }
            values[issue] = keep;
        }
    }

    /// <summary>The sum over the other issues, plus each value's weighted score, capped at 1.</summary>
    private sealed class AdditiveSweeper(LinearAdditiveUtility utility) : ValueSweeper
    {
        public override void Sweep(int[] values, int issue, Span<double> utilities)
        {
            double rest = 0;
            for (int i = 0; i < values.Length; i++)
                if (i != issue) rest += utility.WeightedScore(i, values[i]);
            var scores = utility.WeightedScores(issue);
            for (int v = 0; v < scores.Length; v++)
            {
                double u = rest + scores[v];
                utilities[v] = u > 1.0 ? 1.0 : u;
            }
        }
    }

    /// <summary>
    /// One pass over the rectangles: a rectangle whose bounds on the other issues hold adds its utility to every value of
    /// the swept issue inside its bound there. Each value's sum is accumulated in rectangle order, as the utility does.
    /// </summary>
    private sealed class RectangleSweeper : ValueSweeper
    {
        private readonly IssueBound[][] _bounds;
        private readonly double[] _utilities;
        private readonly double _max;
        private readonly OutcomeSpace _space;

        public RectangleSweeper(HyperRectangleUtility utility)
        {
            _bounds = utility.Rectangles.Select(r => r.Bounds.ToArray()).ToArray();
            _utilities = utility.Rectangles.Select(r => r.Utility).ToArray();
            _max = utility.MaxUtility;
            _space = utility.Space;
        }

        public override void Sweep(int[] values, int issue, Span<double> utilities)
        {
            int radix = _space.Radices[issue];
            utilities[..radix].Clear();
            for (int r = 0; r < _bounds.Length; r++)
            {
                var bounds = _bounds[r];
                if (!HyperRectangle.Contains(bounds, values, exceptIssue: issue)) continue;
                int lo = 0, hi = radix - 1;
                foreach (var bound in bounds)
                {
                    if (bound.Issue != issue) continue;
                    lo = Math.Max(lo, bound.MinIndex);
                    hi = Math.Min(hi, bound.MaxIndex);
                }
                double u = _utilities[r];
                for (int v = lo; v <= hi; v++) utilities[v] += u;
            }
            for (int v = 0; v < radix; v++)
            {
                double u = utilities[v] / _max;
                utilities[v] = u > 1.0 ? 1.0 : u;
            }
        }
    }
}
