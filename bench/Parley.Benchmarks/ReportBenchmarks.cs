using BenchmarkDotNet.Attributes;
using Parley.Preferences;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// The Cairo analyst report (26,244 outcomes, 5 parties, 27 timeline points, 9 relaxed issues; no mediated runs) and the
/// per-round red-line and timeline queries negotiators make.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReportBenchmarks
{
    private Scenario _cairo = null!;
    private RedLines _redLines = null!;
    private readonly int[] _package = [1, 1, 1, 1, 1, 1, 3, 1, 1];

    [GlobalSetup]
    public void Setup()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Parley.slnx"))) dir = Path.GetDirectoryName(dir)!;
        _cairo = ScenarioLoader.Load(Path.Combine(dir, "scenarios", "cairo-2024.yaml"));
        _redLines = _cairo.Parties[0].Profile.RedLines;
    }

    [Benchmark(Baseline = true)]
    public ScenarioReport CairoReport() => ReportBuilder.Build(_cairo, new ReportOptions(new DateOnly(2024, 2, 13), MediatedRuns: false));

    [Benchmark]
    public bool RedLinesCrosses() => _redLines.Crosses(_package);

    [Benchmark]
    public bool ScenarioAccepts() => _cairo.Accepts(0, _package, 0.5);
}
