using System.Globalization;
using System.Numerics;

namespace Parley.Outcomes;

/// <summary>
/// One negotiated issue. Every enumerable issue maps its values to value indices 0..<see cref="ValueCount"/>−1.
/// </summary>
public abstract record Issue(string Name)
{
    /// <summary>Exact number of values; <c>null</c> for a continuous (undiscretised real) issue.</summary>
    public abstract BigInteger? Cardinality { get; }

    /// <summary>True when the values can be indexed (every discrete and integer issue, real issues with a discretisation).</summary>
    public bool IsEnumerable => Cardinality is { } c && c <= int.MaxValue;

    /// <summary>Number of value indices. Throws for issues that are not enumerable.</summary>
    public int ValueCount => IsEnumerable
        ? (int)Cardinality!.Value
        : throw new InvalidOperationException($"Issue '{Name}' is not enumerable; give it an explicit discretisation.");

    /// <summary>The value at <paramref name="valueIndex"/> as text (what a user reads and what scenario files contain).</summary>
    public abstract string FormatValue(int valueIndex);

    /// <summary>The value index of <paramref name="text"/>, or −1 when the issue has no such value.</summary>
    public abstract int IndexOf(string text);
}

/// <summary>An issue whose values are named options, in the order the domain lists them.</summary>
public sealed record DiscreteIssue : Issue
{
    private readonly Dictionary<string, int> _index;

    public DiscreteIssue(string name, IReadOnlyList<string> values) : base(name)
    {
        if (values.Count == 0) throw new ArgumentException($"Discrete issue '{name}' has no values.", nameof(values));
        Values = values.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Values.Count; i++)
        {
            if (!_index.TryAdd(Values[i], i))
                throw new ArgumentException($"Discrete issue '{name}' lists value '{Values[i]}' twice.", nameof(values));
        }
    }

    /// <summary>The values in domain order; value index i is <c>Values[i]</c>.</summary>
    public IReadOnlyList<string> Values { get; }

    public override BigInteger? Cardinality => Values.Count;
    public override string FormatValue(int valueIndex) => Values[valueIndex];
    public override int IndexOf(string text) => _index.TryGetValue(text, out int i) ? i : -1;

    public bool Equals(DiscreteIssue? other) => other is not null && Name == other.Name && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => HashCode.Combine(Name, Values.Count);
}

/// <summary>An issue taking every integer in the inclusive range [<see cref="Min"/>, <see cref="Max"/>]; value index k is Min + k.</summary>
public sealed record IntegerIssue : Issue
{
    public IntegerIssue(string name, long min, long max) : base(name)
    {
        if (max < min) throw new ArgumentException($"Integer issue '{name}': upper bound {max} is below lower bound {min}.");
        Min = min;
        Max = max;
    }

    public long Min { get; }
    public long Max { get; }
    public override BigInteger? Cardinality => (BigInteger)Max - Min + 1;
    public long ValueAt(int valueIndex) => Min + valueIndex;
    public override string FormatValue(int valueIndex) => ValueAt(valueIndex).ToString(CultureInfo.InvariantCulture);

    public override int IndexOf(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v >= Min && v <= Max && v - Min <= int.MaxValue
            ? (int)(v - Min)
            : -1;
}

/// <summary>
/// An issue over the real interval [<see cref="Min"/>, <see cref="Max"/>]. It is enumerable only through an explicit
/// discretisation into <see cref="Steps"/> evenly spaced points (both bounds included).
/// </summary>
public sealed record RealIssue : Issue
{
    public RealIssue(string name, double min, double max, int? steps = null) : base(name)
    {
        if (!(max >= min)) throw new ArgumentException($"Real issue '{name}': upper bound {max} is below lower bound {min}.");
        if (steps is < 2) throw new ArgumentException($"Real issue '{name}': a discretisation needs at least 2 points, got {steps}.");
        Min = min;
        Max = max;
        Steps = steps;
    }

    public double Min { get; }
    public double Max { get; }

    /// <summary>Number of grid points of the explicit discretisation, or null when the issue is left continuous.</summary>
    public int? Steps { get; }

    public override BigInteger? Cardinality => Steps;

    /// <summary>The real value of grid point <paramref name="valueIndex"/>.</summary>
    public double ValueAt(int valueIndex) =>
        Steps is { } s ? (valueIndex == s - 1 ? Max : Min + (Max - Min) * valueIndex / (s - 1))
                       : throw new InvalidOperationException($"Real issue '{Name}' has no discretisation.");

    public override string FormatValue(int valueIndex) => ValueAt(valueIndex).ToString("R", CultureInfo.InvariantCulture);

    public override int IndexOf(string text)
    {
        if (Steps is not { } s || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return -1;
        for (int i = 0; i < s; i++) if (ValueAt(i) == v) return i;
        return -1;
    }
}
