using BenchmarkDotNet.Attributes;
using Parley.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Parley.Benchmarks;

/// <summary>
/// Loading a scenario in each format (GENIUS folder, GeniusWeb folder, Parley YAML), and what the YAML input guard (the
/// depth and alias-expansion scan before parsing) costs next to YamlDotNet's own parse of the same text.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScenarioLoadingBenchmarks
{
    private string _genius = null!, _geniusWeb = null!, _yaml = null!, _yamlText = null!;

    [GlobalSetup]
    public void Setup()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Parley.slnx"))) dir = Path.GetDirectoryName(dir)!;
        _genius = Path.Combine(dir, "scenarios", "EnglandZimbabwe");
        _geniusWeb = Path.GetFullPath(Path.Combine(dir, "..", "shared", "scenarios", "geniusweb", "JapnTrip"));
        _yaml = Path.Combine(dir, "scenarios", "cairo-2024.yaml");
        _yamlText = File.ReadAllText(_yaml);
    }

    [Benchmark]
    public Scenario LoadGeniusFolder() => ScenarioLoader.Load(_genius);

    [Benchmark]
    public Scenario LoadGeniusWebFolder() => ScenarioLoader.Load(_geniusWeb);

    [Benchmark(Baseline = true)]
    public Scenario LoadYaml() => ScenarioLoader.Load(_yaml);

    [Benchmark]
    public YamlStream YamlDotNetParseOnly()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_yamlText));
        return stream;
    }

    [Benchmark]
    public string YamlInputGuardOnly()
    {
        InputGuard.CheckYaml(_yaml, _yamlText);
        return _yaml;
    }
}
