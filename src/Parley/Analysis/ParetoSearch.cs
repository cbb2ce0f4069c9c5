using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Approximate frontier of a space too large to enumerate (any utility kind, every issue enumerable): coordinate ascent
/// on weighted sums of the utilities (each issue in turn: try every value, keep the best) from random and
/// hyper-rectangle-derived starts, with every evaluated outcome offered to a non-dominated archive. Deterministic for a
/// seed: each start draws from its own <see cref="Random"/> seeded from the seed and the start number, and archives are
/// merged in start order. Iteration counts are fixed (scaled by the effort), never time-based.
/// </summary>
internal static class ParetoSearch
{
    /// <summary>Starts at effort 1.</summary>
    internal const int BaseStarts = 2400;

    /// <summary>Largest number of full passes over the issues per start.</summary>
    internal const int MaxPasses = 12;

    /// <summary>
    /// The search; with a <paramref name="budget"/>, starts after its deadline are skipped and a running start stops at
    /// its next issue (so the result then depends on the machine's speed as well as the seed).
    /// </summary>
    public static List<(double[] Utilities, int[] Values)> Run(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, int seed, double effort, FrontierBudget? budget = null)
    {
        if (!space.Issues.All(i => i.IsEnumerable))
            throw new NotSupportedException("The search needs every issue to be enumerable (discretise real issues).");
        int d = utilities.Count;
        // More parties: fewer starts and bounded archives (almost everything is non-dominated in many dimensions).
        double partyScale = Math.Min(1.0, 2.0 / d);
        int starts = Math.Max(1, (int)Math.Round(BaseStarts * Math.Max(0, effort) * partyScale));
        int startCapacity = d == 2 ? BilateralStartCapacity : StartCapacity;
        int capacity = d == 2 ? BilateralCapacity : Capacity;
        var archives = new ParetoArchive[starts];
        var sweepers = utilities.Select(ValueSweeper.For).ToArray(); // stateless, shared by all starts
        // At most one start per core at a time: each holds sweep tables as wide as the widest issue.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        // The first start always runs (cut short at once when the budget is spent), so the result is never empty.
        Parallel.For(0, starts, parallel, s => archives[s] = s > 0 && budget?.Passed == true
            ? new ParetoArchive(d, startCapacity)
            : Climb(space, utilities, sweepers, new Random(StartSeed(seed, s)), s, starts, startCapacity, budget));
        var merged = new ParetoArchive(d, capacity);
        foreach (var archive in archives)
            foreach (var (u, v) in archive.Snapshot()) merged.Offer(u, v);

        // Re-evaluate exactly (some sweeps reorder sums) and filter once more.
        var exact = new ParetoArchive(d);
        var vector = new double[d];
        foreach (var (_, values) in merged.Snapshot())
        {
            for (int p = 0; p < d; p++) vector[p] = utilities[p].Utility(values);
            exact.Offer(vector, values);
        }
        return exact.Snapshot();
    }

    /// <summary>Archive bound per start for two parties (ANAC 2014 frontiers hold tens of points; this guards odd spaces).</summary>
    internal const int BilateralStartCapacity = 1024;

    /// <summary>Bound on the merged archive for two parties.</summary>
    internal const int BilateralCapacity = 20_000;

    /// <summary>Archive bound per start for three or more parties.</summary>
    internal const int StartCapacity = 64;

    /// <summary>Bound on the merged archive for three or more parties.</summary>
    internal const int Capacity = 2000;

    /// <summary>A fixed mix of the seed and the start number (no process-randomised hashing).</summary>
    private static int StartSeed(int seed, int start) => unchecked(seed * 1_000_003 + start * 7_919 + 17);

    private static ParetoArchive Climb(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, ValueSweeper[] sweepers, Random rng, int start, int starts, int capacity,
        FrontierBudget? budget)
    {
        int d = utilities.Count;
        var radices = space.Radices.ToArray();
        var weights = Weights(d, rng, start, starts);
        var values = start % 2 == 0 ? RandomOutcome(radices, rng) : RectangleOutcome(utilities, radices, rng, weights);
        var archive = new ParetoArchive(d, capacity);
        new CoordinateAscent(space, sweepers).Climb(values, weights, rng, MaxPasses, (u, v) => archive.Offer(u, v), budget: budget);
        return archive;
    }

    /// <summary>Two parties: weights spread evenly over the starts; more: random on the simplex.</summary>
    private static double[] Weights(int d, Random rng, int start, int starts)
    {
        var w = new double[d];
        if (d == 2)
        {
            w[0] = (start + 0.5) / starts;
            w[1] = 1 - w[0];
            return w;
        }
        double sum = 0;
        for (int p = 0; p < d; p++) sum += w[p] = -Math.Log(1 - rng.NextDouble());
        for (int p = 0; p < d; p++) w[p] /= sum;
        return w;
    }

    private static int[] RandomOutcome(int[] radices, Random rng)
    {
        var values = new int[radices.Length];
        for (int i = 0; i < values.Length; i++) values[i] = rng.Next(radices[i]);
        return values;
    }

    /// <summary>A random outcome inside a random positive rectangle of a party drawn by weight (random if there is none).</summary>
    private static int[] RectangleOutcome(IReadOnlyList<UtilityFunction> utilities, int[] radices, Random rng, double[] weights)
    {
        var values = RandomOutcome(radices, rng);
        double pick = rng.NextDouble();
        int party = 0;
        for (double acc = weights[0]; party < weights.Length - 1 && pick > acc; acc += weights[++party]) { }
        if (utilities[party] is not HyperRectangleUtility h) return values;
        var positive = h.Rectangles.Where(r => r.Utility > 0).ToArray();
        if (positive.Length == 0) return values;
        var rect = positive[rng.Next(positive.Length)];
        foreach (var b in rect.Bounds)
        {
            int lo = Math.Max(0, b.MinIndex), hi = Math.Min(radices[b.Issue] - 1, b.MaxIndex);
            if (lo <= hi) values[b.Issue] = rng.Next(lo, hi + 1);
        }
        return values;
    }
}
