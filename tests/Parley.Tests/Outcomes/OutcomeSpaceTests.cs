using System.Numerics;
using CsCheck;
using Parley.Outcomes;

namespace Parley.Tests.Outcomes;

public class OutcomeSpaceTests
{
    private static readonly Gen<int[]> Radices = Gen.Int[1, 12].Array[1, 7];

    [Fact]
    public void EncodeDecode_RandomSpaces_RoundTrip() =>
        Radices.SelectMany(r => Gen.Int[0, int.MaxValue].Array[r.Length].Select(raw => (r, raw))).Sample(t =>
        {
            var (radices, raw) = t;
            var space = new OutcomeSpace(radices.Select((n, i) => new IntegerIssue($"i{i}", 0, n - 1)));
            var values = raw.Select((x, i) => x % radices[i]).ToArray();
            var outcome = space.Encode(values);
            var decoded = new int[values.Length];
            space.Decode(outcome, decoded);
            Assert.Equal(values, decoded);
            Assert.True(space.Contains(outcome));
        });

    [Fact]
    public void Encode_FirstIssueVariesFastest_AsInGenius()
    {
        var space = new OutcomeSpace([new IntegerIssue("a", 0, 2), new IntegerIssue("b", 0, 3)]);
        Assert.Equal(new Outcome(1), space.Encode([1, 0]));
        Assert.Equal(new Outcome(3), space.Encode([0, 1]));
        Assert.Equal(new Outcome(11), space.Encode([2, 3]));
        Assert.Equal(12, space.Count);
    }

    [Fact]
    public void Cardinality_FiftyIssuesOfTenValues_IsExactTenToTheFifty()
    {
        var space = new OutcomeSpace(Enumerable.Range(0, 50).Select(i => new IntegerIssue($"i{i}", 0, 9)));
        Assert.Equal(BigInteger.Pow(10, 50), space.Cardinality);
        Assert.False(space.IsIndexable);
        Assert.False(space.IsEnumerable);
    }

    [Fact]
    public void Decode_TenToTheThirtySpace_UsesFull128BitIndex()
    {
        var space = new OutcomeSpace(Enumerable.Range(0, 30).Select(i => new IntegerIssue($"i{i}", 0, 9)));
        var values = Enumerable.Range(0, 30).Select(i => 9 - i % 10).ToArray();
        var outcome = space.Encode(values);
        var back = new int[30];
        space.Decode(outcome, back);
        Assert.Equal(values, back);
        Assert.True(outcome.Index > ulong.MaxValue);
    }

    [Fact]
    public void RealIssue_WithoutDiscretisation_IsContinuousAndNotEnumerable()
    {
        var space = new OutcomeSpace([new RealIssue("x", 0, 1), new IntegerIssue("n", 1, 3)]);
        Assert.Null(space.Cardinality);
        Assert.False(space.IsIndexable);
        var grid = new RealIssue("x", 0, 1, steps: 5);
        Assert.Equal(5, grid.ValueCount);
        Assert.Equal(0.25, grid.ValueAt(1));
        Assert.Equal(1.0, grid.ValueAt(4));
        Assert.Equal(2, grid.IndexOf("0.5"));
    }

    [Fact]
    public void OutcomeSpace_DuplicateIssueNames_Throws() =>
        Assert.Throws<ArgumentException>(() => new OutcomeSpace([new IntegerIssue("a", 0, 1), new IntegerIssue("a", 0, 1)]));
}
