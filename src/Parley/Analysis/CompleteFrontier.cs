namespace Parley.Analysis;

/// <summary>
/// A complete Pareto frontier, possibly far too large to list: its distinct utility vectors in frontier order (the first
/// party's utility descending), addressed by position 0..<see cref="Count"/>−1. Utilities and an outcome reaching them
/// are produced on demand, so a frontier of hundreds of millions of points costs only what its representation holds.
/// Positions inside a <see cref="Segments"/> range lie on one straight piece of the frontier (an integer issue whose
/// value moves by one per position); the bargaining solutions search such ranges instead of scanning them.
/// </summary>
internal abstract class CompleteFrontier
{
    /// <summary>Number of parties (length of every utility vector).</summary>
    public abstract int Parties { get; }

    /// <summary>Number of distinct frontier vectors.</summary>
    public abstract long Count { get; }

    /// <summary>Writes the utilities of the point at <paramref name="position"/> into <paramref name="destination"/>.</summary>
    public abstract void Utilities(long position, Span<double> destination);

    /// <summary>One value index per issue of an outcome reaching the point at <paramref name="position"/>; a fresh array the caller owns.</summary>
    public abstract int[] Values(long position);

    /// <summary>The outcomes of several points at once (a representation may walk them together); fresh arrays the caller owns.</summary>
    public virtual int[][] ValuesOf(IReadOnlyList<long> positions) => positions.Select(Values).ToArray();

    /// <summary>
    /// Disjoint, ascending ranges of positions along which the frontier is straight: in real arithmetic every utility is
    /// an affine function of the position (the first non-increasing, the others non-decreasing). Empty by default.
    /// </summary>
    public virtual IReadOnlyList<PositionRange> Segments => [];

    /// <summary>The point at <paramref name="position"/>, materialised.</summary>
    public DealPoint Point(long position)
    {
        var utilities = new double[Parties];
        Utilities(position, utilities);
        return new DealPoint([.. utilities], [.. Values(position)]);
    }
}

/// <summary>An inclusive range of frontier positions.</summary>
internal readonly record struct PositionRange(long From, long To)
{
    public long Length => To - From + 1;
}

/// <summary>A frontier given as its listed points (search results, small frontiers, test inputs).</summary>
internal sealed class ListedFrontier(IReadOnlyList<DealPoint> points, int parties) : CompleteFrontier
{
    public override int Parties => parties;
    public override long Count => points.Count;

    public override void Utilities(long position, Span<double> destination) =>
        points[checked((int)position)].Utilities.AsSpan().CopyTo(destination);

    public override int[] Values(long position) => points[checked((int)position)].Values.ToArray();
}
