using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Benchmarks;

/// <summary>
/// <c>report --robustness</c> (issue 16 §5) on the phased example (58,212 outcomes, 62 days): as shipped (8 assumptions)
/// and with 12 more of its numbers marked as assumptions (20 in all: weights, slopes, offsets, scores, beliefs, event sizes).
/// Each assumption is varied over its 5-point grid (the scenario's own value not read again), plus 20 joint samples.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RobustnessBenchmarks
{
    private Scenario _eight = null!;
    private Scenario _twenty = null!;
    private string _twentyText = "";
    private readonly ReportOptions _options = new(new DateOnly(2023, 8, 24), MediatedRuns: false);

    /// <summary>The phased example with 20 numbers marked as assumptions.</summary>
    public static string TwentyAssumptions(string contract)
    {
        (string From, string To, int Count)[] marks =
        [
            ("COLA: 0.15,", "COLA: {value: 0.15, range: [0.1, 0.2]},", 2),
            ("{slope: 0.05, offset: 0,", "{slope: {value: 0.05, range: [0.04, 0.06]}, offset: {value: 0, range: [0, 0.05]},", 1),
            ("{slope: -0.05, offset: 1,", "{slope: {value: -0.05, range: [-0.06, -0.04]}, offset: {value: 1, range: [0.95, 1]},", 1),
            ("change: -0.15,", "change: {value: -0.15, range: [-0.25, -0.05]},", 1),
            ("change: -0.02,", "change: {value: -0.02, range: [-0.05, 0]},", 1),
            ("carriedOut: [1, 1,", "carriedOut: [1, {value: 1, range: [0.9, 1]},", 2),
            ("COLA: {values: {none: 0, restored: 1}", "COLA: {values: {none: 0, restored: {value: 1, range: [0.8, 1]}}", 1),
            ("COLA: {values: {none: 1, restored: 0}", "COLA: {values: {none: {value: 1, range: [0.8, 1]}, restored: 0}", 1),
        ];
        foreach (var (from, to, count) in marks)
        {
            int found = (contract.Length - contract.Replace(from, "", StringComparison.Ordinal).Length) / from.Length;
            if (found != count) throw new InvalidOperationException($"The phased example has '{from}' {found} time(s), expected {count}.");
            contract = contract.Replace(from, to, StringComparison.Ordinal);
        }
        return contract;
    }

    [GlobalSetup]
    public void Setup()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Parley.slnx"))) dir = Path.GetDirectoryName(dir)!;
        string path = Path.Combine(dir, "scenarios", "auto-contract-2023.yaml");
        _eight = ScenarioLoader.Load(path);
        _twentyText = TwentyAssumptions(File.ReadAllText(path));
        _twenty = YamlScenarioReader.Read(path, _twentyText);
        if (_eight.Assumptions.Length != 8 || _twenty.Assumptions.Length != 20)
            throw new InvalidOperationException($"Expected 8 and 20 assumptions, got {_eight.Assumptions.Length} and {_twenty.Assumptions.Length}.");
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<RobustnessFinding> RobustnessEightAssumptions() => Robustness.Of(_eight, _options);

    [Benchmark]
    public ImmutableArray<RobustnessFinding> RobustnessTwentyAssumptions() => Robustness.Of(_twenty, _options);

    /// <summary>One variant's share: reading and compiling the YAML.</summary>
    [Benchmark]
    public Scenario ReadVariant() => YamlScenarioReader.Read("variant.yaml", _twentyText);

    /// <summary>One variant's share: the findings (zone, sticking points, first zone, packages) of the compiled scenario.</summary>
    [Benchmark]
    public Dictionary<string, string> FindingsOfVariant() => RobustnessFindings.Of(_twenty, _options);
}
