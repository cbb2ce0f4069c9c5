using System.Numerics;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Tests.Testing;

namespace Parley.Tests.Outcomes;

public class OutcomeVectorTests
{
    private static readonly OutcomeSpace TenToTheFifty = new(Enumerable.Range(0, 50).Select(i => new IntegerIssue($"i{i}", 0, 9)));

    [Fact]
    public void Encode_BeyondTwoToThe128_GivesValueVectorThatDecodesBack()
    {
        var values = Enumerable.Range(0, 50).Select(i => (i * 7) % 10).ToArray();
        var outcome = TenToTheFifty.Encode(values);
        Assert.False(outcome.IsIndex);
        Assert.Throws<InvalidOperationException>(() => outcome.Index);
        var back = new int[50];
        TenToTheFifty.Decode(outcome, back);
        Assert.Equal(values, back);
        Assert.True(TenToTheFifty.Contains(outcome));
    }

    [Fact]
    public void Encode_CopiesTheValues_LaterChangesDoNotLeakIn()
    {
        var values = new int[50];
        var outcome = TenToTheFifty.Encode(values);
        values[3] = 5;
        Assert.Equal(0, outcome.Values[3]);
    }

    [Fact]
    public void ValueVectors_EqualityHashAndOrder_FollowTheValues()
    {
        var a = new int[50];
        var b = new int[50];
        b[0] = 1;
        var c = new int[50];
        c[49] = 1;
        Outcome oa = TenToTheFifty.Encode(a), oa2 = TenToTheFifty.Encode(a), ob = TenToTheFifty.Encode(b), oc = TenToTheFifty.Encode(c);
        Assert.Equal(oa, oa2);
        Assert.True(oa == oa2);
        Assert.Equal(oa.GetHashCode(), oa2.GetHashCode());
        Assert.NotEqual(oa, ob);
        // Order is the order of the indices the vectors would have: the last issue is the most significant.
        Assert.True(oa < ob);
        Assert.True(ob < oc);
        Assert.Equal(0, oa.CompareTo(oa2));
        Assert.Equal("[1, 0, 0", ob.ToString()[..8]);
    }

    [Fact]
    public void IndexAndVector_AreNeverEqual()
    {
        var zero = new Outcome(0);
        Assert.NotEqual(zero, TenToTheFifty.Encode(new int[50]));
        Assert.False(TenToTheFifty.Contains(zero));
    }

    [Fact]
    public void Contains_RejectsVectorsOfWrongLengthOrOutOfRangeValues()
    {
        Assert.False(TenToTheFifty.Contains(Outcome.OfValues(new int[49])));
        var bad = new int[50];
        bad[17] = 10;
        Assert.False(TenToTheFifty.Contains(Outcome.OfValues(bad)));
        bad[17] = -1;
        Assert.False(TenToTheFifty.Contains(Outcome.OfValues(bad)));
        bad[17] = 9;
        Assert.True(TenToTheFifty.Contains(Outcome.OfValues(bad)));
    }

