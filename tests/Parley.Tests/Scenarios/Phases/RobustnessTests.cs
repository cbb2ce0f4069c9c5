using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Issue 16 §5: assumptions with ranges, and which findings they decide.</summary>
public class RobustnessTests
{
    private static string Contract => Path.Combine(TestPaths.RepoRoot, "scenarios", "auto-contract-2023.yaml");

    [Fact]
    public void Assumptions_AreReadWithTheirRangesAndPositions()
    {
        var s = ScenarioLoader.Load(Contract);
        Assert.Equal(8, s.Assumptions.Length);
        foreach (var a in s.Assumptions)
        {
            string written = s.SourceText![a.Start..a.End];
            Assert.StartsWith("{value:", written, StringComparison.Ordinal);
            Assert.EndsWith("}", written, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Robustness_OfThePhasedExample_SaysWhatEachFindingRestsOn()
    {
        var s = ScenarioLoader.Load(Contract);
        var findings = Robustness.Of(s, new ReportOptions(MediatedRuns: false), samples: 10);
        var zone = findings.Single(f => f.Finding == "zone");
        Assert.True(zone.Input); // the outside options were calibrated for it
        Assert.False(zone.Holds); // and it does not survive their whole ranges
        Assert.Contains(zone.DependsOn, d => d.Contains("'UAW'", StringComparison.Ordinal));
        Assert.NotNull(zone.Range);
        Assert.True(zone.Range!.Value.Low <= 0.5 && 0.5 <= zone.Range.Value.High);
        Assert.Contains(findings, f => f.Finding == "package:Tentative agreement" && !f.Input);
    }
}
