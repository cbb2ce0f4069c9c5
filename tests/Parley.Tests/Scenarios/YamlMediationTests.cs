using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios;

/// <summary>The mediation parts of the YAML format: red lines, stakes, dates, channels, events, packages.</summary>
public class YamlMediationTests
{
    private const string Base = """
        name: mediation test
        dates: {start: 2024-02-13, deadline: 2024-03-10}
        issues:
          - {name: A, type: discrete, values: [a0, a1, a2]}
          - {name: N, type: integer, min: 10, max: 20}
        parties:
          - name: P
            utility:
              weights: {N: 0.25, A: 0.75}
              issues:
                A: {values: {a0: 0, a1: 0.5, a2: 1}}
                N: {slope: 0.1, offset: 0}
            redLines:
              - {issue: A, value: a0, source: stated}
              - {issue: N, max: 12}
          - name: Q
            reservedValue: 0.3
            utility:
              weights: {A: 0.5, N: 0.5}
              issues:
                A: {values: {a0: 1, a1: 0.5, a2: 0}}
                N: {slope: -0.1, offset: 1}
          - name: M
            role: mediator
            stake: 0.6
            stakeSource: "[M] wants any deal"
            utility:
              weights: {A: 1, N: 0}
              issues:
                A: {values: {a0: 1, a1: 1, a2: 0}}
                N: {slope: 0, offset: 0}
        channels:
          - {between: [P, M]}
          - {from: Q, to: M, delay: 2, source: relays take days}
        events:
          - {date: 2024-02-15, name: follow-up, type: milestone}
          - {t: 0.5, name: pressure, type: reservedValue, party: Q, change: -0.2, rampDays: 2.6}
          - {date: 2024-03-01, name: a2 off the table, type: withdrawValue, issue: A, value: a2}
          - {t: 0.9, name: M leaves, type: leave, party: M}
        packages:
          - {name: first draft, date: 2024-01-28, values: {N: 15, A: a1}, source: reported}
        """;

    [Fact]
    public void Read_WeightsListedOutOfIssueOrder_TakenByIssueName()
    {
        var scenario = YamlScenarioReader.Read("t.yaml", Base);
        var p = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
        Assert.Equal([0.75, 0.25], p.Weights.ToArray());
        // a2 (score 1) with N = 20 (score 1): 0.75 + 0.25; with N = 10: 0.75 only.
        Assert.Equal(0.75, p.Utility([2, 0]), 12);
        Assert.Equal(1.0, p.Utility([2, 10]), 12);
    }

    [Fact]
    public void Read_EveryMediationFeature()
    {
        var s = YamlScenarioReader.Read("t.yaml", Base);
        var red = s.Parties[0].Profile.RedLines;
        Assert.True(red.Crosses([0, 5]));
        Assert.True(red.Crosses([1, 2]));   // N = 12
        Assert.False(red.Crosses([1, 3]));  // N = 13
        Assert.Equal("stated", red.Lines[0].Source);
        Assert.Equal(0.6, s.Parties[2].Stake);
        Assert.Equal("[M] wants any deal", s.Parties[2].StakeSource);
        Assert.True(s.Channels!.Allows(1, 2, out int d));
        Assert.Equal(2, d);
        Assert.False(s.Channels.Allows(2, 1, out _));
        Assert.False(s.Channels.Allows(0, 1, out _));
        Assert.Equal(["follow-up", "pressure", "a2 off the table", "M leaves"], s.Timeline.Events.Select(e => e.Name));
        Assert.Equal(2.0 / 26, s.Timeline.Events[0].Time, 12);
        Assert.Equal(new DateOnly(2024, 2, 15), s.Timeline.Events[0].Date);
        Assert.Equal(-0.1, s.Timeline.ReservedValueShift(1, 0.55), 9);
        Assert.False(s.Timeline.IsAvailable(0, 2, 17.0 / 26));
        Assert.True(s.Timeline.IsAvailable(0, 2, 16.0 / 26));
        Assert.False(s.Timeline.IsPresent(2, 0.95));
        var pkg = Assert.Single(s.Packages);
        Assert.Equal([1, 5], pkg.Values.ToArray());
        Assert.Equal(new DateOnly(2024, 1, 28), pkg.Date);
    }

    [Fact]
    public void WriteThenRead_EveryMediationFeatureSurvives()
    {
        var original = YamlScenarioReader.Read("t.yaml", Base);
        string text = YamlScenarioWriter.Write(original);
        var copy = YamlScenarioReader.Read("copy.yaml", text);
        RoundTripTests.AssertSameScenario(original, copy);
        AssertSameMediation(original, copy);
        Assert.Equal(text, YamlScenarioWriter.Write(copy));
    }

