using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// A rule over a combination of issue values (slots of a phased scenario): a package that breaks it is unacceptable,
/// whatever its utility. A party's rules are red lines over combinations; a scenario's rules say what is possible at all.
/// Rules are pure functions of the package's value indices; a <c>deferred</c> slot (see <see cref="DeferredValues"/>)
/// takes part in no rule (it is settled later).
/// </summary>
public abstract record SlotRule
{
    /// <summary>Per slot of the space: the value index of <c>deferred</c>, or −1 (a slot that cannot be deferred, or a flat space).</summary>
    public ImmutableArray<int> DeferredValues { get; init; } = [];

    /// <summary>Where the rule is reported, or why it was chosen, if given.</summary>
    public string? Source { get; init; }

    /// <summary>True when the scenario states the rule for everyone (what is physically or legally possible), not one party.</summary>
    public bool ScenarioWide { get; init; }

    /// <summary>The slots the rule reads, ascending.</summary>
    public abstract ImmutableArray<int> Slots { get; }

    /// <summary>True when the package given by one value index per slot breaks the rule. No allocation.</summary>
    public abstract bool Breaks(ReadOnlySpan<int> values);

    /// <summary>The rule in words, with slot and value names of <paramref name="space"/>.</summary>
    public abstract string Describe(OutcomeSpace space);

    /// <summary>True when slot <paramref name="slot"/> holds <c>deferred</c> in <paramref name="values"/>.</summary>
    protected bool IsDeferred(int slot, ReadOnlySpan<int> values) => slot < DeferredValues.Length && DeferredValues[slot] == values[slot];
}

/// <summary>
/// The values of <see cref="Slots"/> (in the given order, e.g. an issue's phases) never go down (or never up, when
/// <see cref="Decreasing"/>) in value-index order, settled slots compared with the settled slot before them: a troop
/// withdrawal is not reversed in a later phase.
/// </summary>
public sealed record MonotoneRule(ImmutableArray<int> Order, bool Decreasing) : SlotRule
{
    public override ImmutableArray<int> Slots => [.. Order.Order()];

    public override bool Breaks(ReadOnlySpan<int> values)
    {
        int previous = -1;
        foreach (int s in Order)
        {
            if (IsDeferred(s, values)) continue;
            int v = values[s];
            if (previous >= 0 && (Decreasing ? v > previous : v < previous)) return true;
            previous = v;
        }
        return false;
    }

    public override string Describe(OutcomeSpace space) =>
        $"{string.Join(" → ", Order.Select(s => space.Issues[s].Name))} never {(Decreasing ? "rises" : "falls")} (in value order)";
}

/// <summary>
/// The sum of the numbers of <see cref="Slots"/> lies within [<see cref="Min"/>, <see cref="Max"/>] (either may be open):
/// the hostages released over all phases cannot exceed those held. A deferred slot counts 0.
/// </summary>
/// <param name="Terms">Per slot read: the slot and the number each of its value indices stands for.</param>
/// <param name="Min">Lowest allowed sum, or null.</param>
/// <param name="Max">Highest allowed sum, or null.</param>
public sealed record SumRule(ImmutableArray<(int Slot, ImmutableArray<double> Numbers)> Terms, double? Min, double? Max) : SlotRule
{
    public override ImmutableArray<int> Slots => [.. Terms.Select(t => t.Slot).Order()];

    public override bool Breaks(ReadOnlySpan<int> values)
    {
        double sum = 0;
        foreach (var (slot, numbers) in Terms)
            if (!IsDeferred(slot, values)) sum += numbers[values[slot]];
        return (Max is { } max && sum > max + 1e-9) || (Min is { } min && sum < min - 1e-9);
    }

    public override string Describe(OutcomeSpace space) =>
        $"{string.Join(" + ", Terms.Select(t => space.Issues[t.Slot].Name))} {(Min is { } lo ? $"≥ {lo}" : "")}{(Min is not null && Max is not null ? " and " : "")}{(Max is { } hi ? $"≤ {hi}" : "")}";
}

/// <summary>If slot <see cref="IfSlot"/> takes one of <see cref="IfValues"/>, slot <see cref="ThenSlot"/> takes none of <see cref="NotValues"/>: no ground operation during a truce phase.</summary>
public sealed record ExclusionRule(int IfSlot, ImmutableArray<int> IfValues, int ThenSlot, ImmutableArray<int> NotValues) : SlotRule
{
    public override ImmutableArray<int> Slots => IfSlot == ThenSlot ? [IfSlot] : [Math.Min(IfSlot, ThenSlot), Math.Max(IfSlot, ThenSlot)];

    public override bool Breaks(ReadOnlySpan<int> values) => IfValues.Contains(values[IfSlot]) && NotValues.Contains(values[ThenSlot]);

    public override string Describe(OutcomeSpace space) =>
        $"if {space.Issues[IfSlot].Name} is {string.Join(" or ", IfValues.Select(space.Issues[IfSlot].FormatValue))}, {space.Issues[ThenSlot].Name} is not {string.Join(" or ", NotValues.Select(space.Issues[ThenSlot].FormatValue))}";
}
