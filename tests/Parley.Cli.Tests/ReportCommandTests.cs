using System.Text.Json;

namespace Parley.Cli.Tests;

public class ReportCommandTests
{
    private static string Cairo => Path.Combine(CliRunner.RepoRoot, "scenarios", "cairo-2024.yaml");

    [Fact]
    public void Report_CairoJson_HasEveryDocumentedKey()
    {
        var r = CliRunner.InProcess("report", Cairo, "--at", "2024-02-13", "--json", "--seed", "3");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("2024-02-13", root.GetProperty("date").GetString());
        Assert.Equal(81.0 / 422, root.GetProperty("t").GetDouble(), 12); // 13 Feb 2024 on the arc 24 Nov 2023 .. 19 Jan 2025
        // The calibration (an input): no package is ratified on 13 Feb; the negotiators' zone is reported beside it.
        var zone = root.GetProperty("zoneOfAgreement");
        Assert.Equal(zone.GetProperty("exists").GetBoolean(), zone.GetProperty("size").GetString() != "0");
        Assert.Equal(JsonValueKind.Object, zone.GetProperty("closest").ValueKind);
        Assert.Equal("0", root.GetProperty("ratifiedZone").GetProperty("size").GetString());
        Assert.Equal("war cabinet and coalition", root.GetProperty("winSets")[0].GetProperty("ratifier").GetString());
        Assert.NotEmpty(root.GetProperty("sequencing").EnumerateArray());
        var sticking = root.GetProperty("stickingPoints").EnumerateArray().ToList();
        Assert.NotEmpty(sticking);
        var packages = root.GetProperty("packages").EnumerateArray().ToList();
        Assert.Equal(6, packages.Count);
        var counter = packages.Single(p => p.GetProperty("name").GetString() == "Hamas counter-proposal (7 Feb)");
        var rejected = counter.GetProperty("rejectedBy").EnumerateArray().Single();
        Assert.Equal("Israel", rejected.GetProperty("party").GetString());
        Assert.True(rejected.GetProperty("by").GetDouble() > 0);
        Assert.StartsWith("Troop posture@phase ", rejected.GetProperty("redLinesCrossed")[0].GetString());
        Assert.Equal("Hamas", counter.GetProperty("acceptedBy")[0].GetProperty("party").GetString());
        var sensitivity = root.GetProperty("sensitivity").EnumerateArray().ToList();
        Assert.True(sensitivity.Count > 21); // 21 grid points over the arc (more than 400 days) and one per event date
        Assert.All(sensitivity, p =>
        {
            Assert.Equal(JsonValueKind.String, p.GetProperty("date").ValueKind);
            Assert.Equal(JsonValueKind.Number, p.GetProperty("t").ValueKind);
            Assert.Equal(JsonValueKind.String, p.GetProperty("size").ValueKind);
            Assert.Equal(2, p.GetProperty("outsideOptionFall").EnumerateObject().Count());
        });

        Assert.Equal(2, root.GetProperty("outsideOptionFall").GetArrayLength());
        var runs = root.GetProperty("mediatedRuns").EnumerateArray().ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, run => Assert.Equal(3, run.GetProperty("seed").GetInt32()));
        Assert.Equal(["sao", "shuttle", "single-text"], runs.Select(run => run.GetProperty("protocol").GetString()).Distinct().Order());
        Assert.NotEmpty(root.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Report_Help_ListsEveryOption()
    {
        var r = CliRunner.InProcess("report", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        foreach (var option in new[] { "--at", "--out", "--json", "--seed", "--no-runs", "[0, 1]" }) Assert.Contains(option, r.Console);
    }

    [Fact]
    public void Report_SameSeed_SameJson()
    {
        var a = CliRunner.InProcess("report", Cairo, "--json", "--seed", "5");
        var b = CliRunner.InProcess("report", Cairo, "--json", "--seed", "5");
        Assert.Equal(a.Out, b.Out);
    }

    [Theory]
    [InlineData("report.md", "## Sticking points")]
    [InlineData("report.html", "<h2>Sticking points</h2>")]
    public void Report_OutFile_WritesTheFormatOfItsExtension(string name, string expected)
    {
        using var temp = new TempDir();
        string file = Path.Combine(temp.Path, name);
        var r = CliRunner.InProcess("report", Cairo, "--at", "2024-02-20", "-o", file, "--no-runs");
        Assert.Equal(0, r.ExitCode);
        string text = File.ReadAllText(file);
        Assert.Contains(expected, text);
        Assert.Contains("20 February 2024", text);
        Assert.Contains("Paris II draft (27 Feb)", text);
    }

    /// <summary>Issue 18 §6: the HTML page embeds its charts (deal space, outside options over time) as images in the page itself.</summary>
    [Fact]
    public void Report_Html_AsProcess_EmbedsTheDealSpaceAndOutsideOptionCharts()
    {
        using var temp = new TempDir();
        string file = Path.Combine(temp.Path, "cairo.html");
        var r = CliRunner.AsProcess("report", "scenarios/cairo-2024.yaml", "--at", "2024-05-07", "--no-runs", "-o", file);
        Assert.True(r.ExitCode == 0, r.Error);
        string html = File.ReadAllText(file);
        var images = System.Text.RegularExpressions.Regex.Matches(html, "<img alt=\"([^\"]*)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");
        Assert.Equal(2, images.Count);
        Assert.Contains("deal space", images[0].Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("outside option along the timeline", images[1].Groups[1].Value, StringComparison.Ordinal);
        foreach (System.Text.RegularExpressions.Match image in images)
        {
            byte[] png = Convert.FromBase64String(image.Groups[2].Value);
            Assert.True(png.Length > 5_000, "a chart, not an empty picture");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal); // self-contained
        Assert.Contains("<h2>Charts</h2>", html, StringComparison.Ordinal);
        string md = Path.Combine(temp.Path, "cairo.md");
        Assert.Equal(0, CliRunner.InProcess("report", Cairo, "--at", "2024-05-07", "--no-runs", "-o", md).ExitCode);
        Assert.DoesNotContain("data:image", File.ReadAllText(md), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AsProcess_PrintsMarkdown()
    {
        var r = CliRunner.AsProcess("report", "scenarios/cairo-2024.yaml", "--no-runs");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("# Cairo hostage-truce talks (13 Feb 2024), Nov 2023 - Jan 2025, phased: analyst report, 24 November 2023", r.Out);
        Assert.Contains("zone of agreement", r.Out);
    }

    [Theory]
    [InlineData("--at", "2025-04-01", "outside the scenario's 2023-11-24 to 2025-01-19: give a date in that range")]
    [InlineData("--at", "2023-11-23", "outside the scenario's 2023-11-24 to 2025-01-19: give a date in that range")]
    [InlineData("--at", "13 Feb", "neither a date")]
    [InlineData("-o", "report.pdf", "must end in .md, .html or .json")]
    public void Report_BadOption_ExitsTwoWithOneLine(string option, string value, string expected)
    {
        var r = CliRunner.InProcess("report", Cairo, option, value, "--no-runs");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Report_UndatedGeniusScenarioWithADate_ExitsTwo()
    {
        var r = CliRunner.InProcess("report", CliRunner.Anac("y2010/EnglandZimbabwe"), "--at", "2024-02-13");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("has no dates", r.Error);
    }

    [Fact]
    public void Report_UndatedScenarioAtNormalisedTime_Works()
    {
        var r = CliRunner.InProcess("report", CliRunner.Anac("y2010/EnglandZimbabwe"), "--at", "0.5", "--json", "--no-runs");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(0.5, doc.RootElement.GetProperty("t").GetDouble());
        Assert.True(doc.RootElement.GetProperty("zoneOfAgreement").GetProperty("exists").GetBoolean());
        Assert.NotEqual("0", doc.RootElement.GetProperty("zoneOfAgreement").GetProperty("size").GetString());
        Assert.NotEqual(JsonValueKind.Null, doc.RootElement.GetProperty("zoneOfAgreement").GetProperty("nash").ValueKind);
        // A zone already exists: no issue "opens" one.
        Assert.All(doc.RootElement.GetProperty("stickingPoints").EnumerateArray(), p => Assert.False(p.GetProperty("zoneOpens").GetBoolean()));
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("parley-report-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

public class ConvertMediationTests
{
    [Fact]
    public void Convert_CairoToYaml_ReportOnTheCopyIsIdentical()
    {
        string dir = Directory.CreateTempSubdirectory("parley-convert-").FullName;
        try
        {
            string cairo = Path.Combine(CliRunner.RepoRoot, "scenarios", "cairo-2024.yaml");
            string copy = Path.Combine(dir, "copy.yaml");
            var c = CliRunner.InProcess("convert", cairo, "--to", "yaml", "--out", copy);
            Assert.Equal(0, c.ExitCode);
            var a = CliRunner.InProcess("report", cairo, "--json", "--seed", "2");
            var b = CliRunner.InProcess("report", copy, "--json", "--seed", "2");
            Assert.Equal(0, b.ExitCode);
            Assert.Equal(a.Out, b.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Convert_CairoToGenius_WarnsAboutWhatGeniusCannotHold()
    {
        string dir = Directory.CreateTempSubdirectory("parley-convert-").FullName;
        try
        {
            var r = CliRunner.InProcess("convert", Path.Combine(CliRunner.RepoRoot, "scenarios", "cairo-2024.yaml"), "--to", "genius", "--out", Path.Combine(dir, "g"));
            Assert.Equal(0, r.ExitCode);
            string all = r.Console + r.Error + r.Out;
            Assert.Contains("red line", all);
            Assert.Contains("no communication channels", all);
            Assert.Contains("no timeline", all);
            Assert.Contains("no named packages", all);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
