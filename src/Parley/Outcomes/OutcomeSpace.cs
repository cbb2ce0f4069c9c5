using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Outcomes;

/// <summary>
/// The set of all outcomes: the Cartesian product of the issues' values. The cardinality is exact at any size. In a
/// space of at most 2^128 outcomes (<see cref="IsIndexable"/>) outcomes are mixed-radix indices with one radix per
/// issue, the first issue least significant (it varies fastest); in a larger finite space (<see cref="IsDiscrete"/>
/// but not indexable) they are value vectors. <see cref="Encode"/>, <see cref="Decode(Outcome, Span{int})"/> and
/// <see cref="Contains"/> work for both.
/// </summary>
public sealed class OutcomeSpace
{
    /// <summary>Spaces up to this many outcomes are enumerated into flat utility arrays.</summary>
    public const long EnumerationLimit = 200_000_000;

    /// <summary>Value vectors of at most this many issues are decoded on the stack; longer ones on the heap.</summary>
    public const int StackallocLimit = 512;

    private readonly int[] _radices;
    private readonly UInt128[] _strides;
    // The strides as 64-bit numbers when every index fits in 64 bits (then encoding needs no 128-bit arithmetic); else empty.
    private readonly ulong[] _smallStrides;
    private readonly UInt128 _indexLimit;

