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

    public static ImmutableArray<RobustnessFinding> Of(Scenario scenario, ReportOptions options, int samples = 20, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var assumptions = scenario.Assumptions;
        var baseFindings = Findings(ReportBuilder.Build(scenario, options with { MediatedRuns = false }))!;
        if (assumptions.IsEmpty || scenario.SourceText is not { } text)
            return [.. baseFindings.Select(f => new RobustnessFinding(f.Key, f.Value, true, false, [], null))];
        var depends = baseFindings.Keys.ToDictionary(k => k, _ => new List<string>());
        var ranges = new Dictionary<string, (double, double)>();
        for (int a = 0; a < assumptions.Length; a++)
        {
            var x = assumptions[a];
            var grid = Enumerable.Range(0, GridPoints).Select(k => x.Low + (x.High - x.Low) * k / (GridPoints - 1)).Append(x.Value).Distinct().Order().ToArray();
            var results = grid.Select(v => (v, Findings(Variant(scenario, text, options, a, v)))).ToArray();
            foreach (var key in baseFindings.Keys)
            {
                // A combination the format refuses (e.g. probabilities no longer summing to 1) says nothing: it counts as holding.
                var holdsAt = results.Select(r => r.Item2 is null || r.Item2.GetValueOrDefault(key) == baseFindings[key]).ToArray();
                if (holdsAt.All(h => h)) continue;
                depends[key].Add(x.What);
                if (ranges.ContainsKey(key)) continue;
                int at = Array.IndexOf(grid, x.Value), lo = at, hi = at;
                while (lo > 0 && holdsAt[lo - 1]) lo--;
                while (hi < grid.Length - 1 && holdsAt[hi + 1]) hi++;
                ranges[key] = (grid[lo], grid[hi]);
            }
        }
        var random = new Random(seed);
        for (int s = 0; s < samples; s++)
        {
            var values = assumptions.Select(x => x.Low + (x.High - x.Low) * random.NextDouble()).ToArray();
            if (Findings(Variant(scenario, text, options, values)) is not { } found) continue;
            foreach (var key in baseFindings.Keys)
                if (found.GetValueOrDefault(key) != baseFindings[key] && depends[key].Count == 0) depends[key].Add("joint");
        }
        return [.. baseFindings.Select(f => new RobustnessFinding(f.Key, f.Value, depends[f.Key].Count == 0,
            assumptions.Any(x => x.CalibratedFor is { } c && (c == f.Key || (c == "package" && f.Key.StartsWith("package:", StringComparison.Ordinal)))),
            [.. depends[f.Key]], ranges.TryGetValue(f.Key, out var r) ? r : null))];
    }

    private static Dictionary<string, string>? Findings(ScenarioReport? r)
    {
        if (r is null) return null;
        var s = r.Scenario;
        var findings = new Dictionary<string, string>
        {
            ["zone"] = r.Zone.Exists ? "exists" : "none",
            ["stickingPoints"] = string.Join(" > ", r.StickingPoints.Take(3).Select(p => s.Space.Issues[p.Issue].Name)),
            ["firstZone"] = r.Sensitivity.FirstOrDefault(p => p.ZoneExists) is { } first ? first.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? first.Time.ToString("0.###", CultureInfo.InvariantCulture) : "never",
        };
        foreach (var v in r.Packages)
            findings[$"package:{v.Package.Name}"] = string.Join(", ", v.Answers.Select(a => $"{s.Parties[a.Party].Name} {(a.Accepts ? "accepts" : "rejects")}"));
        return findings;
    }

    private static ScenarioReport? Variant(Scenario scenario, string text, ReportOptions options, int assumption, double value)
    {
        var values = scenario.Assumptions.Select(x => x.Value).ToArray();
        values[assumption] = value;
        return Variant(scenario, text, options, values);
    }

    private static ScenarioReport? Variant(Scenario scenario, string text, ReportOptions options, double[] values)
    {
        var sb = new StringBuilder(text);
        // Replace from the last assumption back, so earlier offsets stay valid.
        for (int a = scenario.Assumptions.Length - 1; a >= 0; a--)
        {
            var x = scenario.Assumptions[a];
            sb.Remove(x.Start, x.End - x.Start).Insert(x.Start, values[a].ToString("R", CultureInfo.InvariantCulture));
        }
        try
        {
            var variant = YamlScenarioReader.Read(scenario.Location ?? scenario.Name, sb.ToString());
            return ReportBuilder.Build(variant, options with { MediatedRuns = false });
        }
        catch (ScenarioFormatException)
        {
            return null;
        }
    }
}
