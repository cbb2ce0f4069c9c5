using CsCheck;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Issue 16 §5: assumptions with ranges, and which findings they decide.</summary>
public class RobustnessTests
{
    private static string Contract => Path.Combine(TestPaths.RepoRoot, "scenarios", "auto-contract-2023.yaml");

    /// <summary>A small dated, phased scenario with six assumptions (two reserved values, two weights, a belief, an event's size), a red line and two packages.</summary>
    internal const string Small = """
        name: robustness test
        dates: {start: 2024-01-01, deadline: 2024-01-31}
        phases:
          - {name: first, days: 10}
          - {name: second, days: 20}
        issues:
          - {name: x, type: integer, min: 0, max: 4, phased: true, deferrable: [second]}
          - {name: y, type: discrete, values: [a, b, c]}
          - {name: z, type: discrete, values: [lo, hi], deferrable: true}
        parties:
          - name: A
            reservedValue: {value: 0.55, range: [0.3, 0.8], source: "[M]", calibratedFor: zone}
            utility:
              weights: {x: {value: 0.5, range: [0.3, 0.7]}, y: 0.2, z: 0.3}
              issues:
                x: {slope: 0.25, offset: 0}
                y: {values: {a: 0, b: 0.5, c: 1}}
                z: {values: {lo: 0, hi: 1}}
            phases:
              carriedOut: [1, {value: 0.9, range: [0.7, 1]}]
              expects:
                - {issue: x, phase: second, value: "3"}
                - {issue: z, distribution: {lo: 0.3, hi: 0.7}}
          - name: B
            reservedValue: {value: 0.6, range: [0.45, 0.9]}
            utility:
              weights: {x: 0.4, y: {value: 0.3, range: [0.1, 0.5]}, z: 0.3}
              issues:
                x: {slope: -0.25, offset: 1}
                y: {values: {a: 1, b: 0.5, c: 0}}
                z: {values: {lo: 1, hi: 0}}
            phases:
              expects:
                - {issue: x, phase: second, value: "1"}
                - {issue: z, distribution: {lo: 0.9, hi: 0.1}}
            redLines:
              - {issue: y, value: c}
        events:
          - {date: 2024-01-10, name: pressure, type: reservedValue, party: A, change: {value: -0.1, range: [-0.2, 0]}, rampDays: 5}
        packages:
          - name: split
            values: {x: [2, 2], y: b, z: lo}
          - name: A's ask
            values: {x: [4, 3], y: c, z: hi}
        """;

    private static string Text(IEnumerable<RobustnessFinding> findings) => string.Join("\n", findings.Select(f =>
        $"{f.Finding}|{f.Value}|{f.Holds}|{f.Input}|{string.Join(";", f.DependsOn)}|{f.Range}"));

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

    [Fact]
    public void FastFindings_EqualThoseOfWholeReports_OnEveryDayOfASmallScenario()
    {
        var s = YamlScenarioReader.Read("small.yaml", Small);
        for (var d = s.Timeline.Start!.Value; d <= s.Timeline.Deadline!.Value; d = d.AddDays(3))
        {
            var options = new ReportOptions(d, MediatedRuns: false);
            var report = ReportBuilder.Build(s, options);
            Assert.Equal(FindingsReadOff(report), RobustnessFindings.Of(s, options));
            Assert.Equal(FindingsReadOff(report), RobustnessFindings.FromReport(report));
        }
    }

