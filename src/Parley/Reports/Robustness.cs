using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Reports;

/// <summary>One finding of the report and what it rests on.</summary>
/// <param name="Finding">The finding's key: <c>zone</c>, <c>ratifiedZone</c>, <c>stickingPoints</c> (the order of the top three), <c>firstZone</c>, <c>package:NAME</c>, <c>run:…</c> (a mediated run's outcome).</param>
/// <param name="Value">What the report finds with every assumption at its value.</param>
/// <param name="Holds">True when no variation of the assumptions (one at a time over a grid, jointly by seeded sampling) changes it.</param>
/// <param name="Input">True when an assumption was calibrated to produce it (its <c>calibratedFor</c>): an input, not a finding.</param>
/// <param name="DependsOn">The assumptions whose variation alone changes it (with "joint" when only joint variation does).</param>
/// <param name="Range">Over the first of <paramref name="DependsOn"/>: the range of its values around the scenario's for which the finding holds.</param>
public sealed record RobustnessFinding(string Finding, string Value, bool Holds, bool Input, ImmutableArray<string> DependsOn, (double Low, double High)? Range)
{
    /// <summary>For each of <see cref="DependsOn"/>, in order: the range of its values around the scenario's over which the finding holds (null for "joint").</summary>
    public ImmutableArray<(double Low, double High)?> Ranges { get; init; } = [];
}

/// <summary>Varies every <see cref="Assumption"/> of a scenario over its range and says which findings survive.</summary>
public static class Robustness
{
    /// <summary>Grid points per assumption in the one-at-a-time pass (both ends and the value included).</summary>
    public const int GridPoints = 5;

    /// <summary>Joint samples of the mediators' numbers for the mediated runs' findings (each sample runs every run of the report again).</summary>
    public const int RunSamples = 6;

    /// <summary>"joint" in <see cref="RobustnessFinding.DependsOn"/>: only varying several assumptions together changes the finding.</summary>
    public const string Joint = "joint";

    /// <summary>
    /// The findings of the report at the options' point with every assumption varied over its range. The mediators'
    /// numbers (an <see cref="Assumption.Party"/> that is a mediator) enter no finding but the mediated runs': with
    /// <see cref="ReportOptions.MediatedRuns"/>, the runs' outcomes (<c>run:…</c>) are found again with each mediator's
    /// stake at both ends of its range and with <see cref="RunSamples"/> joint samples of every mediator number; the
    /// principals' and ratifiers' numbers are held there (the runs would be needed again for each of their variations).
    /// </summary>
    public static ImmutableArray<RobustnessFinding> Of(Scenario scenario, ReportOptions options, int samples = 20, int seed = 0) =>
        Of(scenario, options, samples, seed, RobustnessFindings.Of);

