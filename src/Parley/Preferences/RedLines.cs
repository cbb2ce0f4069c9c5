using System.Collections.Immutable;

namespace Parley.Preferences;

/// <summary>
/// One red line: the values <paramref name="FirstValue"/>..<paramref name="LastValue"/> (value indices, inclusive) of issue
/// <paramref name="Issue"/>, which the party will never accept whatever else a package gives it.
/// </summary>
/// <param name="Issue">Issue index in the outcome space.</param>
/// <param name="FirstValue">First forbidden value index (inclusive).</param>
/// <param name="LastValue">Last forbidden value index (inclusive); equal to <paramref name="FirstValue"/> for one value.</param>
/// <param name="Source">Where the red line is reported, or why it was chosen (free text), if given.</param>
public readonly record struct RedLine(int Issue, int FirstValue, int LastValue, string? Source = null)
{
    /// <summary>A red line on one value of one issue.</summary>
    public static RedLine OnValue(int issue, int value, string? source = null) => new(issue, value, value, source);

    /// <summary>True when value index <paramref name="value"/> of <see cref="Issue"/> lies on this red line.</summary>
    public bool Covers(int value) => value >= FirstValue && value <= LastValue;
}

/// <summary>
/// The values a principal will never accept. An outcome crosses the red lines when any issue takes a forbidden value; such
/// an outcome is unacceptable to the party whatever its additive score: analysis leaves it out of every zone of
/// agreement, and negotiators must never accept it. Immutable; <see cref="None"/> when the party declares none.
/// </summary>
public sealed class RedLines
{
    /// <summary>No red lines: nothing is crossed.</summary>
    public static readonly RedLines None = new([]);

    private readonly RedLine[] _lines;

    /// <summary>Red lines from individual <see cref="RedLine"/>s (any order; overlapping lines are allowed).</summary>
    public RedLines(IEnumerable<RedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _lines = lines.OrderBy(l => l.Issue).ThenBy(l => l.FirstValue).ToArray();
        foreach (var l in _lines)
        {
            if (l.Issue < 0) throw new ArgumentOutOfRangeException(nameof(lines), $"Red line on issue index {l.Issue}; expected ≥ 0.");
            if (l.FirstValue < 0 || l.LastValue < l.FirstValue)
                throw new ArgumentOutOfRangeException(nameof(lines), $"Red line on values {l.FirstValue}..{l.LastValue} of issue {l.Issue}; expected 0 ≤ first ≤ last.");
        }
        Lines = [.. _lines];
    }

    /// <summary>The red lines, ordered by issue, then by first value.</summary>
    public ImmutableArray<RedLine> Lines { get; }

    /// <summary>
    /// Red lines over combinations of values (<see cref="SlotRule"/>s): the party's own and the scenario's rules, which
    /// bind every principal. A package that breaks one crosses the red lines.
    /// </summary>
    public ImmutableArray<SlotRule> Rules { get; init; } = [];

    /// <summary>True when the party declares no red line and no rule binds it.</summary>
    public bool IsEmpty => _lines.Length == 0 && Rules.IsEmpty;

    /// <summary>True when the package breaks any of <see cref="Rules"/>. No allocation.</summary>
    public bool BreaksRule(ReadOnlySpan<int> values)
    {
        foreach (var rule in Rules)
            if (rule.Breaks(values)) return true;
        return false;
    }

    /// <summary>True when value index <paramref name="value"/> of issue <paramref name="issue"/> is on a red line.</summary>
    public bool Crosses(int issue, int value)
    {
        foreach (var l in _lines)
            if (l.Issue == issue && l.Covers(value)) return true;
        return false;
    }

    /// <summary>
    /// True when the outcome given by one value index per issue crosses any red line (the party never accepts it).
    /// No allocation.
    /// </summary>
    public bool Crosses(ReadOnlySpan<int> values)
    {
        foreach (var l in _lines)
            if ((uint)l.Issue < (uint)values.Length && l.Covers(values[l.Issue])) return true;
        return !Rules.IsEmpty && BreaksRule(values);
    }

    /// <summary>The issues that carry at least one red line or rule, ascending.</summary>
    public IEnumerable<int> Issues => _lines.Select(l => l.Issue).Concat(Rules.SelectMany(r => r.Slots)).Distinct().Order();

    /// <summary>These red lines without those on issue <paramref name="issue"/>, nor the rules that read it (what relaxing that issue leaves).</summary>
    public RedLines Without(int issue) => _lines.Any(l => l.Issue == issue) || Rules.Any(r => r.Slots.Contains(issue))
        ? new RedLines(_lines.Where(l => l.Issue != issue)) { Rules = [.. Rules.Where(r => !r.Slots.Contains(issue))] }
        : this;
}
