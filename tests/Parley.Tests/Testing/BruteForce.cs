using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Scenarios;

namespace Parley.Tests.Testing;

/// <summary>
/// The one test oracle for deal-space analysis: dominance, the Pareto frontier, and the Nash, Kalai–Smorodinsky and
/// max-welfare solutions, each computed by brute force over every outcome straight from its definition (docs/analysis.md).
/// It calls nothing in <c>Parley.Analysis</c> but the record types it returns, so a bug there cannot hide in both the
/// code under test and its oracle. Quadratic: small spaces only.
/// </summary>
internal static class BruteForce
{
    /// <summary>Every party's utility of every outcome (rows[party][outcome]), evaluated outcome by outcome from the profiles.</summary>
    public static double[][] Rows(Scenario scenario)
    {
        int count = checked((int)scenario.Space.Count);
        var values = new int[scenario.Space.IssueCount];
        var rows = new double[scenario.Parties.Length][];
        for (int p = 0; p < rows.Length; p++) rows[p] = new double[count];
        for (int o = 0; o < count; o++)
        {
            Decode(scenario, o, values);
            for (int p = 0; p < rows.Length; p++) rows[p][o] = scenario.Parties[p].Profile.Utility.Utility(values);
        }
        return rows;
    }

    /// <summary>The rows of a utility matrix, copied.</summary>
    public static double[][] Rows(UtilityMatrix matrix) =>
        Enumerable.Range(0, matrix.PartyCount).Select(p => matrix.Row(p).ToArray()).ToArray();

    /// <summary>The value indices of outcome <paramref name="o"/>: mixed radix, the first issue varying fastest.</summary>
    public static void Decode(Scenario scenario, long o, int[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            int radix = scenario.Space.Issues[i].ValueCount;
            values[i] = (int)(o % radix);
            o /= radix;
        }
    }

    public static double[] Vector(double[][] rows, int outcome) => rows.Select(r => r[outcome]).ToArray();

    /// <summary>q dominates p: at least as good for every party and better for one.</summary>
    public static bool Dominates(IReadOnlyList<double> q, IReadOnlyList<double> p)
    {
        bool better = false;
        for (int i = 0; i < p.Count; i++)
        {
            if (q[i] < p[i]) return false;
            better |= q[i] > p[i];
        }
        return better;
    }

    /// <summary>q is at least as good as p for every party.</summary>
    public static bool WeaklyDominates(IReadOnlyList<double> q, IReadOnlyList<double> p) =>
        Enumerable.Range(0, p.Count).All(i => q[i] >= p[i]);

    /// <summary>Distinct non-dominated vectors (as <see cref="Key"/> strings) and the number of outcomes reaching them.</summary>
    public static (HashSet<string> Vectors, long Outcomes) Frontier(double[][] rows)
    {
        var optimal = FrontierOutcomes(rows);
        return (optimal.Select(o => Key(Vector(rows, o))).ToHashSet(), optimal.Count);
    }

    /// <summary>
    /// Two parties, larger spaces: the distinct non-dominated vectors by a sort and a sweep (u0 descending, then u1
    /// descending; a vector is kept when its u1 beats every kept one), in u0-descending order.
    /// </summary>
    public static List<double[]> BilateralFrontier(double[][] rows)
    {
        var order = Enumerable.Range(0, rows[0].Length).OrderByDescending(o => rows[0][o]).ThenByDescending(o => rows[1][o]);
        var kept = new List<double[]>();
        foreach (int o in order)
            if (kept.Count == 0 || rows[1][o] > kept[^1][1]) kept.Add([rows[0][o], rows[1][o]]);
        return kept;
    }

    /// <summary>Every outcome no other outcome dominates.</summary>
    public static List<int> FrontierOutcomes(double[][] rows)
    {
        int n = rows[0].Length;
        var optimal = new List<int>();
        for (int o = 0; o < n; o++)
        {
            var p = Vector(rows, o);
            bool dominated = false;
            for (int q = 0; q < n && !dominated; q++) dominated = Dominates(Vector(rows, q), p);
            if (!dominated) optimal.Add(o);
        }
        return optimal;
    }