    [Fact]
    public void Contains_IndexableSpace_RefusesVectorsAndIndicesAtTheCardinality()
    {
        var space = new OutcomeSpace([new IntegerIssue("a", 0, 2), new IntegerIssue("b", 0, 3)]);
        Assert.True(space.Contains(new Outcome(11)));
        Assert.False(space.Contains(new Outcome(12)));
        Assert.False(space.Contains(Outcome.OfValues([0, 0])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Encode_ValueIndexEqualToTheRadix_IsRefusedForEveryIssue(int issue)
    {
        var space = new OutcomeSpace([new IntegerIssue("a", 0, 2), new IntegerIssue("b", 0, 3), new IntegerIssue("c", 0, 1)]);
        int[] radices = [3, 4, 2];
        var values = new int[3];
        values[issue] = radices[issue];
        // Off by one here would alias (a = 3, b = 0) onto (a = 0, b = 1).
        Assert.Throws<ArgumentOutOfRangeException>(() => space.Encode(values));
        values[issue] = radices[issue] - 1;
        var back = new int[3];
        space.Decode(space.Encode(values), back);
        Assert.Equal(values, back);
        values[issue] = -1;
        Assert.Throws<ArgumentOutOfRangeException>(() => space.Encode(values));
    }

    [Fact]
    public void Encode_HugeSpace_RefusesValueAtTheRadix()
    {
        var values = new int[50];
        values[49] = 10;
        Assert.Throws<ArgumentOutOfRangeException>(() => TenToTheFifty.Encode(values));
    }
}

public class HugeSpaceNegotiationTests
{
    [Fact]
    public void Constraint40Issues_BoulwareVsConceder_NegotiatesWithOutcomesInTheSpace()
    {
        var scenario = HugeScenarios.Constraint();
        Assert.Equal(BigInteger.Pow(10, 40), scenario.Space.Cardinality);
        Assert.False(scenario.Space.IsIndexable);
        var options = new SaoOptions { Rounds = 200, Seed = 3, PerTurnBudget = TimeSpan.FromSeconds(30) };
        var result = Negotiation.Run(scenario, [Negotiators.Boulware(), Negotiators.Conceder()], options);
        Assert.Null(result.Failure);
        Assert.True(result.Steps > 1);
        foreach (var entry in result.Transcript)
            if (entry.Outcome is { } o) Assert.True(scenario.Space.Contains(o));
        if (result.Agreement is { } deal)
        {
            var values = new int[40];
            scenario.Space.Decode(deal, values);
            Assert.Equal(values, result.AgreementValues.ToArray());
            Assert.Equal(scenario.Parties[0].Profile.Utility.Utility(values), result.UndiscountedUtilities[0]);
        }
        var again = Negotiation.Run(scenario, [Negotiators.Boulware(), Negotiators.Conceder()], options);
        Assert.Equal(result.Agreement, again.Agreement);
        Assert.Equal(result.Steps, again.Steps);
    }

    [Fact]
    public void Additive10To300_EveryClassicNegotiatorRuns_AndBoulwareConcederAgree()
    {
        var scenario = HugeScenarios.Additive();
        Assert.Equal(BigInteger.Pow(10, 300), scenario.Space.Cardinality);
        var index = UtilityIndex.For(scenario.Parties[0].Profile.Utility);
        Assert.Equal(UtilityIndexKind.AdditiveLadder, index.Kind);
        var options = new SaoOptions { Rounds = 300, Seed = 5, PerTurnBudget = TimeSpan.FromSeconds(30) };
        var result = Negotiation.Run(scenario, [Negotiators.Boulware(), Negotiators.Conceder()], options);
        Assert.Null(result.Failure);
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        Assert.True(result.UndiscountedUtilities.All(u => u >= 0.3), string.Join(", ", result.UndiscountedUtilities));
        foreach (var pair in new (Func<INegotiator>, Func<INegotiator>)[] { (Negotiators.HardHeaded, Negotiators.Random), (Negotiators.TitForTat, () => new MicroNegotiator()) })
        {
            var other = Negotiation.Run(scenario, [pair.Item1(), pair.Item2()], options);
            Assert.Null(other.Failure);
        }
    }
}

public class HugeSpaceIndexTests
{
    [Fact]
    public void SearchedPool_UtilityOfRankedAndOfEqualOutcomes_IsTheEvaluatedUtility()
    {
        var scenario = HugeScenarios.Constraint(issues: 40, rectangles: 60, seed: 9);
        var f = scenario.Parties[0].Profile.Utility;
        var index = UtilityIndex.For(f);
        Assert.Equal(UtilityIndexKind.SearchedPool, index.Kind);
        var values = new int[40];
        for (int r = 0; r < index.Count; r += Math.Max(1, index.Count / 50))
        {
            var ranked = index.OutcomeAt(r);
            scenario.Space.Decode(ranked, values);
            double evaluated = f.Utility(values);
            Assert.Equal(evaluated, index.UtilityAt(r));
            Assert.Equal(evaluated, index.Utility(ranked));
            Assert.Equal(evaluated, index.Utility(Outcome.OfValues(values)));
        }
        values[0] = (values[0] + 1) % 10;
        Assert.Equal(f.Utility(values), index.Utility(Outcome.OfValues(values)));
    }

    [Fact]
    public void AdditiveLadder_IndexableSpace_UtilityOfRankedOutcomesIsExact()
    {
        var scenario = HugeScenarios.Additive(issues: 25, values: 10, seed: 4);
        Assert.True(scenario.Space.IsIndexable);
        var f = scenario.Parties[1].Profile.Utility;
        var index = UtilityIndex.For(f);
        Assert.Equal(UtilityIndexKind.AdditiveLadder, index.Kind);
        for (int r = 0; r < index.Count; r += 97)
            Assert.Equal(f.Utility(index.OutcomeAt(r)), index.Utility(index.OutcomeAt(r)));
    }
}
