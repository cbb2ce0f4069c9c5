using System.Collections.Immutable;
using CsCheck;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Tests.Analysis;

namespace Parley.Tests.Reports;

/// <summary>
/// The exact search a report uses on spaces too large to enumerate (<see cref="ZoneSearch"/>) against enumeration, on
/// small random scenarios with red lines, rules over combinations, withdrawn values, discounting, weights past 1 (the
/// cap), mediators and a ratifier.
/// </summary>
public class ZoneSearchTests
{
    private static Scenario Decorate(Scenario scenario, int seed)
    {
        var rng = new Random(seed);
        var space = scenario.Space;
        int n = space.IssueCount;
        SlotRule RandomRule()
        {
            int a = rng.Next(n), b = rng.Next(n);
            switch (rng.Next(3))
            {
                case 0:
                    var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(rng.Next(1, n + 1)).ToImmutableArray();
                    return new MonotoneRule(order, rng.Next(2) == 0);
                case 1:
                    var terms = Enumerable.Range(0, n).Where(_ => rng.Next(2) == 0).Select(i => (i, Enumerable.Range(0, space.Issues[i].ValueCount).Select(v => (double)v).ToImmutableArray())).ToImmutableArray();
                    return new SumRule(terms, rng.Next(3) == 0 ? 1 : null, rng.Next(0, 2 * n + 1));
                default:
                    return new ExclusionRule(a, [rng.Next(space.Issues[a].ValueCount)], b, [rng.Next(space.Issues[b].ValueCount)]);
            }
        }
        var parties = scenario.Parties.Select((p, k) =>
        {
            var lines = new List<RedLine>();
            if (rng.Next(2) == 0)
            {
                int issue = rng.Next(n);
                lines.Add(RedLine.OnValue(issue, rng.Next(space.Issues[issue].ValueCount)));
            }
            var rules = rng.Next(2) == 0 ? ImmutableArray<SlotRule>.Empty : [RandomRule()];
            double discount = rng.Next(3) == 0 ? 0.5 + rng.Next(0, 5) / 10.0 : 1.0;
            return p with { Profile = p.Profile with { RedLines = new RedLines(lines) { Rules = rules }, DiscountFactor = discount } };
        }).ToList();
        // A mediator (additive, its own scores) and a ratifier for the first principal.
        var mu = new LinearAdditiveUtility(space, Enumerable.Range(0, n).Select(_ => rng.Next(0, 4) / (4.0 * n)), space.Issues.Select(i => (IssueEvaluator)new DiscreteEvaluator(Enumerable.Range(0, i.ValueCount).Select(_ => (double)rng.Next(0, 4)).ToArray())));
        parties.Add(new Party("mediator", PartyRole.Mediator, new Profile(mu, ReservedValueCurve.Constant(0.2))) { Stake = 0.3 });
        var ru = new LinearAdditiveUtility(space, Enumerable.Range(0, n).Select(_ => rng.Next(0, 4) / (4.0 * n)), space.Issues.Select(i => (IssueEvaluator)new DiscreteEvaluator(Enumerable.Range(0, i.ValueCount).Select(_ => (double)rng.Next(0, 4)).ToArray())));
        var ratifierLines = rng.Next(2) == 0 ? RedLines.None : new RedLines([]) { Rules = [RandomRule()] };
        parties[0] = parties[0] with { Ratifier = new Ratifier("board", new Profile(ru, ReservedValueCurve.Constant(rng.Next(0, 4) / 8.0)) { RedLines = ratifierLines }) };
        var events = new List<ScenarioEvent> { new ReservedValueChange(0.5, "drop", 0, -0.125) };
        if (space.Issues[0].ValueCount > 1 && rng.Next(2) == 0) events.Add(new IssueValueWithdrawn(0.7, "gone", 0, 0));
        return scenario with { Parties = [.. parties], Timeline = new Timeline(events) };
    }

    private static double Product(ReportPackage p, IReadOnlyList<int> principals, double[] reserved) =>
        principals.Select((q, k) => Math.Max(p.Utilities[q] - reserved[k], 0)).Aggregate(1.0, (a, b) => a * b);

