using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>The CLI run as a separate process, exactly as a user runs it.</summary>
public class EndToEndTests
{
    [Fact]
    public void Process_AnalyzeJson_PrintsOneJsonObjectAndExitsZero()
    {
        var r = CliRunner.AsProcess("analyze", CliRunner.Anac("y2013/Ultimatum"), "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("9", doc.RootElement.GetProperty("outcomeCount").GetString());
    }

    [Fact]
    public void Process_BrokenScenario_ExitsTwoWithoutStackTrace()
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "domain.xml"), "<negotiation_template><utility_space>");
            var r = CliRunner.AsProcess("analyze", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("domain.xml", r.Error);
            Assert.Contains("malformed XML", r.Error);
            Assert.DoesNotContain("   at ", r.Error);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Process_ConvertToGeniusAndBack_AnalysesIdentically()
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var convert = CliRunner.AsProcess("convert", CliRunner.Anac("y2012/TravelA"), "--to", "genius", "--out", dir);
            Assert.True(convert.ExitCode == 0, convert.Error);
            var a = CliRunner.InProcess("analyze", CliRunner.Anac("y2012/TravelA"), "--json");
            var b = CliRunner.InProcess("analyze", dir, "--json");
            using var da = JsonDocument.Parse(a.Out);
            using var db = JsonDocument.Parse(b.Out);
            Assert.Equal(da.RootElement.GetProperty("paretoFrontier").GetProperty("points").ToString(),
                         db.RootElement.GetProperty("paretoFrontier").GetProperty("points").ToString());
            Assert.Equal(da.RootElement.GetProperty("nash").ToString(), db.RootElement.GetProperty("nash").ToString());
            var again = CliRunner.AsProcess("convert", CliRunner.Anac("y2012/TravelA"), "--to", "genius", "--out", dir);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("--force", again.Error);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
