using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Hyper-rectangle and linear additive utilities restated over merged value classes, for the branch-and-bound frontier.
/// Two values of an issue fall in one class when no rectangle bound of any party tells them apart and every additive
/// party scores them alike, so choosing a class loses nothing. Each party's utility is min(1, S / <see cref="Norm"/>)
/// where S, its <em>score</em>, is a sum of per-issue unary terms (one-issue rectangles, additive weighted scores) and
/// multi-issue rectangle terms.
/// </summary>
/// <param name="PartyCount">Number of parties.</param>
/// <param name="ClassOf">Class of each value index, per issue.</param>
/// <param name="Representatives">One value index per class (the smallest), per issue: the witness value of a class.</param>
/// <param name="Unary">Unary score per party, issue and class.</param>
/// <param name="Terms">Multi-issue rectangle terms of every party.</param>
/// <param name="Norm">Per party: utility = min(1, score / Norm) (the GENIUS <c>maxutility</c>, or 1 for additive).</param>
/// <param name="Integral">Per party: true when every term weight is an integer, so scores move in steps of 1.</param>
internal sealed record ClassedModel(int PartyCount, int[][] ClassOf, int[][] Representatives, double[][][] Unary, ClassedModel.Term[] Terms, double[] Norm, bool[] Integral)
{
    /// <summary>A rectangle over two or more issues: adds <see cref="Weight"/> to <see cref="Party"/>'s score when every bound holds.</summary>
    /// <param name="Party">Whose score the rectangle adds to.</param>
    /// <param name="Weight">The rectangle's utility (possibly negative).</param>
    /// <param name="Issues">The bounded issues.</param>
    /// <param name="Inside">Per bound, which classes of its issue lie inside it.</param>
    internal sealed record Term(int Party, double Weight, int[] Issues, bool[][] Inside);

    public int IssueCount => ClassOf.Length;

    public int ClassCount(int issue) => Representatives[issue].Length;

    /// <summary>
    /// The model of <paramref name="utilities"/>, or null unless each is a <see cref="HyperRectangleUtility"/> or a
    /// <see cref="LinearAdditiveUtility"/> over <paramref name="space"/> and every issue is enumerable.
    /// </summary>
    public static ClassedModel? TryBuild(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities)
    {
        if (!space.Issues.All(i => i.IsEnumerable)) return null;
        if (!utilities.All(u => u is HyperRectangleUtility { MaxUtility: > 0 } or LinearAdditiveUtility)) return null;
        int n = space.IssueCount, d = utilities.Count;
        var radices = space.Radices.ToArray();

        // Signature of each value: membership in every rectangle bound on the issue, and every additive score.
        var signatures = new List<double>[n][];
        for (int i = 0; i < n; i++)
        {
            signatures[i] = new List<double>[radices[i]];
            for (int v = 0; v < radices[i]; v++) signatures[i][v] = [];
        }
        foreach (var utility in utilities)
        {
            if (utility is LinearAdditiveUtility additive)
            {
                for (int i = 0; i < n; i++)
                    for (int v = 0; v < radices[i]; v++) signatures[i][v].Add(additive.WeightedScore(i, v));
                continue;
            }
            foreach (var rectangle in ((HyperRectangleUtility)utility).Rectangles)
                foreach (var b in rectangle.Bounds)
                    for (int v = 0; v < radices[b.Issue]; v++) signatures[b.Issue][v].Add(v >= b.MinIndex && v <= b.MaxIndex ? 1 : 0);
        }
        var classOf = new int[n][];
        var representatives = new int[n][];
        for (int i = 0; i < n; i++)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var reps = new List<int>();
            classOf[i] = new int[radices[i]];
            for (int v = 0; v < radices[i]; v++)
            {
                string key = string.Join(",", signatures[i][v].Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
                if (!seen.TryGetValue(key, out int c))
                {
                    seen.Add(key, c = reps.Count);
                    reps.Add(v);
                }
                classOf[i][v] = c;
            }
            representatives[i] = [.. reps];
        }

        var unary = new double[d][][];
        var terms = new List<Term>();
        var norm = new double[d];
        var integral = new bool[d];
        for (int p = 0; p < d; p++)
        {
            unary[p] = representatives.Select(r => new double[r.Length]).ToArray();
            if (utilities[p] is LinearAdditiveUtility additive)
            {
                norm[p] = 1;
                for (int i = 0; i < n; i++)
                    for (int c = 0; c < representatives[i].Length; c++) unary[p][i][c] = additive.WeightedScore(i, representatives[i][c]);
                integral[p] = unary[p].All(t => t.All(x => x == Math.Round(x)));
                continue;
            }
            var rectangles = (HyperRectangleUtility)utilities[p];
            norm[p] = rectangles.MaxUtility;
            integral[p] = rectangles.Rectangles.All(r => r.Utility == Math.Round(r.Utility));
            foreach (var rectangle in rectangles.Rectangles)
            {
                if (rectangle.Utility == 0) continue;
                // Bounds on one issue intersect; a rectangle bounding no issue always counts.
                var inside = new Dictionary<int, bool[]>();
                foreach (var b in rectangle.Bounds)
                {
                    if (!inside.TryGetValue(b.Issue, out var mask))
                        inside.Add(b.Issue, mask = Enumerable.Repeat(true, representatives[b.Issue].Length).ToArray());
                    for (int c = 0; c < mask.Length; c++)
                    {
                        int v = representatives[b.Issue][c];
                        mask[c] &= v >= b.MinIndex && v <= b.MaxIndex;
                    }
                }
                if (inside.Count == 0)
                {
                    // Constant: fold into issue 0 so every outcome gets it.
                    for (int c = 0; c < unary[p][0].Length; c++) unary[p][0][c] += rectangle.Utility;
                }
                else if (inside.Count == 1)
                {
                    var (issue, mask) = inside.First();
                    for (int c = 0; c < mask.Length; c++) if (mask[c]) unary[p][issue][c] += rectangle.Utility;
                }
                else
                {
                    var issues = inside.Keys.Order().ToArray();
                    terms.Add(new Term(p, rectangle.Utility, issues, issues.Select(i => inside[i]).ToArray()));
                }
            }
        }
        return new ClassedModel(d, classOf, representatives, unary, [.. terms], norm, integral);
    }
}
