using Parley.Analysis;
using Parley.Plots;
using Parley.Scenarios;

namespace Parley.Web.Tests;

/// <summary>The ScottPlot charts written as PNG and SVG: the size asked for, and real content (not a blank canvas).</summary>
public sealed class PlotTests
{
    private static DealSpace Space(string name, int maxOutcomes = 20_000)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(TestPaths.Scenarios, name));
        return DealSpaceBuilder.Build(scenario, ScenarioAnalyzer.Analyze(scenario), new DealSpaceOptions(MaxOutcomes: maxOutcomes));
    }

    [Fact]
    public void DealSpace_EnumerableScenario_ShowsEveryOutcomeAndTheSolutions()
    {
        var space = Space("EnglandZimbabwe");
        Assert.Equal(576, space.Outcomes.Length);
        Assert.False(space.Sampled);
        Assert.NotNull(space.Nash);
        Assert.NotNull(space.KalaiSmorodinsky);
        Assert.True(space.Frontier.Length >= 2);
        // Every outcome lies in the unit square and no outcome dominates a frontier point.
        Assert.All(space.Outcomes, p => Assert.InRange(p.X, 0, 1));
        foreach (var f in space.Frontier)
            Assert.DoesNotContain(space.Outcomes, o => o.X > f.X + 1e-9 && o.Y > f.Y + 1e-9);
    }

    [Fact]
    public void DealSpace_HugeScenario_IsASeededSample()
    {
        var a = Space("Nonlinear10issues", maxOutcomes: 2_000);
        var b = Space("Nonlinear10issues", maxOutcomes: 2_000);
        Assert.True(a.Sampled);
        Assert.Equal(2_000, a.Outcomes.Length);
        Assert.Equal(a.Outcomes.ToArray(), b.Outcomes.ToArray());
    }

    [Fact]
    public void DealSpace_Png_HasTheSizeAskedForAndContent()
    {
        var buffer = new MemoryStream();
        ChartFile.Write(buffer, svg: false, 900, 600, PlaneChart.DealSpace(Space("EnglandZimbabwe")));
        File.WriteAllBytes(Path.Combine(TestPaths.Artifacts, "deal-space.png"), buffer.ToArray());
        ImageChecks.AssertPng(buffer.ToArray(), 900, 600, minColours: 20);
    }

    [Fact]
    public void Run_Svg_HasBothPanelsWithPlainWordLabels()
    {
        var space = Space("Laptop") with { XParty = "buyer", YParty = "seller" };
        var run = SampleRun();
        var buffer = new MemoryStream();
        ChartFile.Write(buffer, svg: true, 1600, 700, new ChartPanel(PlaneChart.Run(space, run), 1.5), TimelineChart.StandingOffer(run));
        string svg = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        File.WriteAllText(Path.Combine(TestPaths.Artifacts, "run.svg"), svg);
        ImageChecks.AssertSvg(svg, 1600, 700, minShapes: 20, "Utility to buyer", "Round", "Pareto frontier", "Nash bargaining solution", "Offers by seller", "Agreement");
    }

    [Fact]
    public void Leaderboard_Png_HasTheSizeAskedForAndContent()
    {
        using var store = Parley.Tournaments.Storage.TournamentStore.OpenSqlite(ViewerFixture.ResultsDatabase);
        var stored = store.Find()!;
        var report = Parley.Tournaments.Reports.TournamentReport.Build(stored, store.ReadResults(stored.Id));
        var buffer = new MemoryStream();
        ChartFile.Write(buffer, svg: false, 1000, 650, LeaderboardChart.Build(report));
        File.WriteAllBytes(Path.Combine(TestPaths.Artifacts, "leaderboard.png"), buffer.ToArray());
        ImageChecks.AssertPng(buffer.ToArray(), 1000, 650, minColours: 8);
    }

    [Fact]
    public void ChartFile_UnknownExtension_IsNotSupported()
    {
        Assert.True(ChartFile.IsSupported("a.PNG"));
        Assert.True(ChartFile.IsSupported("b.svg"));
        Assert.False(ChartFile.IsSupported("c.gif"));
    }

    /// <summary>A short scripted run over the Laptop plane (parties renamed buyer and seller).</summary>
    private static RunRecord SampleRun()
    {
        static RunEntry Offer(int round, string actor, double u0, double u1) => new(round, round / 10.0, actor, "offer", [u0, u1], []);
        return new RunRecord("Laptop", null, ["buyer", "seller"],
            [Offer(0, "buyer", 1, 0.3), Offer(0, "seller", 0.2, 1), Offer(1, "buyer", 0.9, 0.5), Offer(1, "seller", 0.5, 0.9), Offer(2, "buyer", 0.8, 0.7),
             new RunEntry(2, 0.25, "seller", "accept", [], [])],
            [0.8, 0.7], 3, 0.25, "agreement");
    }
}
