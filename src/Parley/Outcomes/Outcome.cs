using System.Runtime.InteropServices;

namespace Parley.Outcomes;

/// <summary>
/// An outcome (a complete deal: one value per issue). In a space of at most 2^128 outcomes it is its mixed-radix index
/// (<see cref="Index"/>; the first issue varies fastest, as in GENIUS), a plain value that never allocates. In a larger
/// space (ANAC 2014's 10^40 domains, additive spaces of 10^300 outcomes) it is a value vector: one value index per issue
/// (<see cref="Values"/>), immutable once made. An <see cref="OutcomeSpace"/> makes outcomes of one form only
/// (<see cref="OutcomeSpace.Encode"/>); decode either form with <see cref="OutcomeSpace.Decode(Outcome, Span{int})"/>.
/// Equality and ordering are by index, or for value vectors by value indices from the last (most significant) issue
/// down, which is the order of the indices they would have.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct Outcome : IEquatable<Outcome>, IComparable<Outcome>
{
    private readonly ulong _low;
    private readonly ulong _high;
    private readonly int[]? _values;

    /// <summary>The outcome with mixed-radix index <paramref name="index"/>.</summary>
    public Outcome(UInt128 index)
    {
        _low = (ulong)index;
        _high = (ulong)(index >> 64);
        _values = null;
    }

    private Outcome(int[] values)
    {
        _low = 0;
        _high = 0;
        _values = values;
    }

    /// <summary>
    /// An outcome given by its value vector (one value index per issue), copied. Use it only for spaces that are not
    /// indexable; <see cref="OutcomeSpace.Encode"/> picks the right form for a space.
    /// </summary>
    public static Outcome OfValues(ReadOnlySpan<int> values) => new(values.ToArray());

    /// <summary>True when this outcome is a mixed-radix index; false when it is a value vector.</summary>
    public bool IsIndex => _values is null;

    /// <summary>The mixed-radix index. Throws for a value-vector outcome (a space of more than 2^128 outcomes).</summary>
    public UInt128 Index => _values is null
        ? new UInt128(_high, _low)
        : throw new InvalidOperationException("This outcome belongs to a space of more than 2^128 outcomes and has no index; decode it with its OutcomeSpace.");

    /// <summary>The low 64 bits of the index (the whole index in any space of at most 2^64 outcomes). 0 for a value vector.</summary>
    internal ulong LowIndex => _low;

    /// <summary>The value vector's array (null for an index): identifies outcomes handed out from one store.</summary>
    internal object? VectorReference => _values;

    /// <summary>The value vector. Throws for an index outcome.</summary>
    public ReadOnlySpan<int> Values => _values ?? throw new InvalidOperationException("This outcome is an index; decode it with its OutcomeSpace.");

    public static implicit operator Outcome(long index) => new((UInt128)index);

    public bool Equals(Outcome other)
    {
        if (_values is null) return other._values is null && _low == other._low && _high == other._high;
        return other._values is not null && _values.AsSpan().SequenceEqual(other._values);
    }

    public override bool Equals(object? obj) => obj is Outcome other && Equals(other);

    public override int GetHashCode()
    {
        if (_values is null) return HashCode.Combine(_low, _high);
        var hash = new HashCode();
        foreach (int v in _values) hash.Add(v);
        return hash.ToHashCode();
    }

    public int CompareTo(Outcome other)
    {
        if (_values is null)
            return other._values is null ? new UInt128(_high, _low).CompareTo(new UInt128(other._high, other._low)) : -1;
        if (other._values is null) return 1;
        if (_values.Length != other._values.Length) return _values.Length.CompareTo(other._values.Length);
        for (int i = _values.Length - 1; i >= 0; i--)
        {
            int c = _values[i].CompareTo(other._values[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    public static bool operator ==(Outcome left, Outcome right) => left.Equals(right);
    public static bool operator !=(Outcome left, Outcome right) => !left.Equals(right);
    public static bool operator <(Outcome left, Outcome right) => left.CompareTo(right) < 0;
    public static bool operator >(Outcome left, Outcome right) => left.CompareTo(right) > 0;
    public static bool operator <=(Outcome left, Outcome right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Outcome left, Outcome right) => left.CompareTo(right) >= 0;

    /// <summary>The index in decimal, or the value vector as [v0, v1, …].</summary>
    public override string ToString() => _values is null ? Index.ToString() : "[" + string.Join(", ", _values) + "]";
}
