using CsCheck;
using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Shuttle;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Issue 16 §2: rules across issues and phases, honoured by every analysis and every protocol.</summary>
public class RuleTests
{
    /// <summary>A three-phase scenario with per-phase integer issues and rules of each kind, scenario-wide and per party.</summary>
    internal static string Yaml(int maxSum, bool withRules = true)
    {
        string partyRule = withRules ? """
                rules:
                  - {type: exclude, if: {issue: posture, value: out}, thenNot: {issue: operation, value: "yes"}, source: A's own rule}

            """ : "";
        string rules = withRules ? $$$"""
            rules:
              - {type: sum, issue: released, max: {{{maxSum}}}, source: hostages held}
              - {type: monotone, issue: posture, direction: up, source: a withdrawal is not reversed}
              - {type: exclude, if: {issue: operation, phase: phase 1, value: "yes"}, thenNot: {issue: released, phase: phase 1, value: [3]}}

            """ : "";
        return """
            name: rules test
            phases: {count: 3, days: 30}
            issues:
              - {name: released, type: integer, min: 0, max: 3, phased: true}
              - {name: posture, type: discrete, values: [in, edge, out], phased: true, deferrable: [phase 3]}
              - {name: operation, type: discrete, values: ["no", "yes"], phased: true}
            parties:
              - name: A
                reservedValue: 0.3
                utility:
                  weights: {released: 0.5, posture: 0.2, operation: 0.3}
                  issues:
                    released: {slope: 0.333, offset: 0}
                    posture: {values: {in: 1, edge: 0.5, out: 0}}
                    operation: {values: {"no": 0, "yes": 1}}
                phases:
                  expects: [{issue: posture, phase: phase 3, value: in}]

            """ + partyRule + """
              - name: B
                reservedValue: 0.3
                utility:
                  weights: {released: 0.5, posture: 0.3, operation: 0.2}
                  issues:
                    released: {slope: -0.333, offset: 1}
                    posture: {values: {in: 0, edge: 0.5, out: 1}}
                    operation: {values: {"no": 1, "yes": 0}}
                phases:
                  expects: [{issue: posture, phase: phase 3, value: out}]

            """ + rules;
    }

    private static bool BreaksAny(Scenario s, ReadOnlySpan<int> values)
    {
        foreach (var p in s.Principals) if (p.Profile.RedLines.Crosses(values)) return true;
        foreach (var r in s.Rules) if (r.Breaks(values)) return true;
        return false;
    }

    /// <summary>Independent check of the rules from their definitions, on decoded values.</summary>
    private static bool BreaksByHand(Scenario s, int[] v, int maxSum)
    {
        // slots: released@1..3 (0..2), posture@1..3 (3..5; posture@phase 3 has 'deferred' = 3), operation@1..3 (6..8)
        if (v[0] + v[1] + v[2] > maxSum) return true;
        int prev = -1;
        foreach (int slot in (int[])[3, 4, 5])
        {
            if (slot == 5 && v[5] == 3) continue;
            if (v[slot] < prev) return true;
            prev = v[slot];
        }
        if (v[6] == 1 && v[0] == 3) return true;
        for (int k = 0; k < 3; k++) if (v[3 + k] == 2 && v[6 + k] == 1) return true; // A's rule, phase by phase
        return false;
    }

    [Fact]
    public void Rules_ReadFromYaml_BreakExactlyWhatTheirDefinitionsSay()
    {
        var s = YamlScenarioReader.Read("rules.yaml", Yaml(4));
        Assert.Equal(3, s.Rules.Length);
        Assert.Equal(6, s.Parties[0].Profile.RedLines.Rules.Length); // 3 scenario + A's rule for each of 3 phases
        var values = new int[s.Space.IssueCount];
        for (long o = 0; o < s.Space.Count; o++)
        {
            s.Space.Decode(new Outcome((ulong)o), values);
            Assert.Equal(BreaksByHand(s, values, 4), BreaksAny(s, values));
        }
    }

