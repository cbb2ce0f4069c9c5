using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Plots;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// The viewer's pictures: the utility plane of EnglandZimbabwe (576 outcomes, every one drawn) and of Nonlinear10issues
/// (10^10 outcomes, a seeded sample of 20,000), built from the analysis and rendered to PNG and SVG at 1000 × 700.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlotBenchmarks
{
    private Scenario _england = null!, _nonlinear = null!;
    private AnalysisReport _englandAnalysis = null!, _nonlinearAnalysis = null!;
    private DealSpace _englandSpace = null!;

    [GlobalSetup]
    public void Setup()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Parley.slnx"))) dir = Path.GetDirectoryName(dir)!;
        _england = ScenarioLoader.Load(Path.Combine(dir, "scenarios", "EnglandZimbabwe"));
        _nonlinear = ScenarioLoader.Load(Path.Combine(dir, "scenarios", "Nonlinear10issues"));
        _englandAnalysis = ScenarioAnalyzer.Analyze(_england);
        _nonlinearAnalysis = ScenarioAnalyzer.Analyze(_nonlinear);
        _englandSpace = DealSpaceBuilder.Build(_england, _englandAnalysis, new DealSpaceOptions());
    }

    [Benchmark(Baseline = true)]
    public DealSpace BuildEnglandZimbabwe() => DealSpaceBuilder.Build(_england, _englandAnalysis, new DealSpaceOptions());

    [Benchmark]
    public DealSpace BuildNonlinearSample() => DealSpaceBuilder.Build(_nonlinear, _nonlinearAnalysis, new DealSpaceOptions());

    [Benchmark]
    public long RenderPng() => Render(svg: false);

    [Benchmark]
    public long RenderSvg() => Render(svg: true);

    private long Render(bool svg)
    {
        var buffer = new MemoryStream();
        ChartFile.Write(buffer, svg, 1000, 700, PlaneChart.DealSpace(_englandSpace));
        return buffer.Length;
    }
}
