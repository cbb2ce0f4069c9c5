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
        int capacity = 16;
        while (n > capacity * 3 / 4) capacity *= 2;
        var order = Enumerable.Range(0, n)
            .OrderBy(i => Bucket(StringHash(keysInInsertionOrder[i]), capacity))
            .ThenBy(i => i)
            .ToArray();
        var positions = new int[n];
        for (int p = 0; p < n; p++) positions[order[p]] = p;
        return positions;
    }

    private static int Bucket(int h, int capacity) => (h ^ (int)((uint)h >> 16)) & (capacity - 1);
}
