using System.Collections.Immutable;

namespace Parley.Scenarios;

/// <summary>
/// The events of a scenario on normalised time t ∈ [0, 1], with optional calendar dates: when <see cref="Start"/> and
/// <see cref="Deadline"/> are given, a date d maps to t = (d − start)/(deadline − start) in days. Every query is a pure
/// function of t ("the state of the world at t"), so every protocol and the report read events the same way. An event
/// at time τ has taken effect at every t ≥ τ.
/// </summary>
public sealed class Timeline
{
    /// <summary>No events and no dates.</summary>
    public static readonly Timeline Empty = new([]);

    /// <summary>A timeline with the given events (any order; kept sorted by time, ties in the given order).</summary>
    public Timeline(IEnumerable<ScenarioEvent> events, DateOnly? start = null, DateOnly? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (start.HasValue != deadline.HasValue) throw new ArgumentException("Give both a start and a deadline date, or neither.");
        if (start is { } s && deadline is { } d && d <= s) throw new ArgumentException($"The deadline {d:yyyy-MM-dd} is not after the start {s:yyyy-MM-dd}.");
        Start = start;
        Deadline = deadline;
        Events = [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.Time).ThenBy(x => x.i).Select(x => x.e)];
    }

    /// <summary>Events sorted by time.</summary>
    public ImmutableArray<ScenarioEvent> Events { get; }

    /// <summary>The date of t = 0, if the scenario is dated.</summary>
    public DateOnly? Start { get; }

    /// <summary>The date of t = 1, if the scenario is dated.</summary>
    public DateOnly? Deadline { get; }

    /// <summary>True when <see cref="Start"/> and <see cref="Deadline"/> are given.</summary>
    public bool IsDated => Start.HasValue;

    /// <summary>Days from start to deadline (dated timelines only).</summary>
    public int Days => IsDated ? Deadline!.Value.DayNumber - Start!.Value.DayNumber : throw new InvalidOperationException("The timeline has no dates.");

    /// <summary>Normalised time of <paramref name="date"/>; throws when the timeline has no dates or the date lies outside start..deadline.</summary>
    public double TimeOf(DateOnly date)
    {
        if (!IsDated) throw new InvalidOperationException("The scenario has no start and deadline dates; give times as t in [0, 1].");
        if (date < Start!.Value || date > Deadline!.Value)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date {date:yyyy-MM-dd} lies outside the scenario's {Start:yyyy-MM-dd} to {Deadline:yyyy-MM-dd}.");
        return (double)(date.DayNumber - Start.Value.DayNumber) / Days;
    }

    /// <summary>The date at normalised time <paramref name="t"/> (rounded to the nearest day), or null for an undated timeline.</summary>
    public DateOnly? DateOf(double t) => IsDated ? Start!.Value.AddDays((int)Math.Round(Math.Clamp(t, 0, 1) * Days)) : null;

    /// <summary>The amount events have added to party <paramref name="party"/>'s reserved value by time <paramref name="t"/>.</summary>
    public double ReservedValueShift(int party, double t)
    {
        double shift = 0;
        foreach (var e in Events)
        {
            if (e.Time > t) break;
            if (e is ReservedValueChange { OfRatifier: false } c && c.Party == party) shift += c.ShiftAt(t);
        }
        return shift;
    }

    /// <summary>The change that ratifier events have made by <paramref name="t"/> to the reserved value of party <paramref name="party"/>'s ratifier.</summary>
    public double RatifierShift(int party, double t)
    {
        double shift = 0;
        foreach (var e in Events)
        {
            if (e.Time > t) break;
            if (e is ReservedValueChange { OfRatifier: true } c && c.Party == party) shift += c.ShiftAt(t);
        }
        return shift;
    }

    /// <summary>True when value <paramref name="value"/> of issue <paramref name="issue"/> has not been withdrawn by time <paramref name="t"/>.</summary>
    public bool IsAvailable(int issue, int value, double t)
    {
        foreach (var e in Events)
        {
            if (e.Time > t) break;
            if (e is IssueValueWithdrawn w && w.Issue == issue && w.Value == value) return false;
        }
        return true;
    }

    /// <summary>True when every value of the outcome is still available at <paramref name="t"/>. No allocation.</summary>
    public bool IsAvailable(ReadOnlySpan<int> values, double t)
    {
        foreach (var e in Events)
        {
            if (e.Time > t) break;
            if (e is IssueValueWithdrawn w && (uint)w.Issue < (uint)values.Length && values[w.Issue] == w.Value) return false;
        }
        return true;
    }

    /// <summary>
    /// True when party <paramref name="party"/> is at the table at <paramref name="t"/>: the last join or leave at or before t
    /// decides; before any, a party is present unless its first such event is a join.
    /// </summary>
    public bool IsPresent(int party, double t)
    {
        bool? first = null;
        bool? last = null;
        foreach (var e in Events)
        {
            bool? present = e switch
            {
                PartyJoins j when j.Party == party => true,
                PartyLeaves l when l.Party == party => false,
                _ => null,
            };
            if (present is not { } p) continue;
            first ??= !p;
            if (e.Time <= t) last = p;
        }
        return last ?? first ?? true;
    }

    /// <summary>
    /// The events that fire in (<paramref name="after"/>, <paramref name="until"/>], in time order. Pass a negative
    /// <paramref name="after"/> to include events at t = 0.
    /// </summary>
    public IEnumerable<ScenarioEvent> FiredIn(double after, double until) => Events.Where(e => e.Time > after && e.Time <= until);
}
