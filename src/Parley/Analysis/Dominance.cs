namespace Parley.Analysis;

/// <summary>Pareto dominance between utility vectors.</summary>
public static class Dominance
{
    /// <summary>
    /// True when <paramref name="q"/> dominates <paramref name="p"/>: q_i ≥ p_i for every party and q_j &gt; p_j for some.
    /// Both vectors must have the same length.
    /// </summary>
    public static bool Dominates(ReadOnlySpan<double> q, ReadOnlySpan<double> p)
    {
        bool strict = false;
        for (int i = 0; i < p.Length; i++)
        {
            if (q[i] < p[i]) return false;
            if (q[i] > p[i]) strict = true;
        }
        return strict;
    }

    /// <summary>True when <paramref name="q"/> dominates or equals <paramref name="p"/> (q_i ≥ p_i for every party).</summary>
    public static bool WeaklyDominates(ReadOnlySpan<double> q, ReadOnlySpan<double> p)
    {
        for (int i = 0; i < p.Length; i++)
            if (q[i] < p[i]) return false;
        return true;
    }

    /// <summary>Lexicographic order, descending: the vector with the larger first differing utility comes first.</summary>
    internal static int CompareLexDescending(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            int c = b[i].CompareTo(a[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
