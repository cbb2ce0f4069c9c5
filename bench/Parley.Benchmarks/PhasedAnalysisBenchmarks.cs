using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Benchmarks;

/// <summary>
/// Phased agreements (issue 16): <c>analyze</c> on 9 per-phase issues × 3 phases (27 slots of 5–8 values, two of them
/// deferrable: about 6.7·10^21 outcomes), reading and compiling that YAML, and the report on the phased example.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PhasedAnalysisBenchmarks
{
    private static readonly int[] Counts = [5, 6, 7, 8, 7, 8, 6, 7, 5];
    private string _yaml = "";
    private Scenario _nine = null!;
    private Scenario _contract = null!;

    /// <summary>The 9-issue, 3-phase scenario as YAML (seeded, so every run measures the same scenario).</summary>
    public static string NineIssuesThreePhases()
    {
        var random = new Random(7);
        string N(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("name: nine issues, three phases\nphases: {count: 3, days: 42}\nissues:\n");
        for (int i = 0; i < Counts.Length; i++)
            sb.Append($"  - {{name: I{i}, type: discrete, values: [{string.Join(", ", Enumerable.Range(0, Counts[i]).Select(v => $"v{v}"))}], phased: true{(i < 2 ? ", deferrable: [phase 3]" : "")}}}\n");
        sb.Append("parties:\n");
        for (int p = 0; p < 2; p++)
        {
            var w = Counts.Select(_ => random.NextDouble()).ToArray();
            double sum = w.Sum();
            sb.Append($"  - name: P{p}\n    reservedValue: 0.4\n    utility:\n      weights: {{{string.Join(", ", w.Select((x, i) => $"I{i}: {N(x / sum)}"))}}}\n      issues:\n");
            for (int i = 0; i < Counts.Length; i++)
            {
                var scores = Enumerable.Range(0, Counts[i]).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
                scores[random.Next(Counts[i])] = 1;
                sb.Append($"        I{i}: {{values: {{{string.Join(", ", scores.Select((x, v) => $"v{v}: {N(x)}"))}}}}}\n");
            }
            sb.Append($"    phases:\n      carriedOut: [1, 0.9, 0.8]\n      expects:\n        - {{issue: I0, phase: phase 3, value: v{p}}}\n        - {{issue: I1, phase: phase 3, distribution: {{v0: 0.5, v3: 0.5}}}}\n");
        }
        return sb.ToString();
    }

    [GlobalSetup]
    public void Setup()
    {
        _yaml = NineIssuesThreePhases();
        _nine = YamlScenarioReader.Read("nine.yaml", _yaml);
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Parley.slnx"))) dir = Path.GetDirectoryName(dir)!;
        _contract = ScenarioLoader.Load(Path.Combine(dir, "scenarios", "auto-contract-2023.yaml"));
    }

    [Benchmark(Baseline = true)]
    public AnalysisReport AnalyzeNineIssuesThreePhases() => ScenarioAnalyzer.Analyze(_nine);

    [Benchmark]
    public Scenario ReadAndCompileNineIssuesThreePhases() => YamlScenarioReader.Read("nine.yaml", _yaml);

    [Benchmark]
    public ScenarioReport ReportOnPhasedExample() => ReportBuilder.Build(_contract, new ReportOptions(MediatedRuns: false));
}