    public OutcomeSpace(IEnumerable<Issue> issues)
    {
        Issues = issues.ToImmutableArray();
        if (Issues.IsEmpty) throw new ArgumentException("An outcome space needs at least one issue.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in Issues)
            if (!names.Add(issue.Name)) throw new ArgumentException($"Issue '{issue.Name}' appears twice.");

        BigInteger count = BigInteger.One;
        bool continuous = false;
        foreach (var issue in Issues)
        {
            if (issue.Cardinality is { } c) count *= c;
            else continuous = true;
        }
        Cardinality = continuous ? null : count;
        IsDiscrete = !continuous && Issues.All(i => i.IsEnumerable);
        IsIndexable = IsDiscrete && count <= (BigInteger)UInt128.MaxValue;
        IsEnumerable = IsIndexable && count <= EnumerationLimit;
        _indexLimit = IsIndexable ? (UInt128)count : 0;
        _radices = IsDiscrete ? Issues.Select(i => i.ValueCount).ToArray() : [];
        _strides = new UInt128[IsIndexable ? _radices.Length : 0];
        UInt128 stride = 1;
        for (int i = 0; i < _strides.Length; i++)
        {
            _strides[i] = stride;
            if (i < _strides.Length - 1) stride *= (UInt128)_radices[i];
        }
        _smallStrides = IsIndexable && _indexLimit <= ulong.MaxValue ? Array.ConvertAll(_strides, x => (ulong)x) : [];
    }

    public ImmutableArray<Issue> Issues { get; }
    public int IssueCount => Issues.Length;

    /// <summary>Exact number of outcomes; null when an issue is continuous.</summary>
    public BigInteger? Cardinality { get; }

    /// <summary>True when the space is finite with every issue enumerable: outcomes can be encoded, whatever the size.</summary>
    public bool IsDiscrete { get; }

    /// <summary>True when every outcome is an <see cref="Outcome"/> index (finite and at most 2^128 outcomes).</summary>
    public bool IsIndexable { get; }

    /// <summary>True when the space is small enough (≤ <see cref="EnumerationLimit"/>) to hold utilities of all outcomes in flat arrays.</summary>
    public bool IsEnumerable { get; }

    /// <summary>Number of outcomes as a long; only for enumerable spaces.</summary>
    public long Count => IsEnumerable ? (long)Cardinality!.Value : throw new InvalidOperationException("The outcome space is too large to enumerate.");

    /// <summary>Value count of each issue (the radices), in issue order; empty when an issue is not enumerable.</summary>
    public ReadOnlySpan<int> Radices => _radices;

    public int IndexOfIssue(string name)
    {
        for (int i = 0; i < Issues.Length; i++) if (Issues[i].Name == name) return i;
        return -1;
    }

    /// <summary>Writes the value index of every issue of <paramref name="outcome"/> into <paramref name="values"/>. No allocation.</summary>
    public void Decode(Outcome outcome, Span<int> values)
    {
        RequireDiscrete();
        if (values.Length < _radices.Length) throw new ArgumentException($"Expected room for {_radices.Length} values, got {values.Length}.", nameof(values));
        if (!outcome.IsIndex)
        {
            var vector = outcome.Values;
            if (vector.Length != _radices.Length)
                throw new ArgumentException($"The outcome has {vector.Length} values; the space has {_radices.Length} issues.", nameof(outcome));
            vector.CopyTo(values);
            return;
        }
        if (!IsIndexable) throw new ArgumentException("An index outcome cannot belong to a space of more than 2^128 outcomes.", nameof(outcome));
        UInt128 rest = outcome.Index;
        if (rest <= ulong.MaxValue)
        {
            ulong r = (ulong)rest;
            for (int i = 0; i < _radices.Length; i++)
            {
                ulong radix = (ulong)_radices[i];
                (r, ulong v) = Math.DivRem(r, radix);
                values[i] = (int)v;
            }
            return;
        }
        for (int i = 0; i < _radices.Length; i++)
        {
            var radix = (UInt128)_radices[i];
            values[i] = (int)(rest % radix);
            rest /= radix;
        }
    }

    /// <summary>
    /// The outcome with the given value index per issue: its index when the space is indexable (no allocation), else a
    /// value vector (a copy of <paramref name="values"/>).
    /// </summary>
    public Outcome Encode(ReadOnlySpan<int> values)
    {
        RequireDiscrete();
        if (values.Length != _radices.Length) throw new ArgumentException($"Expected {_radices.Length} values, got {values.Length}.", nameof(values));
        for (int i = 0; i < _radices.Length; i++)
        {
            if ((uint)values[i] >= (uint)_radices[i])
                throw new ArgumentOutOfRangeException(nameof(values), $"Value index {values[i]} is outside issue '{Issues[i].Name}' (0..{_radices[i] - 1}).");
        }
        if (!IsIndexable) return Outcome.OfValues(values);
        if (_smallStrides.Length == values.Length)
        {
            ulong small = 0;
            for (int i = 0; i < values.Length; i++) small += (ulong)values[i] * _smallStrides[i];
            return new Outcome(small);
        }
        UInt128 index = 0;
        for (int i = 0; i < _radices.Length; i++) index += (UInt128)values[i] * _strides[i];
        return new Outcome(index);
    }

    /// <summary>
    /// True when <paramref name="outcome"/> lies in this space: an index below the cardinality of an indexable space, or a
    /// value vector with one valid value index per issue of a larger discrete space.
    /// </summary>
    public bool Contains(Outcome outcome)
    {
        if (outcome.IsIndex) return IsIndexable && outcome.Index < _indexLimit;
        if (!IsDiscrete || IsIndexable) return false;
        var vector = outcome.Values;
        if (vector.Length != _radices.Length) return false;
        for (int i = 0; i < vector.Length; i++)
            if ((uint)vector[i] >= (uint)_radices[i]) return false;
        return true;
    }

    /// <summary>The issue values of <paramref name="outcome"/> as text, keyed by issue name, in issue order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(Outcome outcome)
    {
        Span<int> values = Issues.Length <= StackallocLimit ? stackalloc int[Issues.Length] : new int[Issues.Length];
        Decode(outcome, values);
        return Describe(values);
    }

    /// <summary>The issue values as text, keyed by issue name, in issue order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(ReadOnlySpan<int> values)
    {
        var list = new List<KeyValuePair<string, string>>(Issues.Length);
        for (int i = 0; i < Issues.Length; i++) list.Add(new(Issues[i].Name, Issues[i].FormatValue(values[i])));
        return list;
    }

    private void RequireDiscrete()
    {
        if (!IsDiscrete) throw new InvalidOperationException("The outcome space has a continuous issue; discretise it (give it steps) to encode outcomes.");
    }
}