    /// <summary>
    /// The findings of a report, read off its fields here (not by <see cref="RobustnessFindings"/>): "exists"/"none", the
    /// top three sticking points, the date (or t) of the first point of the timeline with a zone or "never", and each
    /// package's answers.
    /// </summary>
    private static Dictionary<string, string> FindingsReadOff(ScenarioReport report)
    {
        var first = report.Sensitivity.Where(p => p.ZoneExists).Select(p => p.Date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : p.Time.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var findings = new Dictionary<string, string>
        {
            ["zone"] = report.Zone.Exists ? "exists" : "none",
            ["stickingPoints"] = string.Join(" > ", report.StickingPoints.Take(3).Select(p => report.Scenario.Space.Issues[p.Issue].Name)),
            ["firstZone"] = first ?? "never",
        };
        foreach (var v in report.Packages)
            findings["package:" + v.Package.Name] = string.Join(", ", v.Answers.Select(a => report.Scenario.Parties[a.Party].Name + (a.Accepts ? " accepts" : " rejects")));
        return findings;
    }

    [Fact]
    public void FastFindings_OfTheSmallScenarioWithAHigherOutsideOption_SayWhatItsReportsShow()
    {
        // A's outside option starts high and falls from 10 January: no zone at first, one from 13 January.
        string yaml = Small.Replace("{value: 0.55, range: [0.3, 0.8]", "{value: 0.85, range: [0.3, 0.9]", StringComparison.Ordinal)
            .Replace("{value: -0.1, range: [-0.2, 0]}", "{value: -0.2, range: [-0.2, 0]}", StringComparison.Ordinal);
        var s = YamlScenarioReader.Read("small-high.yaml", yaml);
        var seen = new HashSet<string>();
        for (var d = s.Timeline.Start!.Value; d <= s.Timeline.Deadline!.Value; d = d.AddDays(2))
        {
            var options = new ReportOptions(d, MediatedRuns: false);
            var f = RobustnessFindings.Of(s, options);
            Assert.Equal(FindingsReadOff(ReportBuilder.Build(s, options)), f);
            foreach (var (key, value) in f) seen.Add($"{key}={value}");
        }
        Assert.Contains("zone=none", seen);
        Assert.Contains("zone=exists", seen);
        Assert.Contains("firstZone=2024-01-13", seen);
        Assert.Contains("package:A's ask=A accepts, B rejects", seen);
        Assert.Contains("package:split=A rejects, B accepts", seen);
    }

    [Fact]
    public void FastFindings_EqualThoseOfWholeReports_OnRandomPhasedScenarios() =>
        Gen.Select(PhasedScenarios.Phased(), Gen.Double[0, 1], Gen.Double[0, 0.6]).Sample((spec, t, reserved) =>
        {
            string yaml = PhasedScenarios.Yaml(spec).Replace("reservedValue: 0.25", $"reservedValue: {reserved.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
            var s = YamlScenarioReader.Read("random.yaml", yaml);
            var options = new ReportOptions(Time: t, MediatedRuns: false);
            var report = ReportBuilder.Build(s, options);
            Assert.Equal(RobustnessFindings.FromReport(report), RobustnessFindings.Of(s, options));
            Assert.Equal(FindingsReadOff(report), RobustnessFindings.Of(s, options));
        }, iter: 40);

    [Fact]
    public void Robustness_FastPath_GivesTheSameOutputAsWholeReports()
    {
        var s = YamlScenarioReader.Read("small.yaml", Small);
        Assert.Equal(6, s.Assumptions.Length);
        foreach (var date in (DateOnly[])[new(2024, 1, 1), new(2024, 1, 20)])
        {
            var options = new ReportOptions(date, MediatedRuns: false);
            var fast = Robustness.Of(s, options, samples: 8, seed: 3);
            var slow = Robustness.Of(s, options, 8, 3, (variant, o) => RobustnessFindings.FromReport(ReportBuilder.Build(variant, o)));
            Assert.Equal(Text(slow), Text(fast));
            // Variants are read (A's reserved value stands before its weights in the text but is read after them) and decide findings.
            Assert.Contains("party 'B' 'reservedValue'", fast.Single(f => f.Finding == "firstZone").DependsOn);
        }
    }

    private static string Described(Scenario s) => string.Join("\n", s.Assumptions.Select(a => $"{a.What}|{a.Value:R}|{a.Low:R}|{a.High:R}|{a.Source}|{a.CalibratedFor}"));

    [Fact]
    public void ConvertRoundTrip_KeepsEveryAssumption_AndTheRobustnessOutput()
    {
        var s = YamlScenarioReader.Read("small.yaml", Small);
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(s));
        Assert.Equal(Described(s), Described(copy));
        var options = new ReportOptions(new DateOnly(2024, 1, 20), MediatedRuns: false);
        Assert.Equal(Text(Robustness.Of(s, options, samples: 8)), Text(Robustness.Of(copy, options, samples: 8)));
        // Writing the copy again changes nothing.
        Assert.Equal(YamlScenarioWriter.Write(copy), YamlScenarioWriter.Write(YamlScenarioReader.Read("copy2.yaml", YamlScenarioWriter.Write(copy))));
    }

    [Fact]
    public void ConvertRoundTrip_OfThePhasedExample_KeepsItsEightAssumptions()
    {
        var s = ScenarioLoader.Load(Contract);
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(s));
        Assert.Equal(8, copy.Assumptions.Length);
        Assert.Equal(Described(s), Described(copy));
    }
    [Fact]
    public void ExpectationProbability_WithRest_IsAnAssumptionOfItsParty_AndTheDistributionStillSumsToOne()
    {
        const string Plain = "- {issue: z, distribution: {lo: 0.9, hi: 0.1}}";
        string text = Small.Replace(Plain, "- {issue: z, distribution: {lo: {value: 0.9, range: [0.5, 1], source: \"[M]\"}, hi: rest}}", StringComparison.Ordinal);
        Assert.NotEqual(Small, text);
        var s = YamlScenarioReader.Read("rest.yaml", text);
        var probability = Assert.Single(s.Assumptions, a => a.What == "party 'B' expectation of 'z' probability of 'lo'");
        Assert.Equal("B", probability.Party);
        Assert.Equal("A", s.Assumptions.Single(a => a.What.StartsWith("event 'pressure'", StringComparison.Ordinal)).Party);
        Assert.All(s.Assumptions, a => Assert.NotNull(a.Party));
        static double[] Z(Scenario scenario) => [.. scenario.Phasing!.Parties[1].Expectations.Values.Single(e => e.Outcomes.Length == 2).Outcomes.Select(o => o.Probability)];
        Assert.Equal([0.9, 1 - 0.9], Z(s));
        // Every value of its range is read (the rest follows), so robustness varies it instead of skipping refused variants.
        Assert.Equal([0.5, 0.5], Z(YamlScenarioReader.Read("rest.yaml", text.Replace("lo: {value: 0.9,", "lo: {value: 0.5,", StringComparison.Ordinal))));
        Assert.Equal([1, 0], Z(YamlScenarioReader.Read("rest.yaml", text.Replace("lo: {value: 0.9,", "lo: {value: 1,", StringComparison.Ordinal))));
        // convert writes it back as 'rest', so a converted scenario varies it the same way.
        string written = YamlScenarioWriter.Write(s);
        Assert.Contains("rest", written, StringComparison.Ordinal);
        var copy = YamlScenarioReader.Read("copy.yaml", written);
        Assert.Equal(Described(s), Described(copy));
        Assert.Equal(Z(s), Z(copy));
        var options = new ReportOptions(new DateOnly(2024, 1, 20), MediatedRuns: false);
        Assert.Equal(Text(Robustness.Of(s, options, samples: 4)), Text(Robustness.Of(copy, options, samples: 4)));
        var twoRests = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("rest.yaml", Small.Replace(Plain, "- {issue: z, distribution: {lo: rest, hi: rest}}", StringComparison.Ordinal)));
        Assert.Contains("two values with probability 'rest'", twoRests.Message, StringComparison.Ordinal);
        var over = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("rest.yaml", Small.Replace("- {issue: x, phase: second, value: \"1\"}", "- {issue: x, phase: second, distribution: {\"1\": 0.7, \"2\": 0.6, \"3\": rest}}", StringComparison.Ordinal)));
        Assert.Contains("leaving no 'rest'", over.Message, StringComparison.Ordinal);
    }
}
