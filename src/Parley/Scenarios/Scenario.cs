using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Scenarios.Phases;

namespace Parley.Scenarios;

/// <summary>
/// A negotiation scenario: the outcome space, the parties with their preferences, and optionally who may talk to whom
/// (<see cref="Channels"/>), what happens when (<see cref="Timeline"/>) and named reference packages.
/// </summary>
public sealed record Scenario(string Name, OutcomeSpace Space, ImmutableArray<Party> Parties)
{
    private readonly CommunicationGraph? _channels;
    private readonly Timeline _timeline = Timeline.Empty;
    private readonly ImmutableArray<NamedPackage> _packages = [];

    private readonly ScenarioPhasing? _phasing;

    /// <summary>
    /// The phases of a phased scenario (null for a flat one): <see cref="Space"/> is then its slot space and every
    /// party's utility the compiled additive utility over the slots (see <see cref="PhasedUtility"/>).
    /// </summary>
    public ScenarioPhasing? Phasing
    {
        get => _phasing;
        init
        {
            if (value is not null)
            {
                if (!ReferenceEquals(value.Structure.Space, Space)) throw new ArgumentException("The phase structure's slot space is not the scenario's outcome space.");
                if (value.Parties.Length != Parties.Length)
                    throw new ArgumentException($"The phasing covers {value.Parties.Length} parties; the scenario has {Parties.Length}.");
            }
            _phasing = value;
        }
    }

    /// <summary>
    /// Rules over combinations of values that hold for everyone (what is physically or legally possible). Each also binds
    /// every principal (it is among the principals' <see cref="Preferences.RedLines.Rules"/>), so every analysis and
    /// protocol that honours red lines honours it.
    /// </summary>
    public ImmutableArray<Preferences.SlotRule> Rules { get; init; } = [];

    /// <summary>The numbers written as <c>{value, range, source}</c> assumptions, in file order (YAML scenarios only).</summary>
    public ImmutableArray<Assumption> Assumptions { get; init; } = [];

    /// <summary>The scenario file's text, when it has assumptions (what the robustness analysis re-reads with other values).</summary>
    public string? SourceText { get; init; }

    /// <summary>Where the scenario was read from (folder or file), if it was read.</summary>
    public string? Location { get; init; }

    /// <summary>Things worth telling a user that do not stop the scenario from loading (e.g. weights that do not sum to 1).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>The parties whose agreement makes a deal (everyone but mediators).</summary>
    public IEnumerable<Party> Principals => Parties.Where(p => p.Role == PartyRole.Principal);

    /// <summary>Who may talk to whom, over indices of <see cref="Parties"/>; null = everyone with everyone, no delay.</summary>
    public CommunicationGraph? Channels
    {
        get => _channels;
        init
        {
            if (value is not null && value.PartyCount != Parties.Length)
                throw new ArgumentException($"The communication graph is over {value.PartyCount} parties; the scenario has {Parties.Length}.");
            _channels = value;
        }
    }

