using System.Text.Json;
using Parley.Protocols;

namespace Parley.Cli.Tests;

public class NegotiateCommandTests
{
    private static string Bundled(string name) => Path.Combine(CliRunner.RepoRoot, "scenarios", name);

    [Fact]
    public void Negotiate_BundledScenario_PrintsTranscriptAgreementAndQuality()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("EnglandZimbabwe"), "--agents", "boulware,conceder");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Transcript", r.Console);
        Assert.Contains("Result: agreement in round", r.Console);
        Assert.Contains("Boulware", r.Console);
        Assert.Contains("Conceder", r.Console);
        Assert.Contains("Distance to Pareto frontier", r.Console);
        Assert.Contains("Distance to Nash point", r.Console);
        Assert.Contains("Social welfare", r.Console);
    }

    [Fact]
    public void Negotiate_Json_HasTheDocumentedKeys()
    {
        var r = CliRunner.InProcess("negotiate", CliRunner.Anac("y2011/Laptop"), "--agents", "hardheaded,titfortat", "--rounds", "200", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("parties").GetArrayLength());
        Assert.Equal(2, root.GetProperty("utilities").GetArrayLength());
        Assert.True(root.GetProperty("rounds").GetInt32() is > 0 and <= 200);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failure").ValueKind);
        var offers = root.GetProperty("offers").EnumerateArray().ToList();
        Assert.NotEmpty(offers);
        var first = offers[0];
        Assert.Equal(0, first.GetProperty("round").GetInt32());
        Assert.Equal("offer", first.GetProperty("action").GetString());
        Assert.Equal(3, first.GetProperty("outcome").EnumerateObject().Count());
        Assert.Equal(2, first.GetProperty("utilities").GetArrayLength());
        var agreement = root.GetProperty("agreement");
        if (agreement.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal("accept", offers[^1].GetProperty("action").GetString());
            Assert.Equal(offers[^1].GetProperty("outcome").EnumerateObject().Select(p => p.Value.GetString()), agreement.EnumerateObject().Select(p => p.Value.GetString()));
        }
        Assert.True(root.GetProperty("quality").GetProperty("distanceToPareto").GetDouble() >= 0);
    }

    [Fact]
    public void Negotiate_SameSeed_GivesByteIdenticalTranscript()
    {
        string[] args = ["negotiate", CliRunner.Anac("y2012/GroceryA"), "--agents", "random,hardheaded", "--seed", "7", "--json"];
        var a = CliRunner.InProcess(args);
        var b = CliRunner.InProcess(args);
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        var c = CliRunner.InProcess(["negotiate", CliRunner.Anac("y2012/GroceryA"), "--agents", "random,hardheaded", "--seed", "8", "--json"]);
        Assert.NotEqual(a.Out, c.Out);
    }

    [Fact]
    public void Negotiate_OutFile_HoldsTheJsonResult()
    {
        string file = Path.Combine(Path.GetTempPath(), $"parley-run-{Guid.NewGuid():N}.json");
        try
        {
            var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--seed", "3", "--out", file);
            Assert.Equal(0, r.ExitCode);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            Assert.True(doc.RootElement.TryGetProperty("offers", out _));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Negotiate_Repeat_ReportsThroughput()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("EnglandZimbabwe"), "--repeat", "50", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(50, root.GetProperty("negotiations").GetInt32());
        Assert.True(root.GetProperty("negotiationsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("roundsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("medianMicroseconds").GetDouble() > 0);
        var human = CliRunner.InProcess("negotiate", Bundled("EnglandZimbabwe"), "--repeat", "20");
        Assert.Contains("Rounds per second", human.Console);
    }

    [Fact]
    public void Negotiate_Multilateral_SeatsEveryPrincipal()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Dinner"), "--agents", "boulware,conceder,linear", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("parties").GetArrayLength());
        Assert.Equal(["Boulware", "Conceder", "Linear"], doc.RootElement.GetProperty("negotiators").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Negotiate_CairoYaml_SeatsPrincipalsAndNamesMediators()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("cairo-2024.yaml"), "--json", "--rounds", "100");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(["Israel", "Hamas"], doc.RootElement.GetProperty("parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, doc.RootElement.GetProperty("mediatorsNotSeated").GetArrayLength());
    }

    [Theory]
    [InlineData("--agents", "boulware,genius", "unknown negotiator 'genius'")]
    [InlineData("--rounds", "0", "--rounds must be between")]
    [InlineData("--time-limit", "soon", "--time-limit 'soon' is not a duration")]
    [InlineData("--repeat", "0", "--repeat must be between")]
    public void Negotiate_BadOption_ExitsTwoWithMessage(string option, string value, string expected)
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error);
    }

    [Fact]
    public void Negotiate_TimeLimitOnly_FinishesWithinIt()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--agents", "hardliner,hardliner", "--time-limit", "200ms", "--json", "--no-quality");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("deadline", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("quality").ValueKind);
    }

    [Fact]
    public void Process_ReadmeFirstCommand_RunsANegotiation()
    {
        var r = CliRunner.AsProcess("negotiate", "scenarios/EnglandZimbabwe");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Result:", r.Out);
    }
}
