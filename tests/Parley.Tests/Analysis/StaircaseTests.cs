using CsCheck;
using Parley.Analysis;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

/// <summary>
/// The one bilateral staircase filter and its three users (issue 12 §8): fed in any order through the archive, merged from
/// shifted copies, or swept after a sort, the result is the brute-force frontier of what was offered.
/// </summary>
public sealed class StaircaseTests
{
    private static readonly Gen<double[][]> GridPairs =
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 12], Gen.Int).Select((n, levels, seed) => RandomSpaces.GridRows(2, n, levels, seed));

    [Fact]
    public void Archive_RandomOffersInAnyOrder_EqualsBruteForce()
    {
        GridPairs.Sample(rows =>
        {
            var archive = new ParetoArchive(2);
            for (int o = 0; o < rows[0].Length; o++) archive.Offer([rows[0][o], rows[1][o]], [o]);
            var (expected, _) = BruteForce.Frontier(rows);
            var snapshot = archive.Snapshot();

            Assert.Equal(expected, snapshot.Select(e => BruteForce.Key(e.Utilities)).ToHashSet());
            Assert.Equal(expected.Count, snapshot.Count);
            foreach (var (u, values) in snapshot)
            {
                // The outcome kept is the first offered with that vector (later equal ones are refused).
                int first = Enumerable.Range(0, rows[0].Length).First(o => rows[0][o] == u[0] && rows[1][o] == u[1]);
                Assert.Equal([first], values);
            }
        }, iter: 300);
    }

    [Fact]
    public void Archive_FullTwoPartyArchive_TakesOnlyCandidatesThatEvict()
    {
        var archive = new ParetoArchive(2, capacity: 2);
        Assert.True(archive.Offer([1.0, 0.0], [0]));
        Assert.True(archive.Offer([0.0, 1.0], [1]));
        Assert.False(archive.Offer([0.5, 0.5], [2]));
        Assert.True(archive.Offer([1.0, 0.2], [3]));
        Assert.Equal(2, archive.Count);
        Assert.Equal([3], archive.Snapshot()[0].Values);
    }

    [Fact]
    public void Merge_ShiftedStaircases_EqualsBruteForceOfAllSums()
    {
        // Many shifts (up to 40) exercise the heap; coarse grids make equal first utilities across copies common.
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 40], Gen.Int[1, 8], Gen.Int).Sample((n, c, levels, seed) =>
        {
            var s = RandomSpaces.GridRows(2, n, levels, seed);
            var shifts = RandomSpaces.GridRows(2, c, levels, seed + 1);
            var stairs = new Staircase();
            stairs.FilterUnordered(s[0], s[1], Enumerable.Range(0, n).ToArray());
            var steps = new Staircase();
            steps.FilterUnordered(shifts[0], shifts[1], Enumerable.Range(0, c).ToArray());
            var sa = stairs.U0.ToArray();
            var sb = stairs.U1.ToArray();
            var ca = steps.U0.ToArray();
            var cb = steps.U1.ToArray();

            var merged = new Staircase();
            new StaircaseMerge().Run(sa, sb, ca, cb, merged);

            // Oracle: every sum of a staircase point and a shift, filtered by brute force.
            var sums = new double[2][];
            sums[0] = sa.SelectMany(x => ca.Select(y => x + y)).ToArray();
            sums[1] = sb.SelectMany(x => cb.Select(y => x + y)).ToArray();
            var (expected, _) = BruteForce.Frontier(sums);
            Assert.Equal(expected.Count, merged.Count);
            Assert.Equal(expected, Enumerable.Range(0, merged.Count).Select(k => BruteForce.Key([merged.U0[k], merged.U1[k]])).ToHashSet());
            for (int k = 0; k < merged.Count; k++)
            {
                (long p, long j) = Math.DivRem(merged.Ids[k], ca.Length);
                Assert.Equal(merged.U0[k], sa[p] + ca[j]);
                Assert.Equal(merged.U1[k], sb[p] + cb[j]);
            }
        }, iter: 400);
    }

    [Fact]
    public void FilterUnordered_EveryVectorCounted_SmallestIdKept_EqualsBruteForce()
    {
        // Coarse grids make equal vectors (ties) and equal first utilities (groups) common; many levels make long staircases.
        Gen.Select(Gen.Int[1, 250], Gen.Int[1, 40], Gen.Int).Sample((n, levels, seed) =>
        {
            var rows = RandomSpaces.GridRows(2, n, levels, seed);
            var stairs = new Staircase();
            stairs.FilterUnordered(rows[0], rows[1], Enumerable.Range(0, n).ToArray());
            var (expected, _) = BruteForce.Frontier(rows);
            Assert.Equal(expected.Count, stairs.Count);
            for (int k = 0; k < stairs.Count; k++)
            {
                double u0 = stairs.U0[k], u1 = stairs.U1[k];
                Assert.Contains(BruteForce.Key([u0, u1]), expected);
                var same = Enumerable.Range(0, n).Where(o => rows[0][o] == u0 && rows[1][o] == u1).ToList();
                Assert.Equal(same.Min(), stairs.Ids[k]);
                Assert.Equal(same.Count, stairs.Ties[k]);
                if (k > 0) Assert.True(u0 < stairs.U0[k - 1] && u1 > stairs.U1[k - 1], $"point {k} does not step down and up");
            }
            Assert.Equal(stairs.U1[^1], stairs.Best);
        }, iter: 300);
    }

    [Fact]
    public void Offer_EqualFirstUtilities_GroupKeepsTheLargestSecondAndCountsOnlyItsEquals()
    {
        var stairs = new Staircase();
        Assert.Equal(double.NegativeInfinity, stairs.Best);
        stairs.Offer(0.9, 0.1, 7);
        stairs.Offer(0.9, 0.3, 9);  // better second utility: the group's point, ties restart at 1
        stairs.Offer(0.9, 0.3, 4);  // a tie with a smaller id
        stairs.Offer(0.9, 0.2, 1);  // worse: neither kept nor counted
        stairs.Offer(0.5, 0.3, 2);  // dominated by (0.9, 0.3): equal second utility is not better
        stairs.Offer(0.4, 0.8, 5);
        stairs.Offer(0.4, 0.8, 6);
        stairs.Finish();
        Assert.Equal([0.9, 0.4], stairs.U0.ToArray());
        Assert.Equal([0.3, 0.8], stairs.U1.ToArray());
        Assert.Equal([4L, 5L], stairs.Ids.ToArray());
        Assert.Equal([2L, 2L], stairs.Ties.ToArray());
        Assert.Equal(0.8, stairs.Best);
    }

    [Fact]
    public void Reset_AfterAFeed_EvenAnUnfinishedOne_StartsEmpty()
    {
        var stairs = new Staircase();
        for (int i = 0; i < 40; i++) stairs.Offer(1.0 - i / 100.0, 0.5 + i / 100.0, i); // 40 points: the buffers grow
        stairs.Finish();
        Assert.Equal(40, stairs.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), stairs.Ids.ToArray());

        stairs.Reset();
        Assert.Equal(0, stairs.Count);
        Assert.Equal(double.NegativeInfinity, stairs.Best);
        stairs.Offer(0.3, 0.2, 100); // second utilities below the last feed's are kept: nothing of it remains
        stairs.Offer(0.2, 0.4, 101);
        stairs.Reset();              // unfinished: its open group is dropped too
        stairs.Offer(0.6, 0.1, 200);
        stairs.Finish();
        Assert.Equal([0.6], stairs.U0.ToArray());
        Assert.Equal([0.1], stairs.U1.ToArray());
        Assert.Equal([200L], stairs.Ids.ToArray());
        Assert.Equal([1L], stairs.Ties.ToArray());
    }
}