    internal static void AssertSameMediation(Scenario expected, Scenario actual)
    {
        Assert.Equal(expected.Parties.Select(p => p.Stake), actual.Parties.Select(p => p.Stake));
        Assert.Equal(expected.Parties.Select(p => p.StakeSource), actual.Parties.Select(p => p.StakeSource));
        for (int i = 0; i < expected.Parties.Length; i++)
            Assert.Equal(expected.Parties[i].Profile.RedLines.Lines.ToArray(), actual.Parties[i].Profile.RedLines.Lines.ToArray());
        Assert.Equal(expected.Channels?.Channels.ToArray(), actual.Channels?.Channels.ToArray());
        Assert.Equal(expected.Timeline.Start, actual.Timeline.Start);
        Assert.Equal(expected.Timeline.Deadline, actual.Timeline.Deadline);
        Assert.Equal(expected.Timeline.Events.ToArray(), actual.Timeline.Events.ToArray());
        Assert.Equal(expected.Packages.Length, actual.Packages.Length);
        for (int i = 0; i < expected.Packages.Length; i++)
        {
            Assert.Equal(expected.Packages[i].Name, actual.Packages[i].Name);
            Assert.Equal(expected.Packages[i].Values.ToArray(), actual.Packages[i].Values.ToArray());
            Assert.Equal(expected.Packages[i].Date, actual.Packages[i].Date);
            Assert.Equal(expected.Packages[i].Source, actual.Packages[i].Source);
        }
    }

