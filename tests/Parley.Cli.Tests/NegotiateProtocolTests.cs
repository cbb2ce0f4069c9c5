using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary><c>parley negotiate --protocol single-text|shuttle [--mediators …]</c> as a user runs it.</summary>
public class NegotiateProtocolTests
{
    private static string Bundled(string name) => Path.Combine(CliRunner.RepoRoot, "scenarios", name);

    [Fact]
    public void SingleText_AnacScenario_SeatsANeutralMediator_JsonKeepsTheKeysAndAddsProtocol()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("EnglandZimbabwe"), "--protocol", "single-text", "--mediators", "hillclimber", "--rounds", "100", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("single-text", root.GetProperty("protocol").GetString());
        foreach (var key in new[] { "parties", "agreement", "utilities", "rounds", "failure", "quality", "offers" }) Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal(["England", "Zimbabwe", "Mediator"], root.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["Mediator"], root.GetProperty("mediators").EnumerateArray().Select(p => p.GetString()));
        var offers = root.GetProperty("offers").EnumerateArray().ToList();
        Assert.Equal("propose", offers[0].GetProperty("action").GetString());
        Assert.Equal("Mediator", offers[0].GetProperty("party").GetString());
        Assert.Contains(offers, e => e.GetProperty("action").GetString() == "tally" && e.GetProperty("party").ValueKind == JsonValueKind.Null);
        Assert.All(offers, e => Assert.True(e.TryGetProperty("party", out _) && e.TryGetProperty("action", out _)));
        // Principals' answers are addressed to the mediator's eyes only.
        var answer = offers.First(e => e.GetProperty("action").GetString() is "reject" or "veto" or "accept");
        Assert.Equal(2, answer.GetProperty("seenBy").GetArrayLength());
    }

    [Fact]
    public void SingleText_MicroVotesUnderTheLogrollingMediator()
    {
        using var doc = LaptopSingleText("micro,conceder");
        var offers = doc.RootElement.GetProperty("offers").EnumerateArray().ToList();
        var laptop = doc.RootElement.GetProperty("parties")[0].GetString();
        Assert.Contains(offers, e => e.GetProperty("party").GetString() == laptop && e.GetProperty("action").GetString() is "accept" or "reject" or "veto");
        Assert.NotEqual(JsonValueKind.Null, doc.RootElement.GetProperty("agreement").ValueKind);
    }

    [Fact]
    public void SingleText_SincereVoters_LogrollingAgreesOnTheFrontier()
    {
        using var doc = LaptopSingleText("sincere");
        var root = doc.RootElement;
        Assert.Equal(["Sincere", "Sincere", "Logrolling"], root.GetProperty("negotiators").EnumerateArray().Select(p => p.GetString()));
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("agreement").ValueKind);
        Assert.Equal(0.0, root.GetProperty("quality").GetProperty("distanceToPareto").GetDouble(), 9);
    }

    // Laptop under single text with the logrolling mediator and the given principals, 100 rounds, as JSON.
    private static JsonDocument LaptopSingleText(string agents)
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--protocol", "single-text", "--agents", agents, "--mediators", "logrolling", "--rounds", "100", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        return JsonDocument.Parse(r.Out);
    }

    [Fact]
    public void SingleTextOnlyVoter_UnderAlternatingOffers_ExitTwo()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--agents", "sincere");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown negotiator 'sincere'", r.Error);
    }

    [Fact]
    public void Shuttle_Cairo_EveryMessageNamesFromAndTo()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("cairo-2024.yaml"), "--protocol", "shuttle", "--agents", "linear", "--rounds", "200", "--seed", "3", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("shuttle", root.GetProperty("protocol").GetString());
        Assert.False(root.TryGetProperty("mediatorsNotSeated", out _));
        var parties = root.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ToList();
        var offers = root.GetProperty("offers").EnumerateArray().ToList();
        // Events, failures and a ratifier's verdict (announced to everyone, noted "ratification: ...") are not messages.
        var messages = offers.Where(e => e.GetProperty("action").GetString() is not ("event" or "fail")
            && !(e.TryGetProperty("note", out var note) && note.GetString()!.StartsWith("ratification:", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(messages);
        foreach (var m in messages)
        {
            Assert.Contains(m.GetProperty("from").GetString(), parties);
            Assert.Contains(m.GetProperty("to").GetString(), parties);
            Assert.Equal(m.GetProperty("party").GetString(), m.GetProperty("from").GetString());
        }
    }

    [Fact]
    public void Sao_ScenarioWithMediators_ListsThemAsNotSeated()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("cairo-2024.yaml"), "--rounds", "50", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("sao", doc.RootElement.GetProperty("protocol").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("mediatorsNotSeated").GetArrayLength());
        Assert.Equal(2, doc.RootElement.GetProperty("parties").GetArrayLength());
    }

    [Theory]
    [InlineData("single-text")]
    [InlineData("shuttle")]
    public void MediatedProtocol_SameSeed_ByteIdentical(string protocol)
    {
        string[] args = ["negotiate", Bundled("Laptop"), "--protocol", protocol, "--rounds", "150", "--seed", "4", "--json"];
        var a = CliRunner.InProcess(args);
        var b = CliRunner.InProcess(args);
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void Tables_NameTheProtocolAndRoles()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--protocol", "single-text", "--mediators", "nash", "--rounds", "100");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("single negotiating text", r.Console);
        Assert.Contains("mediator", r.Console);
        Assert.Contains("NashSeeker", r.Console);
    }

    [Fact]
    public void Repeat_WorksForMediatedProtocols()
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--protocol", "shuttle", "--repeat", "20", "--rounds", "100", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(20, doc.RootElement.GetProperty("negotiations").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("failures").GetInt32());
    }

    [Theory]
    [InlineData("--protocol", "auction", "--protocol: unknown protocol 'auction'")]
    [InlineData("--mediators", "hillclimber", "--mediators: stacked alternating offers seats no mediator")]
    public void BadProtocolOptions_ExitTwoWithOneLine(string option, string value, string message)
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("shuttle", "--mediators", "hillclimber", "--mediators: unknown mediator 'hillclimber' (shuttle takes relay, bridging; see 'parley negotiate --help')")]
    [InlineData("single-text", "--mediators", "relay", "--mediators: unknown mediator 'relay' (single-text takes hillclimber, logrolling, nash, staked; see")]
    public void NamesUnknownToTheProtocol_ExitTwo(string protocol, string option, string value, string message)
    {
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--protocol", protocol, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("Parameter", r.Error);
    }

    [Theory]
    [InlineData("sao", "--agents", "boulwar", "--agents: unknown negotiator 'boulwar'. Did you mean 'boulware'? (sao takes boulware, linear,")]
    [InlineData("single-text", "--agents", "boulware,sincer", "--agents: unknown negotiator 'sincer'. Did you mean 'sincere'? (single-text takes boulware,")]
    [InlineData("shuttle", "--agents", "linar", "--agents: unknown negotiator 'linar'. Did you mean 'linear'? (shuttle takes boulware,")]
    [InlineData("single-text", "--mediators", "hilclimber", "--mediators: unknown mediator 'hilclimber'. Did you mean 'hillclimber'? (single-text takes hillclimber,")]
    [InlineData("shuttle", "--mediators", "bridgin", "--mediators: unknown mediator 'bridgin'. Did you mean 'bridging'? (shuttle takes relay, bridging; see 'parley negotiate --help')")]
    [InlineData("shuttle", "--agents", "zzzzzz", "--agents: unknown negotiator 'zzzzzz' (shuttle takes boulware,")]
    public void UnknownNames_OneStyleForEveryProtocol_WithTheNearestName(string protocol, string option, string value, string message)
    {
        var r = CliRunner.InProcess("negotiate", Bundled("cairo-2024.yaml"), "--protocol", protocol, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.Contains("timedependent:E", r.Error.Contains("--agents", StringComparison.Ordinal) ? r.Error : "timedependent:E");
        Assert.DoesNotContain("Available", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
    }
}
