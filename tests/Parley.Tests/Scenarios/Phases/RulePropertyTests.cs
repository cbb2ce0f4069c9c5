using System.Collections.Immutable;
using CsCheck;
using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Shuttle;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>
/// Issue 16 §2 and §6 as a property: on small random phased scenarios with random rules (monotone, sum, exclude; the
/// scenario's and a party's own) and red lines, no zone package, no agreement and no mediator text of any protocol (SAOP,
/// single text with every built-in mediator, shuttle with every built-in mediator) crosses a rule or a red line.
/// </summary>
public class RulePropertyTests
{
    /// <summary>A random phased scenario (see <see cref="PhasedScenarios.Phased"/>) with 1–3 random rules and maybe a red line, leaving at least one package inside them all.</summary>
    internal static Scenario WithRandomRules(PhasedScenarios.Spec spec, int seed)
    {
        var rng = new Random(seed);
        var s = YamlScenarioReader.Read("random.yaml", PhasedScenarios.Yaml(spec));
        var structure = s.Phasing!.Structure;
        int slots = s.Space.IssueCount;
        var deferred = ImmutableArray.CreateRange(Enumerable.Range(0, slots).Select(k => structure.Slots[k].Deferrable ? s.Space.Issues[k].ValueCount - 1 : -1));
        int Settled(int slot) => s.Space.Issues[slot].ValueCount - (deferred[slot] >= 0 ? 1 : 0);
        var scenarioRules = new List<SlotRule>();
        var ownRules = new List<SlotRule>[2] { [], [] };
        int count = rng.Next(1, 4);
        for (int r = 0; r < count; r++)
        {
            SlotRule rule;
            int kind = slots < 2 ? 1 : rng.Next(3);
            if (kind == 0)
            {
                var order = Enumerable.Range(0, slots).OrderBy(_ => rng.Next()).Take(rng.Next(2, Math.Min(3, slots) + 1)).ToImmutableArray();
                rule = new MonotoneRule(order, rng.Next(2) == 0);
            }
            else if (kind == 1)
            {
                var read = Enumerable.Range(0, slots).OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(3, slots) + 1)).ToArray();
                var terms = read.Select(k => (k, ImmutableArray.CreateRange(Enumerable.Range(0, s.Space.Issues[k].ValueCount).Select(v => (double)v)))).ToImmutableArray();
                int most = read.Sum(k => Settled(k) - 1);
                rule = new SumRule(terms, null, rng.Next(0, most + 1));
            }
            else
            {
                var pair = Enumerable.Range(0, slots).OrderBy(_ => rng.Next()).Take(2).ToArray();
                rule = new ExclusionRule(pair[0], [rng.Next(Settled(pair[0]))], pair[1], [rng.Next(Settled(pair[1]))]);
            }
            rule = rule with { DeferredValues = deferred };
            int owner = rng.Next(3); // 2: the scenario's
            if (owner == 2) scenarioRules.Add(rule with { ScenarioWide = true });
            else ownRules[owner].Add(rule);
        }
        var lines = new List<RedLine>[2] { [], [] };
        if (rng.Next(2) == 0)
        {
            int slot = rng.Next(slots);
            if (Settled(slot) > 1) lines[rng.Next(2)].Add(RedLine.OnValue(slot, rng.Next(Settled(slot))));
        }
        var parties = s.Parties.Select((p, i) => p with
        {
            Profile = p.Profile with
            {
                RedLines = new RedLines(lines[i]) { Rules = [.. ownRules[i], .. scenarioRules] },
                ReservedValue = ReservedValueCurve.Constant(Math.Round(0.1 + 0.4 * rng.NextDouble(), 3)),
            },
        }).ToImmutableArray();
        var ruled = s with { Parties = parties, Rules = [.. scenarioRules] };
        // Mediators start from a text that breaks nothing: keep only draws where one exists (else the same scenario without the limits).
        var values = new int[slots];
        for (long o = 0; o < s.Space.Count; o++)
        {
            s.Space.Decode(new Outcome((ulong)o), values);
            if (!Crosses(ruled, values)) return ruled;
        }
        return s with { Parties = [.. s.Parties.Select((p, i) => p with { Profile = p.Profile with { ReservedValue = parties[i].Profile.ReservedValue } })] };
    }

    /// <summary>True when the package crosses a principal's red line or rule, or breaks one of the scenario's rules.</summary>
    internal static bool Crosses(Scenario s, ReadOnlySpan<int> values)
    {
        foreach (var p in s.Principals) if (p.Profile.RedLines.Crosses(values)) return true;
        foreach (var r in s.Rules) if (r.Breaks(values)) return true;
        return false;
    }

    private static bool Crosses(Scenario s, Outcome package)
    {
        var values = new int[s.Space.IssueCount];
        s.Space.Decode(package, values);
        return Crosses(s, values);
    }

    private static Gen<(PhasedScenarios.Spec Spec, int Seed)> Scenarios => Gen.Select(PhasedScenarios.Phased(), Gen.Int);

    [Fact]
    public void ZonePackages_NeverCrossARuleOrRedLine_AndTheZoneIsTheBruteForceOne() =>
        Scenarios.Sample(x =>
        {
            var s = WithRandomRules(x.Spec, x.Seed);
            var report = ReportBuilder.Build(s, new ReportOptions(MediatedRuns: false));
            var values = new int[s.Space.IssueCount];
            long inZone = 0;
            for (long o = 0; o < s.Space.Count; o++)
            {
                s.Space.Decode(new Outcome((ulong)o), values);
                if (!Crosses(s, values) && s.Accepts(0, values, 0) && s.Accepts(1, values, 0)) inZone++;
            }
            Assert.Equal(inZone, (long)report.Zone.Size);
            var packages = new[] { report.Zone.Nash, report.Zone.MaxWelfare, report.Zone.Closest }
                .Concat(report.Sequencing?.Options.Select(o => o.Best) ?? []);
            foreach (var p in packages)
                if (p is not null) Assert.False(Crosses(s, p.Values.AsSpan()), $"zone package {string.Join(",", p.Values)}");
        }, iter: 60);

    /// <summary>Every protocol and built-in mediator: (protocol, principals, mediator).</summary>
    private static IEnumerable<(string Protocol, string Negotiator, string Mediator)> Runs()
    {
        foreach (var n in (string[])["boulware", "conceder"]) yield return ("sao", n, "");
        foreach (var m in MediatorRegistry.Available) yield return ("single-text", "sincere", m.Name);
        foreach (var m in ShuttleRegistry.Mediators)
            foreach (var p in (string[])["conceder", "leastimportantfirst"]) yield return ("shuttle", p, m.Name);
    }

    [Fact]
    public void NoAgreementOrMediatorText_OfAnyProtocol_CrossesARuleOrRedLine() =>
        Scenarios.Sample(x =>
        {
            var s = WithRandomRules(x.Spec, x.Seed);
            foreach (var (protocol, negotiator, mediator) in Runs())
            {
                var result = NamedNegotiation.Run(s, protocol, [negotiator, negotiator], mediator == "" ? [] : [mediator], x.Seed, rounds: 60);
                string run = $"{protocol}/{negotiator}/{mediator}";
                if (result.HasAgreement) Assert.False(Crosses(s, result.AgreementValues.AsSpan()), $"{run}: agreement");
                foreach (var entry in result.Transcript)
                    if (entry.Action == NegotiationAction.Propose && entry.Outcome is { } text)
                        Assert.False(Crosses(s, text), $"{run}: mediator text {text} in round {entry.Round}");
            }
        }, iter: 25);

    [Fact]
    public void FrontierUnderRules_IsMarkedExact_AndIsTheBruteForceFrontier() =>
        Scenarios.Sample(x =>
        {
            var s = WithRandomRules(x.Spec, x.Seed);
            var analysis = ScenarioAnalyzer.Analyze(s);
            Assert.True(analysis.Frontier.Exact);
            AssertBruteForceFrontier(s, analysis.Frontier.Points);
        }, iter: 60);

    /// <summary>The frontier equals the non-dominated utility pairs of the packages inside every rule and red line, and no point crosses one.</summary>
    private static void AssertBruteForceFrontier(Scenario s, IReadOnlyList<DealPoint> points)
    {
        var utilities = s.Principals.Select(p => p.Profile.Utility).ToArray();
        var values = new int[s.Space.IssueCount];
        var feasible = new List<(double A, double B)>();
        for (long o = 0; o < s.Space.Count; o++)
        {
            s.Space.Decode(new Outcome((ulong)o), values);
            if (!Crosses(s, values)) feasible.Add((utilities[0].Utility(values), utilities[1].Utility(values)));
        }
        // Distinct pairs up to rounding (sums taken in another order differ in the last bits).
        static bool Same((double A, double B) p, (double A, double B) q) => Math.Abs(p.A - q.A) < 1e-9 && Math.Abs(p.B - q.B) < 1e-9;
        var expected = new List<(double A, double B)>();
        foreach (var p in feasible.Where(p => !feasible.Any(q => q.A > p.A + 1e-9 && q.B >= p.B - 1e-9 || q.B > p.B + 1e-9 && q.A >= p.A - 1e-9)))
            if (!expected.Any(e => Same(e, p))) expected.Add(p);
        var found = points.Select(p => (A: p.Utilities[0], B: p.Utilities[1])).ToList();
        string Show(IEnumerable<(double A, double B)> list) => string.Join(" ", list.Select(p => $"({p.A:0.######}, {p.B:0.######})"));
        Assert.True(expected.Count == found.Count && expected.All(e => found.Any(f => Same(e, f))), $"expected {Show(expected)}; found {Show(found)}");
        foreach (var point in points)
        {
            Assert.False(Crosses(s, point.Values.AsSpan()));
            Assert.Equal(utilities[0].Utility(point.Values.AsSpan()), point.Utilities[0], 9);
            Assert.Equal(utilities[1].Utility(point.Values.AsSpan()), point.Utilities[1], 9);
        }
    }

    /// <summary>
    /// Spaces too large to enumerate take the issue-by-issue combination with the rules' slots as one block
    /// (<see cref="RuleBlockFrontier"/>); here forced on small spaces, where brute force can check it.
    /// </summary>
    [Fact]
    public void IssueByIssueFrontierUnderRules_IsTheBruteForceFrontier() =>
        Scenarios.Sample(x =>
        {
            var s = WithRandomRules(x.Spec, x.Seed);
            var principals = s.Principals.Select(p => (LinearAdditiveUtility)p.Profile.Utility).ToArray();
            var complete = FrontierFinder.IssueByIssueComplete(principals[0], principals[1], feasible: FeasibleValues.For(s, 0));
            Assert.NotNull(complete);
            AssertBruteForceFrontier(s, [.. Enumerable.Range(0, (int)complete!.Count).Select(k => complete.Point(k))]);
        }, iter: 100);

    /// <summary>Five per-phase issues of ten values over three phases (10^15 outcomes), a monotone and a sum rule.</summary>
    private const string Large = """
        name: big rules
        phases: {count: 3, days: 30}
        issues:
          - {name: I0, type: integer, min: 0, max: 9, phased: true}
          - {name: I1, type: integer, min: 0, max: 9, phased: true}
          - {name: I2, type: integer, min: 0, max: 9, phased: true}
          - {name: I3, type: integer, min: 0, max: 9, phased: true}
          - {name: I4, type: integer, min: 0, max: 9, phased: true}
        parties:
          - name: A
            reservedValue: 0.3
            utility:
              weights: {I0: 0.0999, I1: 0.2285, I2: 0.1553, I3: 0.2536, I4: 0.2627}
              issues:
                I0: {slope: 0.1, offset: 0}
                I1: {slope: -0.1, offset: 0.9}
                I2: {slope: 0.1, offset: 0}
                I3: {slope: -0.1, offset: 0.9}
                I4: {slope: 0.1, offset: 0}
          - name: B
            reservedValue: 0.3
            utility:
              weights: {I0: 0.0465, I1: 0.0093, I2: 0.5940, I3: 0.1840, I4: 0.1662}
              issues:
                I0: {slope: -0.1, offset: 0.9}
                I1: {slope: 0.1, offset: 0}
                I2: {slope: -0.1, offset: 0.9}
                I3: {slope: 0.1, offset: 0}
                I4: {slope: -0.1, offset: 0.9}
        rules:
          - {type: monotone, issue: I0, direction: up}
          - {type: sum, issue: I1, max: 12}
        """;

    [Fact]
    public void Analyze_OnASpaceTooLargeToEnumerate_WithRules_IsExactAndHonoursThem()
    {
        var s = YamlScenarioReader.Read("large.yaml", Large);
        Assert.False(s.Space.IsEnumerable);
        var analysis = ScenarioAnalyzer.Analyze(s);
        Assert.Equal(ScenarioAnalyzer.IssueByIssue, analysis.Method);
        Assert.True(analysis.Frontier.Exact);
        Assert.NotEmpty(analysis.Frontier.Points);
        foreach (var point in analysis.Frontier.Points.Append(analysis.Nash!))
        {
            var v = point.Values;
            Assert.False(Crosses(s, v.AsSpan()));
            Assert.True(v[0] <= v[1] && v[1] <= v[2]); // I0 never falls (slots I0@1..3 first)
            Assert.True(v[3] + v[4] + v[5] <= 12);      // I1 sums to at most 12
        }
    }
}