    [Theory]
    [InlineData("      - {issue: A, value: a9}", "'a9' is not a value of issue 'A'")]
    [InlineData("      - {issue: Z, value: a0}", "names issue 'Z'")]
    [InlineData("      - {issue: A}", "has no 'value'")]
    public void Read_BadRedLine_NamesFileLineAndExpectation(string line, string expected)
    {
        string yaml = Base.Replace("      - {issue: N, max: 12}", line);
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("bad.yaml", yaml));
        Assert.Contains("bad.yaml", e.Message);
        Assert.Contains("line ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("  - {between: [P, M]}", "  - {between: [P, X]}", "names party 'X'")]
    [InlineData("  - {between: [P, M]}", "  - {between: [P, P]}", "to itself")]
    [InlineData("{date: 2024-02-15,", "{date: 2024-03-15,", "outside the scenario's 2024-02-13 to 2024-03-10")]
    [InlineData("{date: 2024-02-15,", "{date: 15 Feb,", "expected a date as YYYY-MM-DD")]
    [InlineData("type: milestone}", "type: meteor}", "expected reservedValue, withdrawValue, leave, join or milestone")]
    [InlineData("values: {N: 15, A: a1}", "values: {N: 15}", "no value for issue 'A'")]
    [InlineData("    stake: 0.6", "    stake: 1.6", "expected α in [0, 1]")]
    [InlineData("{t: 0.9, name: M leaves,", "{name: M leaves,", "exactly one of 't'")]
    public void Read_BadMediationInput_NamesFileLineAndExpectation(string from, string to, string expected)
    {
        string yaml = Base.Replace(from, to);
        Assert.NotEqual(Base, yaml);
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("bad.yaml", yaml));
        Assert.Contains("bad.yaml: line ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("reservedValue: 0.1", "change: -0.2, rampDays: 2.6", "brings the reserved value of 'Q' to -0.1 by 2024-02-29")]
    [InlineData("reservedValue: 0.3", "change: 0.8", "brings the reserved value of 'Q' to 1.1 by 2024-02-26")]
    public void Read_EventPushingAReservedValueOutOfZeroOne_IsRefusedNamingTheEvent(string reserved, string change, string expected)
    {
        string yaml = Base.Replace("reservedValue: 0.3", reserved, StringComparison.Ordinal).Replace("change: -0.2, rampDays: 2.6", change, StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("push.yaml", yaml));
        Assert.StartsWith("push.yaml: line 37, column 5: event 'pressure' ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EventPushingAReservedValueOutOnlyAtTheEndOfItsRamp_IsRefused()
    {
        // Q's curve rises to 0.5 at t = 0.5 and falls to 0 at t = 1; +0.9 ramped over t = 0.5..0.8 gives 0.5, 1.1 and 0.9
        // at t = 0.5, 0.8 and 1: only the end of the ramp is outside [0, 1].
        string yaml = Base.Replace("reservedValue: 0.3", "reservedValue: [{t: 0, value: 0.2}, {t: 0.5, value: 0.5}, {t: 1, value: 0}]", StringComparison.Ordinal)
            .Replace("change: -0.2, rampDays: 2.6", "change: 0.9, ramp: 0.3", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("ramp.yaml", yaml));
        Assert.Contains("event 'pressure' brings the reserved value of 'Q' to 1.1 by ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("change: -0.3")] // to 0 exactly
    [InlineData("change: 0.7")]  // to 1 (up to rounding)
    public void Read_EventTakingAReservedValueToABoundOfZeroOne_IsAccepted(string change)
    {
        string yaml = Base.Replace("change: -0.2, rampDays: 2.6", change, StringComparison.Ordinal);
        var s = YamlScenarioReader.Read("bound.yaml", yaml);
        double end = s.Parties[1].Profile.ReservedValue.At(1) + s.Timeline.ReservedValueShift(1, 1);
        Assert.InRange(end, -1e-9, 1 + 1e-9);
    }

    [Fact]
    public void Read_SecondEventPushingTheReservedValueOut_IsTheOneNamed()
    {
        // 0.3 − 0.2 (pressure, fine on its own) − 0.2 (collapse) = −0.1.
        string yaml = Base.Replace("rampDays: 2.6}\n", "rampDays: 2.6}\n  - {t: 0.7, name: collapse, type: reservedValue, party: Q, change: -0.2}\n", StringComparison.Ordinal);
        Assert.NotEqual(Base, yaml);
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("two.yaml", yaml));
        Assert.Contains("event 'collapse' brings the reserved value of 'Q' to -0.1", e.Message, StringComparison.Ordinal);
    }

    private const string QRatifier = """
            ratifier:
              name: Q board
              reservedValue: 0.4
              utility:
                weights: {A: 0.5, N: 0.5}
                issues:
                  A: {values: {a0: 1, a1: 0.5, a2: 0}}
                  N: {slope: -0.1, offset: 1}

        """;

    [Fact]
    public void Read_EventPushingARatifiersReservedValueOut_IsRefusedNamingTheRatifier()
    {
        // Q's own reserved value (0.3) could take +0.6; its ratifier's (0.4) cannot.
        string yaml = Base.Replace("  - name: M\n", QRatifier.Replace("\r", "") + "  - name: M\n", StringComparison.Ordinal)
            .Replace("  - {date: 2024-02-15, name: follow-up, type: milestone}", "  - {t: 0.2, name: board hardens, type: reservedValue, party: Q, ratifier: true, change: 0.65}", StringComparison.Ordinal);
        Assert.DoesNotContain("follow-up", yaml);
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("rat.yaml", yaml));
        Assert.Contains("event 'board hardens' brings the reserved value of the ratifier of 'Q' to 1.05", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EventMovingARatifiersReservedValueWithinZeroOne_IsAccepted_AndMovesOnlyTheRatifier()
    {
        string yaml = Base.Replace("  - name: M\n", QRatifier.Replace("\r", "") + "  - name: M\n", StringComparison.Ordinal)
            .Replace("  - {date: 2024-02-15, name: follow-up, type: milestone}", "  - {t: 0.2, name: board softens, type: reservedValue, party: Q, ratifier: true, change: -0.4}", StringComparison.Ordinal);
        var s = YamlScenarioReader.Read("rat.yaml", yaml);
        Assert.Equal(-0.4, s.Timeline.RatifierShift(1, 0.3), 12);
        Assert.Equal(0.0, s.Timeline.ReservedValueShift(1, 0.3), 12);
    }

    [Fact]
    public void Read_StakeOnAPrincipal_IsRefused()
    {
        string yaml = Base.Replace("  - name: Q\n", "  - name: Q\n    stake: 0.5\n");
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("bad.yaml", yaml));
        Assert.Contains("only mediators have a stake", e.Message);
    }

    [Fact]
    public void Read_RedLineFarBeyondIntRangeOnAHugeIntegerIssue_IsRefusedNotCrashed()
    {
        string yaml = Base.Replace("{name: N, type: integer, min: 10, max: 20}", "{name: N, type: integer, min: 0, max: 5000000000}")
            .Replace("N: {slope: 0.1, offset: 0}", "N: {slope: 0, offset: 0}").Replace("N: {slope: -0.1, offset: 1}", "N: {slope: 0, offset: 1}")
            .Replace("{issue: N, max: 12}", "{issue: N, min: 4000000000}");
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("big.yaml", yaml));
        Assert.Contains("big.yaml: line ", e.Message);
        Assert.Contains("red line on 'N'", e.Message);
    }
}