    /// <summary>Exact text of a vector (round-trip format), so equal keys mean bitwise-equal utilities.</summary>
    public static string Key(IEnumerable<double> vector) => string.Join(",", vector.Select(x => x.ToString("R")));

    /// <summary>Whether every party gets at least its reserved value.</summary>
    public static bool IsRational(IReadOnlyList<double> u, IReadOnlyList<double> reserved) =>
        Enumerable.Range(0, u.Count).All(i => u[i] >= reserved[i]);

    /// <summary>Π(u_i − r_i) for an individually rational vector, null otherwise.</summary>
    public static double? NashProduct(IReadOnlyList<double> u, IReadOnlyList<double> reserved) =>
        IsRational(u, reserved) ? Enumerable.Range(0, u.Count).Aggregate(1.0, (product, i) => product * (u[i] - reserved[i])) : null;

    /// <summary>The largest Nash product over all outcomes, or null when none is positive (then there is no Nash point).</summary>
    public static double? BestNashProduct(double[][] rows, IReadOnlyList<double> reserved)
    {
        double best = 0;
        for (int o = 0; o < rows[0].Length; o++)
            if (NashProduct(Vector(rows, o), reserved) is { } product && product > best) best = product;
        return best > 0 ? best : null;
    }

    /// <summary>Σ u_i.</summary>
    public static double Welfare(IReadOnlyList<double> u) => u.Sum();

    /// <summary>The largest welfare over all outcomes.</summary>
    public static double BestWelfare(double[][] rows) => Enumerable.Range(0, rows[0].Length).Max(o => Welfare(Vector(rows, o)));

    /// <summary>Every party's best utility among the individually rational outcomes, or null when there is none.</summary>
    public static double[]? Ideal(double[][] rows, IReadOnlyList<double> reserved)
    {
        var rational = Enumerable.Range(0, rows[0].Length).Where(o => IsRational(Vector(rows, o), reserved)).ToList();
        return rational.Count == 0 ? null : rows.Select(row => rational.Max(o => row[o])).ToArray();
    }

    /// <summary>min over parties with ideal_i &gt; r_i of (u_i − r_i)/(ideal_i − r_i); 1 when no party can gain.</summary>
    public static double KalaiObjective(IReadOnlyList<double> u, IReadOnlyList<double> reserved, IReadOnlyList<double> ideal)
    {
        var ratios = Enumerable.Range(0, u.Count).Where(i => ideal[i] > reserved[i])
            .Select(i => (u[i] - reserved[i]) / (ideal[i] - reserved[i])).ToList();
        return ratios.Count == 0 ? 1.0 : ratios.Min();
    }

    /// <summary>The largest Kalai–Smorodinsky objective over the individually rational outcomes, with the ideal point used;
    /// null when no outcome is individually rational.</summary>
    public static (double Objective, double[] Ideal)? BestKalai(double[][] rows, IReadOnlyList<double> reserved)
    {
        if (Ideal(rows, reserved) is not { } ideal) return null;
        double best = Enumerable.Range(0, rows[0].Length).Select(o => Vector(rows, o)).Where(u => IsRational(u, reserved))
            .Max(u => KalaiObjective(u, reserved, ideal));
        return (best, ideal);
    }

    /// <summary>The frontier (distinct vectors, first in lexicographically descending order) and a Nash point of a small
    /// scenario, reserved values taken at t = 0.</summary>
    public static (ParetoFrontier Frontier, DealPoint Nash) Analyse(Scenario scenario)
    {
        var rows = Rows(scenario);
        var reserved = scenario.Parties.Select(p => p.Profile.ReservedValue.At(0)).ToArray();
        var optimal = FrontierOutcomes(rows);
        var distinct = optimal.GroupBy(o => Key(Vector(rows, o))).Select(g => g.First())
            .OrderByDescending(o => rows[0][o]).ToList();
        DealPoint Point(int o)
        {
            var values = new int[scenario.Space.IssueCount];
            Decode(scenario, o, values);
            return new DealPoint([.. Vector(rows, o)], [.. values]);
        }
        int nash = distinct.OrderByDescending(o => NashProduct(Vector(rows, o), reserved) ?? -1).First();
        return (new ParetoFrontier(distinct.Select(Point).ToImmutableArray(), true, optimal.Count), Point(nash));
    }
}