    /// <summary>Events over normalised time (empty unless declared); party and issue indices refer to this scenario.</summary>
    public Timeline Timeline
    {
        get => _timeline;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var e in value.Events) CheckEvent(e);
            _timeline = value;
        }
    }

    /// <summary>Named reference packages (drafts, proposals) in declaration order.</summary>
    public ImmutableArray<NamedPackage> Packages
    {
        get => _packages;
        init
        {
            foreach (var p in value)
            {
                if (p.Values.Length != Space.IssueCount)
                    throw new ArgumentException($"Package '{p.Name}' has {p.Values.Length} values; the scenario has {Space.IssueCount} issues.");
                for (int i = 0; i < p.Values.Length; i++)
                    if ((uint)p.Values[i] >= (uint)Space.Issues[i].ValueCount)
                        throw new ArgumentException($"Package '{p.Name}' has value index {p.Values[i]} outside issue '{Space.Issues[i].Name}'.");
            }
            _packages = value;
        }
    }

    /// <summary>Index of the party called <paramref name="name"/>, or −1.</summary>
    public int PartyIndex(string name)
    {
        for (int i = 0; i < Parties.Length; i++) if (Parties[i].Name == name) return i;
        return -1;
    }

    /// <summary>
    /// Party <paramref name="party"/>'s reserved value at normalised time <paramref name="t"/>: its own curve plus the
    /// changes timeline events have made by then, discounted as the profile discounts.
    /// </summary>
    public double ReservedValueAt(int party, double t)
    {
        var profile = Parties[party].Profile;
        return profile.Discount(profile.ReservedValue.At(t) + Timeline.ReservedValueShift(party, t), t);
    }

    /// <summary>
    /// True when principal-or-mediator <paramref name="party"/> can accept the outcome at <paramref name="t"/>: every value
    /// is still available, it crosses none of the party's red lines, and its discounted utility reaches
    /// <see cref="ReservedValueAt"/>.
    /// </summary>
    public bool Accepts(int party, ReadOnlySpan<int> values, double t) =>
        Timeline.IsAvailable(values, t) && Parties[party].Profile.Accepts(values, t, ReservedValueAt(party, t));

    /// <summary>The reserved value of party <paramref name="party"/>'s ratifier at <paramref name="t"/> (its curve plus ratifier events), discounted as its profile discounts; null without a ratifier.</summary>
    public double? RatifierReservedValueAt(int party, double t) => Parties[party].Ratifier is { } r
        ? r.Profile.Discount(r.Profile.ReservedValue.At(t) + Timeline.RatifierShift(party, t), t)
        : null;

    /// <summary>
    /// True when party <paramref name="party"/>'s ratifier (if any) approves the package at <paramref name="t"/>: it crosses
    /// none of the ratifier's red lines and the ratifier's discounted utility reaches its reserved value. True without a ratifier.
    /// </summary>
    public bool Ratifies(int party, ReadOnlySpan<int> values, double t)
    {
        if (Parties[party].Ratifier is not { } r) return true;
        return !r.Profile.RedLines.Crosses(values) && r.Profile.Discount(r.Profile.Utility.Utility(values), t) >= RatifierReservedValueAt(party, t)!.Value;
    }

    /// <summary>
    /// The issues party <paramref name="party"/>'s ratifier objects to most in a package (bit mask over issue indices, at
    /// most two; 0 without a ratifier or beyond 64 issues): those whose change alone would raise its utility most, an issue
    /// whose value crosses one of its red lines first. What a ratifier says when it turns a text down ("not with this
    /// clause"), as a principal names its objections.
    /// </summary>
    public ulong RatifierObjections(int party, ReadOnlySpan<int> values)
    {
        if (Parties[party].Ratifier is not { } r || values.Length > 64) return 0;
        var utility = r.Profile.Utility;
        Span<int> work = values.Length <= OutcomeSpace.StackallocLimit ? stackalloc int[values.Length] : new int[values.Length];
        values.CopyTo(work);
        double baseline = utility.Utility(work);
        var objected = new ObjectedIssues();
        for (int i = 0; i < work.Length; i++)
        {
            int keep = work[i];
            double gain = 0;
            if (r.Profile.RedLines.Crosses(i, keep)) gain = double.PositiveInfinity;
            else
            {
                for (int v = 0; v < Space.Radices[i]; v++)
                {
                    if (v == keep || r.Profile.RedLines.Crosses(i, v)) continue;
                    work[i] = v;
                    gain = Math.Max(gain, utility.Utility(work) - baseline);
                }
                work[i] = keep;
            }
            objected.Consider(i, gain);
        }
        return objected.Mask;
    }

    private void CheckEvent(ScenarioEvent e)
    {
        int? party = e switch
        {
            ReservedValueChange c => c.Party,
            PartyLeaves l => l.Party,
            PartyJoins j => j.Party,
            _ => null,
        };
        if (party is { } p && p >= Parties.Length)
            throw new ArgumentException($"Event '{e.Name}' names party index {p}; the scenario has {Parties.Length} parties.");
        if (e is IssueValueWithdrawn w && (w.Issue >= Space.IssueCount || w.Value >= Space.Issues[w.Issue].ValueCount))
            throw new ArgumentException($"Event '{e.Name}' withdraws value {w.Value} of issue {w.Issue}, which the scenario does not have.");
    }
}