    /// <summary>True when the assumption is a number of a mediator: no finding but the mediated runs' reads it.</summary>
    public static bool IsMediators(Scenario scenario, Assumption assumption)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(assumption);
        return assumption.Party is { } name && scenario.Parties.Any(p => p.Name == name && p.Role == PartyRole.Mediator);
    }

    /// <summary>As the public overload, with the findings of each variant computed by <paramref name="findingsOf"/> (tests compare the fast path with whole reports).</summary>
    internal static ImmutableArray<RobustnessFinding> Of(Scenario scenario, ReportOptions options, int samples, int seed, Func<Scenario, ReportOptions, Dictionary<string, string>> findingsOf, int runSamples = RunSamples)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        bool runs = options.MediatedRuns;
        options = options with { MediatedRuns = false };
        var assumptions = scenario.Assumptions;
        var baseFindings = findingsOf(scenario, options);
        if (assumptions.IsEmpty || scenario.SourceText is not { } text)
            return [.. baseFindings.Select(f => new RobustnessFinding(f.Key, f.Value, true, false, [], null))];
        // The mediators' numbers are not read by these findings (zone, ratification, sticking points, first zone, the
        // packages' answers use the principals and their ratifiers only): varying them would only repeat the base.
        int[] exact = [.. Enumerable.Range(0, assumptions.Length).Where(a => !IsMediators(scenario, assumptions[a]))];
        var found = Pass(scenario, text, options, findingsOf, baseFindings, exact, GridPoints, exact, samples, seed);
        int[] mediators = [.. Enumerable.Range(0, assumptions.Length).Where(a => IsMediators(scenario, assumptions[a]))];
        if (!runs || mediators.Length == 0) return found;
        // The mediated runs: each stake alone at both ends of its range, then every mediator number jointly.
        var runFindings = (Scenario variant, ReportOptions o) => RunFindings(variant, o.Seed);
        int[] stakes = [.. mediators.Where(a => assumptions[a].What.EndsWith("'stake'", StringComparison.Ordinal))];
        return [.. found, .. Pass(scenario, text, options, runFindings, runFindings(scenario, options), stakes, 2, mediators, runSamples, seed)];
    }

    /// <summary>Each run of the report (<see cref="MediatedRuns.Default"/>) and its outcome, keyed <c>run:PROTOCOL, NEGOTIATOR[, MEDIATOR]</c>.</summary>
    internal static Dictionary<string, string> RunFindings(Scenario scenario, int seed)
    {
        var results = MediatedRuns.Run(scenario, seed);
        var findings = new Dictionary<string, string>();
        for (int k = 0; k < results.Length; k++)
        {
            var spec = MediatedRuns.Default[k];
            string key = $"run:{spec.Protocol}, {string.Join("+", spec.Negotiators)}{(spec.Mediators.Count > 0 ? ", " + string.Join("+", spec.Mediators) : "")}";
            findings[key] = results[k].Outcome;
        }
        return findings;
    }

    // One pass: the assumptions of 'oneAtATime' varied alone over a grid of 'gridPoints' (both ends, evenly spaced, and
    // the value), then 'samples' seeded joint samples of those of 'jointly' (the others at their values).
    private static ImmutableArray<RobustnessFinding> Pass(Scenario scenario, string text, ReportOptions options,
        Func<Scenario, ReportOptions, Dictionary<string, string>> findingsOf, Dictionary<string, string> baseFindings,
        int[] oneAtATime, int gridPoints, int[] jointly, int samples, int seed)
    {
        var assumptions = scenario.Assumptions;
        // Every variant first (one-at-a-time grids, then the seeded joint samples), evaluated on all cores; each variant
        // is independent, so the result does not depend on the order they finish in.
        var baseValues = assumptions.Select(x => x.Value).ToArray();
        // Grid points rounded to 12 decimals: 0.17, not 0.16999999999999998, in the ranges the report prints.
        var grids = oneAtATime.Select(a => assumptions[a]).Select(x => Enumerable.Range(0, gridPoints).Select(k => Math.Round(x.Low + (x.High - x.Low) * k / (gridPoints - 1), 12)).Append(x.Value).Distinct().Order().ToArray()).ToArray();
        var variants = new List<double[]>();
        for (int g = 0; g < oneAtATime.Length; g++)
        {
            int a = oneAtATime[g];
            foreach (double v in grids[g])
                if (v != assumptions[a].Value) variants.Add([.. baseValues[..a], v, .. baseValues[(a + 1)..]]);
        }
        int oneAtATimeVariants = variants.Count;
        var random = new Random(seed);
        for (int s = 0; s < samples; s++)
        {
            var values = (double[])baseValues.Clone();
            foreach (int a in jointly) values[a] = assumptions[a].Low + (assumptions[a].High - assumptions[a].Low) * random.NextDouble();
            variants.Add(values);
        }
        var found = new Dictionary<string, string>?[variants.Count];
        try
        {
            Parallel.For(0, variants.Count, k => found[k] = Variant(scenario, text, options, findingsOf, variants[k]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var depends = baseFindings.Keys.ToDictionary(k => k, _ => new List<(string What, (double, double)? Range)>());
        int next = 0;
        for (int g = 0; g < oneAtATime.Length; g++)
        {
            var x = assumptions[oneAtATime[g]];
            var grid = grids[g];
            var results = grid.Select(v => v == x.Value ? baseFindings : found[next++]).ToArray();
            foreach (var key in baseFindings.Keys)
            {
                // A combination the format refuses (e.g. probabilities no longer summing to 1) says nothing: it counts as holding.
                var holdsAt = results.Select(r => r is null || r.GetValueOrDefault(key) == baseFindings[key]).ToArray();
                if (holdsAt.All(h => h)) continue;
                int at = Array.IndexOf(grid, x.Value), lo = at, hi = at;
                while (lo > 0 && holdsAt[lo - 1]) lo--;
                while (hi < grid.Length - 1 && holdsAt[hi + 1]) hi++;
                depends[key].Add((x.What, (grid[lo], grid[hi])));
            }
        }
        for (int k = oneAtATimeVariants; k < variants.Count; k++)
        {
            if (found[k] is not { } joint) continue;
            foreach (var key in baseFindings.Keys)
                if (joint.GetValueOrDefault(key) != baseFindings[key] && depends[key].Count == 0) depends[key].Add((Joint, null));
        }
        return [.. baseFindings.Select(f => new RobustnessFinding(f.Key, f.Value, depends[f.Key].Count == 0,
            assumptions.Any(x => x.CalibratedFor is { } c && (c == f.Key || (c == "package" && f.Key.StartsWith("package:", StringComparison.Ordinal)))),
            [.. depends[f.Key].Select(d => d.What)], depends[f.Key].FirstOrDefault().Range)
        {
            Ranges = [.. depends[f.Key].Select(d => d.Range)],
        })];
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
