namespace Parley.Agents.Boa;

/// <summary>
/// Orders that GENIUS agents inherit from Java collections, needed where an original's behaviour depends on them:
/// <c>String.hashCode</c> and the iteration order of a <c>java.util.HashMap</c> filled by <c>put</c> in a given order.
/// </summary>
public static class JavaOrder
{
    /// <summary>Java's <c>String.hashCode()</c> (over UTF-16 code units).</summary>
    public static int StringHash(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        unchecked
        {
            int h = 0;
            foreach (char c in s) h = 31 * h + c;
            return h;
        }
    }

    /// <summary>
    /// The position of each key in the iteration order of a <c>java.util.HashMap&lt;String, …&gt;</c> into which the keys
    /// were put in the given order: buckets (h ^ h &gt;&gt;&gt; 16) &amp; (capacity − 1) ascending, insertion order within a bucket;
    /// the capacity starts at 16 and doubles while the size exceeds three quarters of it.
    /// </summary>
    public static int[] HashMapPositions(IReadOnlyList<string> keysInInsertionOrder)
    {
        ArgumentNullException.ThrowIfNull(keysInInsertionOrder);
        int n = keysInInsertionOrder.Count;
        int capacity = HashMapCapacity(n);
        var order = Enumerable.Range(0, n)
            .OrderBy(i => Bucket(StringHash(keysInInsertionOrder[i]), capacity))
            .ThenBy(i => i)
            .ToArray();
        var positions = new int[n];
        for (int p = 0; p < n; p++) positions[order[p]] = p;
        return positions;
    }

    /// <summary>The table size of a default Java HashMap after <paramref name="count"/> insertions (16, doubled past a load of 3/4).</summary>
    internal static int HashMapCapacity(int count)
    {
        int capacity = 16;
        while (count > capacity * 3 / 4) capacity *= 2;
        return capacity;
    }

    /// <summary>A Java HashMap's bucket of hash <paramref name="h"/> (spread by its high half) in a table of <paramref name="capacity"/>.</summary>
    internal static int Bucket(int h, int capacity) => (h ^ (int)((uint)h >> 16)) & (capacity - 1);
}
