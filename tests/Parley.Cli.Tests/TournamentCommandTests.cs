using System.Text.Json;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Tournaments.Storage;

namespace Parley.Cli.Tests;

/// <summary><c>parley tournament run|resume|report</c>, in process and as a user runs them.</summary>
public sealed class TournamentCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-tournament-" + Guid.NewGuid().ToString("N"));

    public TournamentCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Path_(string name) => Path.Combine(_dir, name);

    private static string TestAgents => typeof(Parley.TestAgents.Threshold).Assembly.Location;

    private string Write(string name, string text)
    {
        File.WriteAllText(Path_(name), text);
        return Path_(name);
    }

    [Fact]
    public void Run_ExampleTournament_StoresEverythingAndPrintsLeaderboard()
    {
        string db = Path_("r.db");
        var r = CliRunner.InProcess("tournament", "run", Path.Combine(CliRunner.RepoRoot, "scenarios", "example-tournament.yaml"), "--db", db, "--jobs", "2");
        Assert.True(r.ExitCode == 0, r.Error + r.Console);
        Assert.Contains("200 of 200 done", r.Console);
        Assert.Contains("Leaderboard", r.Console);
        Assert.Contains("Patient", r.Console);

        var json = CliRunner.InProcess("tournament", "report", db, "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(80, row.GetProperty("negotiations").GetInt32());
            Assert.InRange(row.GetProperty("meanUtility").GetDouble(), 0, 1);
            Assert.True(row.GetProperty("ci95").GetDouble() > 0);
            Assert.InRange(row.GetProperty("agreementRate").GetDouble(), 0, 1);
            Assert.Equal(0, row.GetProperty("failures").GetInt32());
            Assert.False(string.IsNullOrEmpty(row.GetProperty("name").GetString()));
        }
        var means = rows.Select(x => x.GetProperty("meanUtility").GetDouble()).ToList();
        Assert.Equal(means.OrderDescending(), means);

        var tables = CliRunner.InProcess("tournament", "report", db, "--csv", Path_("board.csv"));
        Assert.True(tables.ExitCode == 0, tables.Error);
        Assert.Contains("Per scenario", tables.Console);
        Assert.Contains("row beats column", tables.Console);
        Assert.StartsWith("rank,name,negotiations,mean_utility,ci95,agreement_rate", File.ReadAllText(Path_("board.csv")));
        Assert.Equal(6, File.ReadAllLines(Path_("board.csv")).Length);
        Assert.Equal(3, File.ReadAllLines(Path_("board-scenarios.csv")).Length);
        Assert.Equal(6, File.ReadAllLines(Path_("board-pairwise.csv")).Length);
    }

    [Theory]
    [InlineData("threads")]
    [InlineData("processes")]
    public void Report_AgentsWithOpponentModels_GetModelAccuracy(string isolation)
    {
        // Issue 21: per agent with an opponent model, the rank and linear correlation of modelled and true opponent
        // utility over the outcomes and the Pareto-frontier estimation error, stored per negotiation.
        string file = Write("t.yaml", $$"""
            protocol: {name: sao, rounds: 200}
            isolation: {{isolation}}
            negotiators:
              - {name: hh, builtin: hardheaded}
              - {name: style, builtin: hardheaded-style}
              - {name: boulware, builtin: boulware}
            scenarios:
              - {path: {{CliRunner.Anac("y2010/EnglandZimbabwe")}}}
            """);
        string db = Path_("m.db");
        var run = CliRunner.InProcess("tournament", "run", file, "--db", db, "--jobs", "1", "--quiet");
        Assert.True(run.ExitCode == 0, run.Error + run.Console);

        var json = CliRunner.InProcess("tournament", "report", db, "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        var rows = doc.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.False(rows["boulware"].TryGetProperty("opponentModel", out _));
        foreach (var name in new[] { "hh", "style" })
        {
            var model = rows[name].GetProperty("opponentModel");
            Assert.Equal(rows[name].GetProperty("negotiations").GetInt32(), model.GetProperty("negotiations").GetInt32());
            Assert.InRange(model.GetProperty("pearson").GetDouble(), -1, 1);
            Assert.InRange(model.GetProperty("kendall").GetDouble(), -1, 1);
            Assert.InRange(model.GetProperty("paretoError").GetDouble(), 0, 1.5);
        }
        // HardHeaded's frequency model learns something true about a Boulware opponent on EnglandZimbabwe.
        Assert.True(rows["hh"].GetProperty("opponentModel").GetProperty("kendall").GetDouble() > 0.2, json.Out);

        var tables = CliRunner.InProcess("tournament", "report", db, "--csv", Path_("board.csv"));
        Assert.True(tables.ExitCode == 0, tables.Error);
        Assert.Contains("Opponent models", tables.Console);
        Assert.Contains("model_pearson,model_kendall,model_pareto_error", File.ReadLines(Path_("board.csv")).First());
    }

    [Fact]
    public void Report_Csv_FormulaLikeNamesNeutralisedInEveryFile()
    {
        // Issue 20 §6: names starting with =, +, -, @ or a tab were written as they are, as formulas for a spreadsheet.
        string file = Write("t.yaml", $$"""
            protocol: {name: sao, rounds: 50}
            negotiators:
              - {name: "=HYPERLINK(\"http://x\",\"y\")", builtin: boulware}
              - {name: "+cmd", builtin: conceder}
              - {name: "@SUM(A1)", builtin: linear}
              - {name: "-2+3", builtin: hardliner}
            scenarios:
              - {path: {{CliRunner.Anac("y2011/Laptop")}}, name: "\tLaptop"}
            """);
        string db = Path_("r.db");
        Assert.Equal(0, CliRunner.InProcess("tournament", "run", file, "--db", db, "--jobs", "1", "--quiet").ExitCode);
        var r = CliRunner.InProcess("tournament", "report", db, "--csv", Path_("board.csv"));
        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var csv in new[] { "board.csv", "board-scenarios.csv", "board-pairwise.csv" })
        {
            foreach (string cell in File.ReadAllLines(Path_(csv)).SelectMany(Cells))
                Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"{csv}: cell '{cell}' starts a formula");
        }
        Assert.Contains("'=HYPERLINK", File.ReadAllText(Path_("board.csv")));
        Assert.Contains("'\tLaptop", File.ReadAllText(Path_("board-scenarios.csv")));
        Assert.Contains("'+cmd", File.ReadAllText(Path_("board-pairwise.csv")));
    }

    /// <summary>The cells of one CSV line, unquoted (quotes are not part of what a spreadsheet evaluates).</summary>
    private static IEnumerable<string> Cells(string line)
    {
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { yield return cell.ToString(); cell.Clear(); }
            else cell.Append(c);
        }
        yield return cell.ToString();
    }

    [Fact]
    public void Run_SameFileTwice_IdenticalResults()
    {
        string file = Write("t.yaml", $"""
            seed: 5
            protocol: {"{"}name: sao, rounds: 200{"}"}
            negotiators: [boulware, random, hardheaded]
            scenarios: [{CliRunner.Anac("y2011/Laptop")}]
            """);
        Assert.Equal(0, CliRunner.InProcess("tournament", "run", file, "--db", Path_("a.db"), "--jobs", "1", "--quiet").ExitCode);
        Assert.Equal(0, CliRunner.InProcess("tournament", "run", file, "--db", Path_("b.db"), "--jobs", "2", "--quiet").ExitCode);
        Assert.Equal(Results(Path_("a.db")), Results(Path_("b.db")));
    }

    [Fact]
    public void Run_UnknownNegotiator_ExitsTwoBeforeAnythingRuns()
    {
        string file = Write("t.yaml", $"protocol: sao\nnegotiators: [boulware, boulwarre]\nscenarios: [{CliRunner.Anac("y2011/Laptop")}]\n");
        var r = CliRunner.InProcess("tournament", "run", file, "--db", Path_("r.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"parley: error: {file}: line 2, column 25: negotiator 'boulwarre': unknown built-in negotiator", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path_("r.db")));
    }

    [Fact]
    public void Process_MissingScenario_ExitsTwoWithFileAndLine()
    {
        string file = Write("t.yaml", "protocol: sao\nnegotiators: [boulware]\nscenarios:\n  - nowhere/Laptop\n");
        var r = CliRunner.AsProcess("tournament", "run", file, "--db", Path_("r.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}: line 4, column 5: scenario 'nowhere/Laptop' does not exist", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void Report_NoSuchDatabase_ExitsTwo()
    {
        var r = CliRunner.InProcess("tournament", "report", Path_("none.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such results database", r.Error);
    }

    [Theory]
    [InlineData("Looping", "Hung")]
    [InlineData("Crashing", "Crashed")]
    public void Process_HangingOrCrashingUserNegotiator_FailsOnlyItsNegotiations(string type, string kind)
    {
        string file = Write("t.yaml", $$"""
            protocol: {name: sao, rounds: 100, turnBudget: 1s}
            hangGrace: 1s
            repetitions: 1
            selfPlay: false
            rotateRoles: false
            negotiators:
              - boulware
              - {name: Chatty, assembly: {{TestAgents}}, type: Parley.TestAgents.Chatty}
              - {name: Bad, assembly: {{TestAgents}}, type: Parley.TestAgents.{{type}}}
            scenarios: [{{CliRunner.Anac("y2011/Laptop")}}]
            """);
        string db = Path_("r.db");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = CliRunner.AsProcess("tournament", "run", file, "--db", db, "--jobs", "2", "--quiet");
        clock.Stop();
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        Assert.Contains("worker", r.Out);

        using var store = TournamentStore.OpenSqlite(db);
        var results = store.ReadResults(store.Find()!.Id);
        Assert.Equal(6, results.Results.Count);
        foreach (var x in results.Results)
        {
            var names = x.Seats.Select(s => results.Negotiators[s.Negotiator]).ToList();
            if (names.Contains("Bad"))
            {
                Assert.Equal(Parley.Tournaments.NegotiationStatus.Failed, x.Status);
                Assert.Equal(kind, x.FailureKind);
                if (kind == "Hung")
                {
                    Assert.Equal("Bad", names[x.FailureSeat!.Value]);
                    Assert.Contains("did not return", x.FailureReason);
                }
            }
            else Assert.NotEqual(Parley.Tournaments.NegotiationStatus.Failed, x.Status);
        }
        Assert.Equal(4, results.Results.Count(x => x.FailureKind == kind));
        // Four negotiations fail; a blocked worker would never finish (the test runner's timeout is 120 s).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(100), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("Forger", "Crashed")]
    [InlineData("Exiting", "Crashed")]
    [InlineData("BackgroundThrower", "Crashed")]
    [InlineData("StackOverflowing", "Crashed")]
    [InlineData("Hog", "MemoryLimit")]
    public void Process_UserCodeThatForgesOrKillsItsWorker_FailsOnlyItsNegotiationsAndRunGoesOn(string type, string kind)
    {
        // Issue 20 §4: a forged record on stdout was stored as an agreement worth 1 to everyone; junk on stdout aborted the
        // run; a dying worker stalled it. Now: the truth is stored, blamed on the culprit, and every negotiation is stored.
        string file = Write("t.yaml", $$"""
            protocol: {name: sao, rounds: 100, turnBudget: 2s}
            repetitions: 1
            selfPlay: false
            rotateRoles: false
            workerMemory: 192MiB
            negotiators:
              - boulware
              - {name: Junk, assembly: {{TestAgents}}, type: Parley.TestAgents.StdoutJunk}
              - {name: Bad, assembly: {{TestAgents}}, type: Parley.TestAgents.{{type}}}
            scenarios: [{{CliRunner.Anac("y2011/Laptop")}}]
            """);
        string db = Path_("r.db");
        var r = CliRunner.AsProcess("tournament", "run", file, "--db", db, "--jobs", "2", "--quiet");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);

        using (var store = TournamentStore.OpenSqlite(db))
        {
            var results = store.ReadResults(store.Find()!.Id);
            Assert.Equal(6, results.Results.Count);
            foreach (var x in results.Results)
            {
                var names = x.Seats.Select(s => results.Negotiators[s.Negotiator]).ToList();
                if (names.Contains("Bad"))
                {
                    Assert.True(x.Status == Parley.Tournaments.NegotiationStatus.Failed && x.FailureKind == kind, $"{names[0]}-{names[1]}: {x.Status} {x.FailureKind}: {x.FailureReason}");
                    Assert.True(names[x.FailureSeat!.Value] == "Bad", x.FailureReason);
                    Assert.All(x.Seats, s => Assert.True(s.Utility < 1, "a failed negotiation pays reserved values"));
                }
                else
                {
                    Assert.True(x.Status != Parley.Tournaments.NegotiationStatus.Failed, $"{x.FailureKind}: {x.FailureReason}");
                }
            }
        }
        var board = CliRunner.InProcess("tournament", "report", db, "--json");
        using var doc = JsonDocument.Parse(board.Out);
        var bad = doc.RootElement.EnumerateArray().Single(row => row.GetProperty("name").GetString() == "Bad");
        Assert.Equal(4, bad.GetProperty("failures").GetInt32());
    }

    [Theory]
    [InlineData("single-text", "[hillclimber]", "boulware", "LoopingVoter")]
    [InlineData("shuttle", "[bridging]", "leastimportantfirst", "LoopingShuttleParty")]
    public void Process_HangingMediatedPrincipal_FailsOnlyItsNegotiations(string protocol, string mediators, string builtIn, string type)
    {
        string file = Write("t.yaml", $$"""
            protocol: {name: {{protocol}}, rounds: 60, turnBudget: 1s, mediators: {{mediators}}}
            hangGrace: 1s
            repetitions: 1
            selfPlay: false
            rotateRoles: false
            negotiators:
              - {{builtIn}}
              - {name: Bad, assembly: {{TestAgents}}, type: Parley.TestAgents.{{type}}}
            scenarios: [{{CliRunner.Anac("y2011/Laptop")}}]
            """);
        string db = Path_("r.db");
        var r = CliRunner.AsProcess("tournament", "run", file, "--db", db, "--jobs", "2", "--quiet");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);

        using var store = TournamentStore.OpenSqlite(db);
        var results = store.ReadResults(store.Find()!.Id);
        // Two negotiations (Bad in either seat), each failed at its budget plus grace, attributed to Bad.
        Assert.Equal(2, results.Results.Count);
        foreach (var failed in results.Results)
        {
            var names = failed.Seats.Select(s => results.Negotiators[s.Negotiator]).ToList();
            Assert.Equal(Parley.Tournaments.NegotiationStatus.Failed, failed.Status);
            Assert.True(failed.FailureKind == "Hung", $"{failed.FailureKind}: {failed.FailureReason}");
            Assert.Equal("Bad", names[failed.FailureSeat!.Value]);
            Assert.Contains("did not return", failed.FailureReason);
        }
    }

    internal static List<string> Results(string db)
    {
        using var store = TournamentStore.OpenSqlite(db);
        var stored = store.ReadResults(store.Find()!.Id);
        return [.. stored.Results.Select(r => $"{r.Index}|{r.Status}|{r.Welfare:R}|{r.DistanceToPareto:R}|{r.FailureKind}|{string.Join(',', r.Seats.Select(s => $"{s.Negotiator}:{s.Utility:R}"))}")];
    }
}
