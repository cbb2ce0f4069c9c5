using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>Issue 16: analyze, report and convert on the phased example, as a user runs them.</summary>
public class PhasedCliTests
{
    private static string Contract => Path.Combine(CliRunner.RepoRoot, "scenarios", "auto-contract-2023.yaml");

    [Fact]
    public void PhasedExample_HasTopLevelPhasesKey() =>
        Assert.Contains(File.ReadAllLines(Contract), l => l.StartsWith("phases:", StringComparison.Ordinal));

    [Fact]
    public void AnalyzeJson_PhasedExample_AddsPhasesAndValuesPhaseByPhase()
    {
        var r = CliRunner.InProcess("analyze", Contract, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        foreach (string key in (string[])["scenario", "outcomeCount", "method", "issues", "parties", "warnings", "paretoFrontier", "publishedFrontier", "nash", "kalaiSmorodinsky", "maxWelfare", "timingsMs"])
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal(["year 1", "years 2-3", "years 4-5"], root.GetProperty("phases").EnumerateArray().Select(p => p.GetString()));
        var nash = root.GetProperty("nash");
        Assert.Equal(JsonValueKind.Object, nash.GetProperty("outcome").ValueKind);
        var phases = nash.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(3, phases.Count);
        Assert.Equal("years 4-5", phases[2].GetProperty("phase").GetString());
        Assert.Equal(nash.GetProperty("outcome").GetProperty("raise (%)@years 4-5").GetString(), phases[2].GetProperty("values").GetProperty("raise (%)").GetString());
        Assert.All(root.GetProperty("paretoFrontier").GetProperty("points").EnumerateArray(), p => Assert.Equal(3, p.GetProperty("phases").GetArrayLength()));
    }

    [Fact]
    public void ReportRobustness_PhasedExample_JsonAndMarkdownBothSayWhatRestsOnAssumptions()
    {
        var json = CliRunner.InProcess("report", Contract, "--robustness", "--no-runs", "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        var findings = doc.RootElement.GetProperty("robustness").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        // Both outside options are calibrated for the zone finding (the file says so): it is an input, not a finding.
        var zone = findings.Single(f => f.GetProperty("finding").GetString() == "zone");
        Assert.True(zone.GetProperty("input").GetBoolean());

        var markdown = CliRunner.InProcess("report", Contract, "--robustness", "--no-runs");
        Assert.True(markdown.ExitCode == 0, markdown.Error);
        Assert.Contains("## What rests on assumptions", markdown.Out);
        Assert.Contains("| zone |", markdown.Out);
        Assert.Contains("yes (calibrated)", markdown.Out);
        Assert.DoesNotContain("## What rests on assumptions", CliRunner.InProcess("report", Contract, "--no-runs").Out);
    }

    /// <summary>A small dated, phased scenario with a staked mediator whose numbers carry ranges (issue 18 §4).</summary>
    private const string WithMediator = """
        name: robustness with a mediator
        dates: {start: 2024-01-01, deadline: 2024-01-31}
        phases:
          - {name: first, days: 10}
          - {name: second, days: 20}
        issues:
          - {name: x, type: integer, min: 0, max: 4, phased: true, deferrable: [second]}
          - {name: y, type: discrete, values: [a, b, c]}
        parties:
          - name: A
            reservedValue: {value: 0.45, range: [0.3, 0.6]}
            utility:
              weights: {x: {value: 0.6, range: [0.4, 0.8]}, y: 0.4}
              issues:
                x: {slope: 0.25, offset: 0}
                y: {values: {a: 0, b: {value: 0.5, range: [0.4, 0.6]}, c: 1}}
            phases:
              expects:
                - {issue: x, phase: second, distribution: {"3": {value: 0.8, range: [0.5, 1]}, "2": rest}}
          - name: B
            reservedValue: {value: 0.45, range: [0.3, 0.6]}
            utility:
              weights: {x: 0.5, y: 0.5}
              issues:
                x: {slope: -0.25, offset: 1}
                y: {values: {a: 1, b: 0.5, c: 0}}
            phases:
              expects:
                - {issue: x, phase: second, value: "1"}
          - name: M
            role: mediator
            stake: {value: 0.5, range: [0.3, 0.7], source: "[M]"}
            reservedValue: {value: 0.3, range: [0.2, 0.4]}
            utility:
              weights: {x: {value: 0.4, range: [0.3, 0.5]}, y: 0.6}
              issues:
                x: {slope: 0.1, offset: 0.5}
                y: {values: {a: 0.5, b: 1, c: 0}}
            phases:
              expects:
                - {issue: x, phase: second, value: "2"}
        """;

    [Fact]
    public void ReportRobustness_VariesTheMediatorsNumbersForTheRunsOnly_AndGivesEachDependenceItsRange()
    {
        string file = Path.Combine(Path.GetTempPath(), $"parley-robust-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, WithMediator);
        try
        {
            var withRuns = CliRunner.InProcess("report", file, "--at", "2024-01-20", "--robustness", "--json");
            Assert.True(withRuns.ExitCode == 0, withRuns.Error);
            using var doc = JsonDocument.Parse(withRuns.Out);
            var findings = doc.RootElement.GetProperty("robustness").EnumerateArray().ToList();
            var runs = findings.Where(f => f.GetProperty("finding").GetString()!.StartsWith("run:", StringComparison.Ordinal)).ToList();
            Assert.Equal(6, runs.Count);
            Assert.Contains(runs, f => f.GetProperty("finding").GetString() == "run:single-text, conceder-classic, staked");
            foreach (var f in findings)
            {
                var depends = f.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()!).ToList();
                var ranges = f.GetProperty("ranges").EnumerateArray().ToList();
                Assert.Equal(depends.Count, ranges.Count);
                bool run = runs.Contains(f);
                // The mediator's numbers decide only the runs' findings; the runs' findings only they decide.
                Assert.All(depends, d => Assert.Equal(run, d.StartsWith("party 'M'", StringComparison.Ordinal) || (run && d == "joint")));
                for (int k = 0; k < depends.Count; k++)
                    if (ranges[k].ValueKind == JsonValueKind.Array) Assert.True(ranges[k][0].GetDouble() <= ranges[k][1].GetDouble());
            }

            var noRuns = CliRunner.InProcess("report", file, "--at", "2024-01-20", "--robustness", "--no-runs", "--json");
            Assert.True(noRuns.ExitCode == 0, noRuns.Error);
            using var plain = JsonDocument.Parse(noRuns.Out);
            Assert.DoesNotContain(plain.RootElement.GetProperty("robustness").EnumerateArray(), f => f.GetProperty("finding").GetString()!.StartsWith("run:", StringComparison.Ordinal));

            var markdown = CliRunner.InProcess("report", file, "--at", "2024-01-20", "--robustness");
            Assert.True(markdown.ExitCode == 0, markdown.Error);
            Assert.Contains("3 of the 8 assumptions are the mediators' numbers", markdown.Out, StringComparison.Ordinal);
            Assert.Contains("| run:shuttle, conceder, bridging |", markdown.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReportJson_PhasedExample_DeferringThePensionOpensAZoneTheSettledVersionLacks()
    {
        var r = CliRunner.InProcess("report", Contract, "--json", "--no-runs");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        var sequencing = root.GetProperty("sequencing").EnumerateArray().ToList();
        Assert.All(sequencing, s =>
        {
            foreach (string key in (string[])["issue", "deferredTo", "opensZone", "size"]) Assert.True(s.TryGetProperty(key, out _), key);
        });
        var moves = sequencing.Where(s => s.GetProperty("kind").GetString() == "move").ToList();
        // COLA and the pension, each moved into year 2-3 and into years 4-5; none opens a zone (the pension cannot be split: Ford's red line).
        Assert.Equal(4, moves.Count);
        Assert.All(moves, m => Assert.False(m.GetProperty("opensZone").GetBoolean()));
        Assert.All(moves, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("deferredTo").ValueKind));
        Assert.Contains(moves, m => m.GetProperty("issue").GetString() == "COLA" && m.GetProperty("to").GetString() == "years 4-5" && m.TryGetProperty("before", out _));
        sequencing = [.. sequencing.Where(s => s.GetProperty("kind").GetString() == "defer")];
        var pension = sequencing.Single(s => s.GetProperty("issue").GetString() == "pension for post-2007 hires");
        Assert.True(pension.GetProperty("opensZone").GetBoolean());
        Assert.NotEqual("0", pension.GetProperty("size").GetString());
        var reopener = sequencing.Single(s => s.GetProperty("issue").GetString() == "raise (%)");
        Assert.False(reopener.GetProperty("opensZone").GetBoolean());
        var settled = root.GetProperty("phaseStructures").EnumerateArray().Single(z => z.GetProperty("name").GetString() == "every question settled now");
        Assert.Equal("0", settled.GetProperty("size").GetString());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetString()!.StartsWith("Deferring pension for post-2007 hires to a later round opens a zone", StringComparison.Ordinal));
    }

    [Fact]
    public void Convert_PhasedExample_RoundTripsThroughYamlAndWarnsForGenius()
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-phased-" + Guid.NewGuid().ToString("N"));
        try
        {
            string yaml = Path.Combine(dir, "copy.yaml");
            var converted = CliRunner.InProcess("convert", Contract, "--to", "yaml", "--out", yaml);
            Assert.Equal(0, converted.ExitCode);
            Assert.DoesNotContain("plain number", converted.Console, StringComparison.Ordinal);
            Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(yaml), @"\{value: [^}]*range: \[").Count); // the assumptions keep their ranges
            var a = CliRunner.InProcess("analyze", Contract, "--json");
            var b = CliRunner.InProcess("analyze", yaml, "--json");
            using (var da = JsonDocument.Parse(a.Out))
            using (var db = JsonDocument.Parse(b.Out))
            {
                Assert.Equal(da.RootElement.GetProperty("phases").ToString(), db.RootElement.GetProperty("phases").ToString());
                Assert.Equal(da.RootElement.GetProperty("nash").ToString(), db.RootElement.GetProperty("nash").ToString());
            }
            var g = CliRunner.InProcess("convert", Contract, "--to", "genius", "--out", Path.Combine(dir, "genius"));
            Assert.Equal(0, g.ExitCode);
            Assert.Contains("GENIUS has no phases", System.Text.RegularExpressions.Regex.Replace(g.Console, @"\s+", " "));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
