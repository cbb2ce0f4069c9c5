using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Scenarios.Phases;

/// <summary>
/// The phases of a scenario and its issues, once or per phase, compiled into an outcome space whose issues are the
/// slots: first every once-issue and per-phase issue in declaration order, a per-phase issue giving one slot per phase
/// (phase order) in its place. A slot is named after its issue (once-issues, and every slot when there is one phase) or
/// <c>issue@phase</c>. A deferrable slot has the values of its issue plus <see cref="DeferredValue"/> as its last value.
/// </summary>
public sealed class PhaseStructure
{
    /// <summary>The text of the extra value of a deferrable slot.</summary>
    public const string DeferredValue = "deferred";

    /// <summary>Most values an issue with a deferrable slot may have (its slot becomes a discrete issue).</summary>
    public const int DeferrableValueLimit = 100_000;

    private readonly int[][] _slotsOfIssue;

    public PhaseStructure(IEnumerable<Phase> phases, IEnumerable<PhasedIssue> issues)
    {
        Phases = [.. phases];
        Issues = [.. issues];
        if (Phases.IsEmpty) throw new ArgumentException("A phased scenario needs at least one phase.");
        if (Phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != Phases.Length)
            throw new ArgumentException("Two phases have the same name.");
        foreach (var p in Phases)
            if (!(p.Length > 0) || double.IsInfinity(p.Length)) throw new ArgumentException($"Phase '{p.Name}' has length {p.Length}; expected a positive number.");
        if (Phases.Any(p => p.InDays) && !Phases.All(p => p.InDays))
            throw new ArgumentException("Some phases are given in days and some in normalised time; expected one unit for all.");
        var slots = new List<Slot>();
        var slotIssues = new List<Issue>();
        _slotsOfIssue = new int[Issues.Length][];
        for (int i = 0; i < Issues.Length; i++)
        {
            var pi = Issues[i];
            int count = pi.PerPhase ? Phases.Length : 1;
            if (pi.Deferrable.Length != count)
                throw new ArgumentException($"Issue '{pi.Issue.Name}' states deferral for {pi.Deferrable.Length} slot(s); it has {count}.");
            _slotsOfIssue[i] = new int[count];
            for (int k = 0; k < count; k++)
            {
                var slot = new Slot(i, pi.PerPhase ? k : -1, pi.Deferrable[k]);
                _slotsOfIssue[i][k] = slots.Count;
                slots.Add(slot);
                slotIssues.Add(SlotIssue(pi.Issue, SlotName(pi.Issue.Name, slot), slot.Deferrable));
            }
        }
        Slots = [.. slots];
        Space = new OutcomeSpace(slotIssues);
    }

    /// <summary>The phases, in the order they are carried out.</summary>
    public ImmutableArray<Phase> Phases { get; }

    /// <summary>The issues with their own values, in declaration order.</summary>
    public ImmutableArray<PhasedIssue> Issues { get; }

    /// <summary>The slots, in outcome-space issue order.</summary>
    public ImmutableArray<Slot> Slots { get; }

    /// <summary>The outcome space over the slots (what every analysis and protocol works on).</summary>
    public OutcomeSpace Space { get; }

    /// <summary>The space of the issues' own values (one issue per issue, no phases): what parties' base utilities are stated over.</summary>
    public OutcomeSpace IssueSpace => _issueSpace ??= new OutcomeSpace(Issues.Select(i => i.Issue));
    private OutcomeSpace? _issueSpace;

    /// <summary>Each phase's share of the deal's length (lengths divided by their sum), in phase order.</summary>
    public ImmutableArray<double> LengthShares
    {
        get
        {
            double total = Phases.Sum(p => p.Length);
            return [.. Phases.Select(p => p.Length / total)];
        }
    }

    /// <summary>The slot indices of issue <paramref name="issue"/>: one for a once-issue, one per phase otherwise.</summary>
    public ReadOnlySpan<int> SlotsOf(int issue) => _slotsOfIssue[issue];

    /// <summary>The slot of issue <paramref name="issue"/> in phase <paramref name="phase"/> (the only slot of a once-issue, whatever the phase).</summary>
    public int SlotOf(int issue, int phase) => Issues[issue].PerPhase ? _slotsOfIssue[issue][phase] : _slotsOfIssue[issue][0];

    /// <summary>Index of the issue called <paramref name="name"/>, or −1.</summary>
    public int IndexOfIssue(string name)
    {
        for (int i = 0; i < Issues.Length; i++) if (Issues[i].Issue.Name == name) return i;
        return -1;
    }

    /// <summary>Index of the phase called <paramref name="name"/>, or −1.</summary>
    public int IndexOfPhase(string name)
    {
        for (int k = 0; k < Phases.Length; k++) if (Phases[k].Name == name) return k;
        return -1;
    }

    /// <summary>True when slot value <paramref name="value"/> of slot <paramref name="slot"/> is <see cref="DeferredValue"/>.</summary>
    public bool IsDeferred(int slot, int value) => Slots[slot].Deferrable && value == Space.Issues[slot].ValueCount - 1;

    /// <summary>
    /// The values of an outcome phase by phase: for each phase, its name and the value (as text) of every issue in it
    /// (once-issues appear in every phase).
    /// </summary>
    public IReadOnlyList<(string Phase, IReadOnlyList<KeyValuePair<string, string>> Values)> ByPhase(ReadOnlySpan<int> values)
    {
        var list = new List<(string, IReadOnlyList<KeyValuePair<string, string>>)>(Phases.Length);
        for (int k = 0; k < Phases.Length; k++)
        {
            var phase = new List<KeyValuePair<string, string>>(Issues.Length);
            for (int i = 0; i < Issues.Length; i++)
            {
                int s = SlotOf(i, k);
                phase.Add(new(Issues[i].Issue.Name, Space.Issues[s].FormatValue(values[s])));
            }
            list.Add((Phases[k].Name, phase));
        }
        return list;
    }

    private string SlotName(string issue, Slot slot) => slot.IsOnce || Phases.Length == 1 ? issue : $"{issue}@{Phases[slot.Phase].Name}";

    private static Issue SlotIssue(Issue issue, string name, bool deferrable)
    {
        if (!deferrable)
        {
            return issue switch
            {
                DiscreteIssue d => new DiscreteIssue(name, d.Values),
                IntegerIssue n => new IntegerIssue(name, n.Min, n.Max),
                RealIssue r => new RealIssue(name, r.Min, r.Max, r.Steps),
                _ => throw new NotSupportedException(issue.GetType().Name),
            };
        }
        if (!issue.IsEnumerable || issue.ValueCount > DeferrableValueLimit)
            throw new ArgumentException($"Issue '{issue.Name}' has more than {DeferrableValueLimit:N0} values (or is continuous); a deferrable slot needs at most that many.");
        var values = new List<string>(issue.ValueCount + 1);
        for (int v = 0; v < issue.ValueCount; v++) values.Add(issue.FormatValue(v));
        if (values.Contains(DeferredValue)) throw new ArgumentException($"Issue '{issue.Name}' already has a value '{DeferredValue}'; a deferrable issue cannot use that name.");
        values.Add(DeferredValue);
        return new DiscreteIssue(name, values);
    }
}