    [Fact]
    public void Search_RandomScenarios_EqualsEnumeration()
    {
        Gen.Select(RandomSpaces.AdditiveScenario(2, 3), Gen.Int, Gen.Double[0, 1]).Sample((scenario, seed, t) =>
        {
            var s = Decorate(scenario, seed);
            var enumerated = new ZoneCalculator(s);
            var searched = new ZoneCalculator(s, search: true);
            Assert.NotNull(searched.Search);
            var reserved = enumerated.Reserved(t);
            var a = enumerated.Zone(t);
            var b = searched.Zone(t);
            Assert.Equal(a.Size, b.Size);
            Assert.Equal(a.Gap, b.Gap, 9);
            Assert.Equal(a.Closest is null, b.Closest is null);
            Assert.Equal(a.Nash is null, b.Nash is null);
            var principals = enumerated.Principals;
            if (a.Nash is not null)
            {
                Assert.Equal(Product(a.Nash, principals, reserved), Product(b.Nash!, principals, reserved), 9);
                Assert.Equal(principals.Sum(q => a.MaxWelfare!.Utilities[q]), principals.Sum(q => b.MaxWelfare!.Utilities[q]), 9);
                Assert.Equal(a.MediatorFavourites.Single().Utility, b.MediatorFavourites.Single().Utility, 9);
                // What the search returns is in the zone: feasible (red lines, rules, availability) and acceptable to all.
                foreach (var package in new[] { b.Nash!, b.MaxWelfare!, b.MediatorFavourites[0].Package })
                    for (int k = 0; k < principals.Length; k++)
                    {
                        Assert.True(s.Timeline.IsAvailable(package.Values.AsSpan(), t));
                        Assert.True(s.Parties[principals[k]].Profile.Accepts(package.Values.AsSpan(), t, reserved[k] - ZoneCalculator.TieTolerance));
                    }
            }
            for (int i = 0; i < s.Space.IssueCount; i++)
            {
                var ra = enumerated.Zone(t, i, solutions: false);
                var rb = searched.Zone(t, i, solutions: false);
                Assert.Equal(ra.Size, rb.Size);
                Assert.Equal(ra.Gap, rb.Gap, 9);
            }
            var fa = enumerated.Falls(t);
            var fb = searched.Falls(t);
            for (int k = 0; k < fa.Length; k++)
            {
                Assert.Equal(fa[k].Fall is null, fb[k].Fall is null);
                if (fa[k].Fall is { } x) Assert.Equal(x, fb[k].Fall!.Value, 9);
            }
            var ratA = Ratification.Of(s, t, enumerated)!;
            var ratB = Ratification.Of(s, t, searched)!;
            Assert.Equal(ratA.WinSets.Single().Size, ratB.WinSets.Single().Size);
            Assert.Equal(ratA.RatifiedZoneSize, ratB.RatifiedZoneSize);
            Assert.Equal(ratA.RejectedByRatifiers, ratB.RejectedByRatifiers);
            Assert.Equal(ratA.Blocking.Single().Rejects, ratB.Blocking.Single().Rejects);
            Assert.Equal(ratA.RatifiedNash is null, ratB.RatifiedNash is null);
            if (ratA.RatifiedNash is { } rn) Assert.Equal(Product(rn, principals, reserved), Product(ratB.RatifiedNash!, principals, reserved), 9);
            var la = WhatItWouldTake.Of(s, t);
            var lb = WhatItWouldTake.Of(s, t, search: true);
            Assert.Equal(la.Length, lb.Length);
            for (int k = 0; k < la.Length; k++)
            {
                Assert.Equal(la[k].Utility is double.NaN, lb[k].Utility is double.NaN);
                if (la[k].WorstAcceptable is not null) Assert.Equal(la[k].Utility, lb[k].Utility, 9);
            }
        }, iter: 300);
    }

    [Fact]
    public void Count_SpaceBeyondEnumeration_IsExact()
    {
        // 30 issues of 4 values (4^30 ≈ 1.15e18 outcomes): one party scores value v of every issue v/3 at weight 1/30;
        // its zone is every package whose value indices sum to at least the threshold, counted here by a
        // polynomial-coefficient recurrence independent of the search.
        const int n = 30;
        var space = new OutcomeSpace(Enumerable.Range(0, n).Select(i => new DiscreteIssue($"i{i}", ["0", "1", "2", "3"])));
        var utility = new LinearAdditiveUtility(space, Enumerable.Repeat(1.0 / n, n), Enumerable.Range(0, n).Select(_ => (IssueEvaluator)new DiscreteEvaluator([0, 1, 2, 3])));
        var other = new LinearAdditiveUtility(space, Enumerable.Repeat(1.0 / n, n), Enumerable.Range(0, n).Select(_ => (IssueEvaluator)new DiscreteEvaluator([3, 2, 1, 0])));
        var s = new Scenario("big", space, [
            new Party("a", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(0.5))),
            new Party("b", PartyRole.Principal, new Profile(other, ReservedValueCurve.Constant(0.4))),
        ]);
        // a: Σv/(3n) ≥ 0.5 ⇔ Σv ≥ 45; b: Σ(3−v)/(3n) ≥ 0.4 ⇔ Σv ≤ 54.
        var ways = new System.Numerics.BigInteger[3 * n + 1];
        ways[0] = 1;
        for (int i = 0; i < n; i++)
        {
            var next = new System.Numerics.BigInteger[ways.Length];
            for (int sum = 0; sum < ways.Length; sum++)
                for (int v = 0; v < 4 && sum + v < ways.Length; v++) next[sum + v] += ways[sum];
            ways = next;
        }
        var expected = Enumerable.Range(45, 10).Aggregate(System.Numerics.BigInteger.Zero, (acc, sum) => acc + ways[sum]);
        var zone = new ZoneCalculator(s).Zone(0);
        Assert.Equal(expected, zone.Size);
        Assert.NotNull(zone.Nash);
    }
}
