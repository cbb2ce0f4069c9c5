using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>Issue 12 §2 through the CLI: folders as distributed (published frontier, stray files) and GeniusWeb.</summary>
public class ScenarioFormatsCliTests
{
    [Fact]
    public void Analyze_Anac2014Json_ReportsPublishedFrontierCounts()
    {
        var r = CliRunner.InProcess("analyze", CliRunner.Anac("y2014/10issues"), "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var pf = doc.RootElement.GetProperty("publishedFrontier");
        Assert.Equal("pareto.xml", pf.GetProperty("file").GetString());
        Assert.Equal(10, pf.GetProperty("points").GetInt32());
        Assert.Equal(10, pf.GetProperty("dominated").GetInt32() + pf.GetProperty("matched").GetInt32() + pf.GetProperty("missed").GetInt32());
        Assert.Equal(0, pf.GetProperty("missed").GetInt32());
    }

    [Fact]
    public void Analyze_Anac2014Tables_ShowPublishedFrontierLine()
    {
        var r = CliRunner.InProcess("analyze", CliRunner.Anac("y2014/10issuesDiscountedwithRV"), "--effort", "0.2");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Published frontier (pareto.xml, 8 points)", r.Console.Replace("\n", " "));
        Assert.Contains("strictly dominates", r.Console.Replace("\n", " "));
    }

    [Fact]
    public void Analyze_NoPublishedFrontier_JsonSaysNull()
    {
        var r = CliRunner.InProcess("analyze", CliRunner.Anac("y2013/Ultimatum"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("publishedFrontier").ValueKind);
    }

    [Fact]
    public void Analyze_BrokenParetoFile_ExitsTwoNamingFileAndLine()
    {
        string dir = CopyOf("y2013/Ultimatum");
        try
        {
            File.WriteAllText(Path.Combine(dir, "pareto.xml"), "0.5, 0.5\n0.4; oops\n");
            var r = CliRunner.InProcess("analyze", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("pareto.xml: line 2: 'oops' is not a number", r.Error);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Analyze_FolderWithReadme_RunsAndWarns()
    {
        string dir = CopyOf("y2013/Ultimatum");
        try
        {
            File.WriteAllText(Path.Combine(dir, "README.txt"), "about this scenario");
            var r = CliRunner.InProcess("analyze", dir);
            Assert.True(r.ExitCode == 0, r.Error);
            Assert.Contains("README.txt: skipped", r.Console);
        }
        finally { Directory.Delete(dir, true); }
    }

    public static string GeniusWeb(string name) => Path.GetFullPath(Path.Combine(CliRunner.RepoRoot, "..", "shared", "scenarios", "geniusweb", name));

    [Fact]
    public void Analyze_GeniusWebFolder_MatchesReferenceNash()
    {
        var r = CliRunner.InProcess("analyze", GeniusWeb("JapnTrip"), "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("192", doc.RootElement.GetProperty("outcomeCount").GetString());
        var nash = doc.RootElement.GetProperty("nash").GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()).ToArray();
        Assert.Equal(0.855, nash[0], 9);
        Assert.Equal(0.84, nash[1], 9);
    }

    [Fact]
    public void Negotiate_GeniusWebFolder_Agrees()
    {
        var r = CliRunner.InProcess("negotiate", GeniusWeb("Fitness"), "--json", "--seed", "3");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.NotEqual(JsonValueKind.Null, doc.RootElement.GetProperty("agreement").ValueKind);
    }

    [Fact]
    public void Process_ConvertToGeniusWebAndBack_AnalysesIdentically()
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var convert = CliRunner.AsProcess("convert", CliRunner.Anac("y2010/EnglandZimbabwe"), "--to", "geniusweb", "--out", dir);
            Assert.True(convert.ExitCode == 0, convert.Error);
            Assert.True(File.Exists(Path.Combine(dir, "EnglandZimbabwe.json")));
            Assert.True(File.Exists(Path.Combine(dir, "England.json")));
            var a = CliRunner.InProcess("analyze", CliRunner.Anac("y2010/EnglandZimbabwe"), "--json");
            var b = CliRunner.InProcess("analyze", dir, "--json");
            using var da = JsonDocument.Parse(a.Out);
            using var db = JsonDocument.Parse(b.Out);
            var pa = da.RootElement.GetProperty("paretoFrontier").GetProperty("points").EnumerateArray().ToList();
            var pb = db.RootElement.GetProperty("paretoFrontier").GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(pa.Count, pb.Count);
            for (int k = 0; k < pa.Count; k++)
            {
                Assert.Equal(pa[k].GetProperty("outcome").ToString(), pb[k].GetProperty("outcome").ToString());
                var ua = pa[k].GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()).ToArray();
                var ub = pb[k].GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()).ToArray();
                Assert.Equal(ua, ub, (x, y) => Math.Abs(x - y) <= 1e-12);
            }
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Convert_NonlinearToGeniusWeb_ExitsTwoSayingWhy()
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-cli-" + Guid.NewGuid().ToString("N"));
        var r = CliRunner.InProcess("convert", CliRunner.Anac("y2014/10issues"), "--to", "geniusweb", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("10issues: cannot be written as geniusweb", r.Error);
        Assert.Contains("hyper-rectangle", r.Error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Convert_UnknownTarget_ListsTheThreeFormats()
    {
        var r = CliRunner.InProcess("convert", CliRunner.Anac("y2013/Ultimatum"), "--to", "negmas", "--out", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'genius', 'geniusweb' or 'yaml'", r.Error);
    }

    internal static string CopyOf(string anac)
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(CliRunner.Anac(anac))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }
}