    [Fact]
    public void Rules_YamlRoundTrip_KeepsEveryRule()
    {
        var s = YamlScenarioReader.Read("rules.yaml", Yaml(4));
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(s));
        Assert.Equal(s.Rules.Length, copy.Rules.Length);
        var values = new int[s.Space.IssueCount];
        for (long o = 0; o < s.Space.Count; o += 7)
        {
            s.Space.Decode(new Outcome((ulong)o), values);
            for (int p = 0; p < 2; p++) Assert.Equal(s.Parties[p].Profile.RedLines.Crosses(values), copy.Parties[p].Profile.RedLines.Crosses(values));
        }
    }

    [Fact]
    public void ZoneFrontierAndSolutions_NeverBreakARule() =>
        Gen.Int[2, 6].Sample(maxSum =>
        {
            var s = YamlScenarioReader.Read("rules.yaml", Yaml(maxSum));
            var report = ReportBuilder.Build(s, new ReportOptions { MediatedRuns = false });
            // The zone's size is the brute-force count of rule-abiding packages that both accept.
            var values = new int[s.Space.IssueCount];
            long inZone = 0;
            for (long o = 0; o < s.Space.Count; o++)
            {
                s.Space.Decode(new Outcome((ulong)o), values);
                if (BreaksByHand(s, values, maxSum)) continue;
                if (s.Accepts(0, values, 0) && s.Accepts(1, values, 0)) inZone++;
            }
            Assert.Equal(inZone, (long)report.Zone.Size);
            foreach (var p in new[] { report.Zone.Nash, report.Zone.MaxWelfare, report.Zone.Closest })
                if (p is not null) Assert.False(BreaksByHand(s, [.. p.Values], maxSum));
            var analysis = ScenarioAnalyzer.Analyze(s);
            foreach (var point in analysis.Frontier.Points) Assert.False(BreaksByHand(s, [.. point.Values], maxSum));
            foreach (var point in new[] { analysis.Nash, analysis.MaxWelfare, analysis.KalaiSmorodinsky })
                if (point is not null) Assert.False(BreaksByHand(s, [.. point.Values], maxSum));
        }, iter: 5);

    public static TheoryData<string, string, string> Protocols()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var n in (string[])["boulware", "conceder", "linear", "hardliner"]) data.Add("sao", n, "");
        foreach (var m in MediatorRegistry.Available) data.Add("single-text", "sincere", m.Name);
        foreach (var m in ShuttleRegistry.Mediators)
            foreach (var p in ShuttleRegistry.Principals) data.Add("shuttle", p.Name, m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void EveryProtocolAndMediator_NeverAgreesOnAPackageThatBreaksARule(string protocol, string negotiator, string mediator)
    {
        foreach (int maxSum in (int[])[2, 4])
            for (int seed = 0; seed < 4; seed++)
            {
                var s = YamlScenarioReader.Read("rules.yaml", Yaml(maxSum));
                var result = NamedNegotiation.Run(s, protocol, [negotiator, negotiator], mediator == "" ? [] : [mediator], seed, rounds: 200);
                if (!result.HasAgreement) continue;
                Assert.False(BreaksByHand(s, [.. result.AgreementValues], maxSum), $"{protocol}/{negotiator}/{mediator} seed {seed}");
            }
    }

    public static TheoryData<string> TextMediators()
    {
        var data = new TheoryData<string>();
        foreach (var m in MediatorRegistry.Available) data.Add(m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextMediators))]
    public void EveryTextMediator_NeverProposesATextThatBreaksARedLineOrRule(string mediator)
    {
        int texts = 0;
        foreach (int maxSum in (int[])[2, 4])
            for (int seed = 0; seed < 4; seed++)
            {
                var s = YamlScenarioReader.Read("rules.yaml", Yaml(maxSum));
                var result = NamedNegotiation.Run(s, "single-text", ["sincere", "sincere"], [mediator], seed, rounds: 150);
                var values = new int[s.Space.IssueCount];
                foreach (var entry in result.Transcript)
                {
                    if (entry.Action != NegotiationAction.Propose || entry.Outcome is not { } text) continue;
                    s.Space.Decode(text, values);
                    Assert.False(BreaksByHand(s, values, maxSum), $"{mediator} seed {seed}: text {text}");
                    texts++;
                }
            }
        Assert.True(texts > 0);
    }
}

/// <summary>Issue 16 §4: the per-issue "what it would take" table, against a brute-force reading of its definition.</summary>
public class WhatItWouldTakeTests
{
    [Fact]
    public void WhatItWouldTake_IsTheWorstValueWhoseBestPackageReachesTheReservedValue()
    {
        var s = YamlScenarioReader.Read("rules.yaml", RuleTests.Yaml(4));
        var report = ReportBuilder.Build(s, new ReportOptions { MediatedRuns = false });
        Assert.Equal(2 * s.Space.IssueCount, report.WhatItWouldTake.Length);
        var values = new int[s.Space.IssueCount];
        foreach (var limit in report.WhatItWouldTake)
        {
            var best = new double[s.Space.Issues[limit.Issue].ValueCount];
            Array.Fill(best, double.NegativeInfinity);
            for (long o = 0; o < s.Space.Count; o++)
            {
                s.Space.Decode(new Outcome((ulong)o), values);
                if (s.Principals.Any(p => p.Profile.RedLines.Crosses(values))) continue;
                best[values[limit.Issue]] = Math.Max(best[values[limit.Issue]], s.Parties[limit.Party].Profile.Utility.Utility(values));
            }
            double r = s.ReservedValueAt(limit.Party, 0);
            var acceptable = Enumerable.Range(0, best.Length).Where(v => best[v] >= r).ToArray();
            if (acceptable.Length == 0) Assert.Null(limit.WorstAcceptable);
            else Assert.Equal(acceptable.MinBy(v => best[v]), limit.WorstAcceptable);
        }
    }
}
