using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Parties;
using Parley.Scenarios;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public class TournamentFileReaderTests
{
    [Fact]
    public void ReadFile_ExampleTournament_PlansEveryCombination()
    {
        var t = TournamentFileReader.ReadFile(Path.Combine(TestPaths.RepoRoot, "scenarios", "example-tournament.yaml"));
        Assert.Equal(["boulware", "linear", "conceder", "titfortat", "Patient"], t.Spec.Negotiators.Select(n => n.Name));
        Assert.Equal(["EnglandZimbabwe", "Laptop"], t.Spec.Scenarios.Select(s => s.Name));
        // 5 negotiators on 2 seats with self-play = 25 assignments, × 2 rotations × 2 repetitions, per scenario.
        Assert.Equal(2 * 25 * 2 * 2, t.Count);
    }

    [Fact]
    public void Read_NegMasConfiguration_Plans480Negotiations()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("negmas.yaml", $"""
            protocol: {"{"}name: sao, rounds: 1000{"}"}
            repetitions: 3
            negotiators: [boulware, linear, conceder, titfortat]
            scenarios: [{TestPaths.Anac("y2010", "EnglandZimbabwe")}, {TestPaths.Anac("y2011", "Laptop")}, {TestPaths.Anac("y2010", "ItexvsCypress")}, {TestPaths.Anac("y2011", "IS_BT_Acquisition")}, {TestPaths.Anac("y2011", "Grocery")}]
            """);
        Assert.Equal(480, TournamentFileReader.ReadFile(file).Count);
    }

    [Fact]
    public void Read_FolderOfScenarios_ExpandsSortedAndQualifiesDuplicateNames()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", $"""
            protocol: sao
            negotiators: [boulware]
            scenarios:
              - {TestPaths.Anac("y2010", "")}
            """);
        var t = TournamentFileReader.ReadFile(file);
        var expected = Directory.GetDirectories(TestPaths.Anac("y2010", "")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, t.Spec.Scenarios.Select(s => s.Name));
    }

    [Fact]
    public void Read_BuiltInWithParameters_CreatesThatNegotiator()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, """

              - name: Slowpoke
                builtin: timedependent
                parameters: {exponent: 0.05}
              - timedependent:3
            """));
        Assert.Equal(["Slowpoke", "timedependent:3"], t.Spec.Negotiators.Select(n => n.Name));
        Assert.Equal("0.05", t.Spec.Negotiators[0].Parameters["exponent"]);
    }

    [Fact]
    public void Read_UserAssemblyNegotiator_LoadsTypeWithParameters()
    {
        using var folder = TestPaths.TempFolder();
        var t = TournamentFileReader.ReadFile(TournamentFiles.Small(folder, $$"""

              - boulware
              - {name: Mine, assembly: {{TournamentFiles.TestAgents}}, type: Parley.TestAgents.Threshold, parameters: {threshold: 0.7} }
            """));
        Assert.True(t.HasUserNegotiators);
        var planned = Enumerable.Range(0, t.Count).Select(i => t[i]).First(p => p.Seats[1] == 1);
        Assert.Equal("Threshold", ((Parley.Parties.INegotiator)t.CreateNegotiators(planned)[1]).Name);
    }

    [Theory]
    [InlineData("negotiators: [boulware, nosuchagent]", "line 1", "unknown built-in negotiator 'nosuchagent'")]
    [InlineData("negotiators: [boulware, boulware]", "line 1", "used twice")]
    [InlineData("negotiators: []", "line 1", "'negotiators' is empty")]
    [InlineData("negotiators:\n  - {builtin: random, parameters: {exponent: 1}}", "line 2", "takes no parameters")]
    [InlineData("negotiators:\n  - {builtin: timedependent}", "line 2", "needs the parameter 'exponent'")]
    [InlineData("negotiators:\n  - {builtin: timedependent, parameters: {exponent: -1}}", "line 2", "expected a number ≥ 0")]
    [InlineData("negotiators:\n  - {assembly: nothere.dll, type: X.Y}", "line 2", "does not exist")]
    [InlineData("negotiators:\n  - {assembly: TESTAGENTS, type: Parley.TestAgents.Nope}", "line 2", "has no type 'Parley.TestAgents.Nope'")]
    [InlineData("negotiators:\n  - {assembly: TESTAGENTS, type: Parley.TestAgents.Slow, parameters: {a: 1}}", "line 2", "takes no parameters")]
    [InlineData("negotiators:\n  - {assembly: TESTAGENTS}", "line 2", "has no 'type'")]
    public void Read_BadNegotiator_NamesFileLineAndExpectation(string negotiators, string line, string expected)
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", negotiators.Replace("TESTAGENTS", TournamentFiles.TestAgents, StringComparison.Ordinal) + $"\nprotocol: sao\nscenarios: [{TournamentFiles.Laptop}]\n");
        var e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(file));
        Assert.StartsWith(file + ": " + line + ",", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("scenarios: [does/not/exist]", "line 3", "does not exist")]
    [InlineData("scenarios: []", "line 3", "'scenarios' is empty")]
    [InlineData("scenarios: [EMPTYDIR]", "line 3", "holds no scenario")]
    [InlineData("scenarios: [BADYAML]", "line 3", "expected")]
    [InlineData("scenarios: [LAPTOP, LAPTOP]", "line 3", "two scenarios are called 'y2011/Laptop'")]
    public void Read_BadScenario_ReportedBeforeAnythingRuns(string scenarios, string line, string expected)
    {
        using var folder = TestPaths.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));
        folder.File("bad.yaml", "name: x\nissues: 3\n");
        string text = scenarios.Replace("EMPTYDIR", "empty", StringComparison.Ordinal).Replace("BADYAML", "bad.yaml", StringComparison.Ordinal)
            .Replace("LAPTOP", TournamentFiles.Laptop, StringComparison.Ordinal);
        string file = folder.File("t.yaml", $"negotiators: [boulware]\nprotocol: sao\n{text}\n");
        var e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(file));
        Assert.StartsWith(file + ": " + line + ",", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("protocol: auction", "protocol 'auction' is unknown; expected one of: sao")]
    [InlineData("protocol: {name: sao}", "'protocol' has no deadline")]
    [InlineData("protocol: {name: sao, rounds: 0}", "'rounds' is 0; expected a whole number from 1")]
    [InlineData("protocol: {name: sao, rounds: 10, timeLimit: soon}", "protocol 'timeLimit' is 'soon'; expected a duration")]
    [InlineData("protocol: {name: sao, rounds: 10, deadline: 3}", "unknown key 'deadline'")]
    [InlineData("protocol: sao\nrepetitions: 0", "'repetitions' is 0")]
    [InlineData("protocol: sao\nrotateRoles: maybe", "'rotateRoles' is 'maybe'; expected true or false")]
    [InlineData("protocol: sao\nisolation: docker", "expected auto, threads or processes")]
    [InlineData("protocol: sao\nrounds: 3", "the tournament has unknown key 'rounds'")]
    public void Read_BadSettings_NamesLineAndExpectation(string settings, string expected)
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", $"negotiators: [boulware]\nscenarios: [{TournamentFiles.Laptop}]\n{settings}\n");
        var e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(file));
        Assert.Matches(@"^.*t\.yaml: line \d+, column \d+: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_SelfPlayOffWithTooFewNegotiators_IsRefused()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", $"negotiators: [boulware]\nscenarios: [{TournamentFiles.Laptop}]\nprotocol: sao\nselfPlay: false\n");
        var e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(file));
        Assert.Contains("no negotiation to run", e.Message);
    }

    [Fact]
    public void ReadFile_MalformedYaml_NamesLine()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", "negotiators: [boulware\nprotocol: sao\n");
        var e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(file));
        Assert.StartsWith(file + ": malformed YAML", e.Message);
        string tabs = folder.File("u.yaml", "negotiators:\n\t- boulware\n");
        e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(tabs));
        Assert.StartsWith(tabs + ": line ", e.Message);
        Assert.Contains("tab", e.Message);
    }
}

public class TournamentScenarioFormatTests
{
    [Theory]
    [InlineData("single-text", "[hillclimber]")]
    [InlineData("shuttle", "[bridging]")]
    public void Read_MediatedProtocol_RunsWithMediators(string protocol, string mediators)
    {
        using var folder = TestPaths.TempFolder();
        string competitors = protocol == "shuttle" ? "[" + string.Join(", ", ShuttleRegistry.Principals.Take(2).Select(p => p.Name)) + "]" : "[boulware, conceder]";
        string file = folder.File("t.yaml", $"""
            protocol: {"{"}name: {protocol}, rounds: 30, turnBudget: 60s, mediators: {mediators}{"}"}
            negotiators: {competitors}
            scenarios:
              - {TournamentFiles.Laptop}
              - {Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml")}
            """);
        var t = TournamentFileReader.ReadFile(file);
        // Laptop rotates (4 assignments × 2 rotations); the Cairo model has timeline events, so it keeps its seating (× 1).
        Assert.Equal(4 * 2 + 4, t.Count);
        for (int i = 0; i < t.Count; i++)
        {
            // A mediator's turn on the 31-million-package Cairo space can overrun the default 1 s budget on a loaded
            // machine; the budget above keeps this a test of the protocol, not of the machine.
            var r = Parley.Tournaments.Running.NegotiationExecutor.Execute(t, i);
            Assert.True(r.Status != NegotiationStatus.Failed, $"negotiation {i} failed: {r.FailureReason}");
            Assert.Equal(2, r.Utilities.Length);
        }
    }

    [Fact]
    public void Read_UnknownMediator_NamesLine()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", $"protocol: {"{"}name: single-text, rounds: 30, mediators: [nobody]{"}"}\nnegotiators: [boulware]\nscenarios: [{TournamentFiles.Laptop}]\n");
        var e = Assert.Throws<ScenarioFormatException>(() => TournamentFileReader.ReadFile(file));
        Assert.StartsWith(file + ": line 1,", e.Message);
        Assert.Contains("nobody", e.Message);
    }

    [Fact]
    public void Read_GeniusGeniusWebAndYamlScenarios_RunsEach()
    {
        using var folder = TestPaths.TempFolder();
        string file = folder.File("t.yaml", $"""
            protocol: {"{"}name: sao, rounds: 50{"}"}
            negotiators: [boulware, conceder]
            scenarios:
              - {TournamentFiles.Laptop}
              - {Path.Combine(TestPaths.Shared, "scenarios", "geniusweb", "JapnTrip")}
              - {Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml")}
            """);
        var t = TournamentFileReader.ReadFile(file);
        Assert.Equal(3, t.Spec.Scenarios.Length);
        for (int i = 0; i < t.Count; i++)
        {
            var r = Parley.Tournaments.Running.NegotiationExecutor.Execute(t, i);
            Assert.True(r.Status != NegotiationStatus.Failed, $"{t.Spec.Scenarios[t[i].Scenario].Name}: {r.FailureKind} {r.FailureReason}");
        }
    }
}
