using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Reports;

/// <summary>One finding of the report and what it rests on.</summary>
/// <param name="Finding">The finding's key: <c>zone</c>, <c>stickingPoints</c> (the order of the top three), <c>firstZone</c>, <c>package:NAME</c>.</param>
/// <param name="Value">What the report finds with every assumption at its value.</param>
/// <param name="Holds">True when no variation of the assumptions (one at a time over a grid, jointly by seeded sampling) changes it.</param>
/// <param name="Input">True when an assumption was calibrated to produce it (its <c>calibratedFor</c>): an input, not a finding.</param>
/// <param name="DependsOn">The assumptions whose variation alone changes it (with "joint" when only joint variation does).</param>
/// <param name="Range">Over the first of <paramref name="DependsOn"/>: the range of its values around the scenario's for which the finding holds.</param>
public sealed record RobustnessFinding(string Finding, string Value, bool Holds, bool Input, ImmutableArray<string> DependsOn, (double Low, double High)? Range);

/// <summary>Varies every <see cref="Assumption"/> of a scenario over its range and says which findings survive.</summary>
public static class Robustness
{
    /// <summary>Grid points per assumption in the one-at-a-time pass (both ends and the value included).</summary>
    public const int GridPoints = 5;

    public static ImmutableArray<RobustnessFinding> Of(Scenario scenario, ReportOptions options, int samples = 20, int seed = 0) =>
        Of(scenario, options, samples, seed, RobustnessFindings.Of);

    /// <summary>As the public overload, with the findings of each variant computed by <paramref name="findingsOf"/> (tests compare the fast path with whole reports).</summary>
    internal static ImmutableArray<RobustnessFinding> Of(Scenario scenario, ReportOptions options, int samples, int seed, Func<Scenario, ReportOptions, Dictionary<string, string>> findingsOf)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options = options with { MediatedRuns = false };
        var assumptions = scenario.Assumptions;
        var baseFindings = findingsOf(scenario, options);
        if (assumptions.IsEmpty || scenario.SourceText is not { } text)
            return [.. baseFindings.Select(f => new RobustnessFinding(f.Key, f.Value, true, false, [], null))];
        // Every variant first (one-at-a-time grids, then the seeded joint samples), evaluated on all cores; each variant
        // is independent, so the result does not depend on the order they finish in.
        var baseValues = assumptions.Select(x => x.Value).ToArray();
        // Grid points rounded to 12 decimals: 0.17, not 0.16999999999999998, in the ranges the report prints.
        var grids = assumptions.Select(x => Enumerable.Range(0, GridPoints).Select(k => Math.Round(x.Low + (x.High - x.Low) * k / (GridPoints - 1), 12)).Append(x.Value).Distinct().Order().ToArray()).ToArray();
        var variants = new List<double[]>();
        for (int a = 0; a < assumptions.Length; a++)
            foreach (double v in grids[a])
                if (v != assumptions[a].Value) variants.Add([.. baseValues[..a], v, .. baseValues[(a + 1)..]]);
        int oneAtATime = variants.Count;
        var random = new Random(seed);
        for (int s = 0; s < samples; s++) variants.Add(assumptions.Select(x => x.Low + (x.High - x.Low) * random.NextDouble()).ToArray());
        var found = new Dictionary<string, string>?[variants.Count];
        try
        {
            Parallel.For(0, variants.Count, k => found[k] = Variant(scenario, text, options, findingsOf, variants[k]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var depends = baseFindings.Keys.ToDictionary(k => k, _ => new List<string>());
        var ranges = new Dictionary<string, (double, double)>();
        int next = 0;
        for (int a = 0; a < assumptions.Length; a++)
        {
            var x = assumptions[a];
            var grid = grids[a];
            var results = grid.Select(v => v == x.Value ? baseFindings : found[next++]).ToArray();
            foreach (var key in baseFindings.Keys)
            {
                // A combination the format refuses (e.g. probabilities no longer summing to 1) says nothing: it counts as holding.
                var holdsAt = results.Select(r => r is null || r.GetValueOrDefault(key) == baseFindings[key]).ToArray();
                if (holdsAt.All(h => h)) continue;
                depends[key].Add(x.What);
                if (ranges.ContainsKey(key)) continue;
                int at = Array.IndexOf(grid, x.Value), lo = at, hi = at;
                while (lo > 0 && holdsAt[lo - 1]) lo--;
                while (hi < grid.Length - 1 && holdsAt[hi + 1]) hi++;
                ranges[key] = (grid[lo], grid[hi]);
            }
        }
        for (int k = oneAtATime; k < variants.Count; k++)
        {
            if (found[k] is not { } joint) continue;
            foreach (var key in baseFindings.Keys)
                if (joint.GetValueOrDefault(key) != baseFindings[key] && depends[key].Count == 0) depends[key].Add("joint");
        }
        return [.. baseFindings.Select(f => new RobustnessFinding(f.Key, f.Value, depends[f.Key].Count == 0,
            assumptions.Any(x => x.CalibratedFor is { } c && (c == f.Key || (c == "package" && f.Key.StartsWith("package:", StringComparison.Ordinal)))),
            [.. depends[f.Key]], ranges.TryGetValue(f.Key, out var r) ? r : null))];
    }

    private static Dictionary<string, string>? Variant(Scenario scenario, string text, ReportOptions options, Func<Scenario, ReportOptions, Dictionary<string, string>> findingsOf, double[] values)
    {
        var sb = new StringBuilder(text);
        // Replace from the last assumption in the text back, so earlier offsets stay valid (they are listed in the order
        // they were read, which need not be the text's).
        foreach (int a in Enumerable.Range(0, scenario.Assumptions.Length).OrderByDescending(a => scenario.Assumptions[a].Start))
        {
            var x = scenario.Assumptions[a];
            sb.Remove(x.Start, x.End - x.Start).Insert(x.Start, values[a].ToString("R", CultureInfo.InvariantCulture));
        }
        try
        {
            var variant = YamlScenarioReader.Read(scenario.Location ?? scenario.Name, sb.ToString());
            return findingsOf(variant, options);
        }
        catch (ScenarioFormatException)
        {
            return null;
        }
    }
}
