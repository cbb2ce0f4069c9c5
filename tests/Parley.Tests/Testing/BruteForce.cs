using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Scenarios;

namespace Parley.Tests.Testing;

/// <summary>Brute-force Pareto frontier and Nash point of a small scenario (test oracle; the library's analyser lives elsewhere).</summary>
internal static class BruteForce
{
    public static (ParetoFrontier Frontier, DealPoint Nash) Analyse(Scenario scenario)
    {
        var space = scenario.Space;
        int count = (int)space.Count, n = scenario.Parties.Length;
        var u = new double[n][];
        for (int p = 0; p < n; p++)
        {
            u[p] = new double[count];
            scenario.Parties[p].Profile.Utility.EvaluateAll(u[p]);
        }
        var points = new List<(double[] U, int O)>();
        for (int o = 0; o < count; o++)
        {
            bool dominated = false;
            for (int q = 0; q < count && !dominated; q++)
            {
                bool geq = true, gt = false;
                for (int p = 0; p < n; p++)
                {
                    if (u[p][q] < u[p][o]) geq = false;
                    if (u[p][q] > u[p][o]) gt = true;
                }
                dominated = geq && gt;
            }
            if (!dominated) points.Add((Enumerable.Range(0, n).Select(p => u[p][o]).ToArray(), o));
        }
        var distinct = points.GroupBy(x => string.Join(",", x.U)).Select(g => g.First()).OrderByDescending(x => x.U[0]).ToList();
        DealPoint Point((double[] U, int O) x)
        {
            var values = new int[space.IssueCount];
            space.Decode(x.O, values);
            return new DealPoint([.. x.U], [.. values]);
        }
        var rv = scenario.Parties.Select(p => p.Profile.ReservedValue.Initial).ToArray();
        var nash = distinct.OrderByDescending(x => Enumerable.Range(0, n).Aggregate(1.0, (acc, p) => acc * Math.Max(0, x.U[p] - rv[p]))).First();
        return (new ParetoFrontier(distinct.Select(Point).ToImmutableArray(), true, points.Count), Point(nash));
    }
}
