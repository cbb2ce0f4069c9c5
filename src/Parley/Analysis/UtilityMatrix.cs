using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Utilities of every outcome of an enumerable space for each party: one flat array per party, indexed by outcome index
/// (first issue varies fastest). Immutable once built; rows all have <see cref="OutcomeCount"/> entries.
/// </summary>
public sealed class UtilityMatrix
{
    private readonly double[][] _rows;

    private UtilityMatrix(double[][] rows) => _rows = rows;

    /// <summary>Number of parties (rows).</summary>
    public int PartyCount => _rows.Length;

    /// <summary>Number of outcomes (columns).</summary>
    public int OutcomeCount => _rows[0].Length;

    /// <summary>Utilities of every outcome for party <paramref name="party"/>, in outcome-index order.</summary>
    public ReadOnlySpan<double> Row(int party) => _rows[party];

    /// <summary>Utility of outcome <paramref name="outcome"/> for party <paramref name="party"/>.</summary>
    public double this[int party, int outcome] => _rows[party][outcome];

    /// <summary>The backing row (not copied); internal callers must not write to it.</summary>
    internal double[] RowArray(int party) => _rows[party];

    /// <summary>
    /// Evaluates every outcome of <paramref name="space"/> for each utility function (parties in parallel).
    /// Requires <see cref="OutcomeSpace.IsEnumerable"/>.
    /// </summary>
    public static UtilityMatrix Evaluate(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        if (utilities.Count == 0) throw new ArgumentException("A utility matrix needs at least one party.", nameof(utilities));
        if (!space.IsEnumerable) throw new ArgumentException("The outcome space is too large to enumerate.", nameof(space));
        int count = checked((int)space.Count);
        var rows = new double[utilities.Count][];
        Parallel.For(0, rows.Length, p =>
        {
            var row = GC.AllocateUninitializedArray<double>(count);
            utilities[p].EvaluateAll(row);
            rows[p] = row;
        });
        return new UtilityMatrix(rows);
    }

    /// <summary>A matrix over the given rows (taken as they are, not copied); every row must have the same, non-zero length.</summary>
    public static UtilityMatrix FromRows(params double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) throw new ArgumentException("A utility matrix needs at least one party.", nameof(rows));
        int n = rows[0].Length;
        if (n == 0) throw new ArgumentException("A utility matrix needs at least one outcome.", nameof(rows));
        foreach (var row in rows)
            if (row.Length != n) throw new ArgumentException($"Rows differ in length ({row.Length} vs {n}).", nameof(rows));
        return new UtilityMatrix(rows);
    }
}
