namespace Parley.Scenarios;

/// <summary>
/// Something that happens during a negotiation at normalised time <see cref="Time"/> ∈ [0, 1] (0 = start, 1 = deadline).
/// Every protocol fires events at their time and lists them in its transcript; <see cref="Timeline"/> answers what they
/// mean at any t. Party and issue references are indices into the scenario's parties and issues.
/// </summary>
public abstract record ScenarioEvent
{
    protected ScenarioEvent(double time, string name)
    {
        if (!(time is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(time), time, "An event's normalised time must be in [0, 1].");
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Time = time;
        Name = name;
    }

    /// <summary>Normalised time t ∈ [0, 1] at which the event fires.</summary>
    public double Time { get; }

    /// <summary>What happens, in a few neutral words (e.g. "Rafah ground operation begins").</summary>
    public string Name { get; }

    /// <summary>The calendar date the event was given by, if it was given by date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Where the event is reported, or why it was chosen (free text), if given.</summary>
    public string? Source { get; init; }
}

/// <summary>
/// A party's reserved value moves by <see cref="Change"/>: at once (a step, <see cref="RampDuration"/> 0) or linearly over
/// <see cref="RampDuration"/> of normalised time (a ramp). The change adds to the party's reserved-value curve from then on.
/// </summary>
public sealed record ReservedValueChange : ScenarioEvent
{
    public ReservedValueChange(double time, string name, int party, double change, double rampDuration = 0) : base(time, name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(party);
        if (!double.IsFinite(change)) throw new ArgumentOutOfRangeException(nameof(change), change, "A reserved-value change must be a finite number.");
        if (!(rampDuration >= 0) || !double.IsFinite(rampDuration)) throw new ArgumentOutOfRangeException(nameof(rampDuration), rampDuration, "A ramp lasts ≥ 0.");
        Party = party;
        Change = change;
        RampDuration = rampDuration;
    }

    /// <summary>Index of the party whose reserved value moves (its ratifier's, when <see cref="OfRatifier"/>).</summary>
    public int Party { get; }

    /// <summary>True when the change moves the reserved value of the party's ratifier, not the party's own.</summary>
    public bool OfRatifier { get; init; }

    /// <summary>Amount added to the (undiscounted) reserved value once the event has taken full effect; negative to fall.</summary>
    public double Change { get; }

    /// <summary>Normalised time over which the change ramps in linearly; 0 for a step.</summary>
    public double RampDuration { get; }

    /// <summary>The part of <see cref="Change"/> in effect at <paramref name="t"/>.</summary>
    public double ShiftAt(double t)
    {
        if (t < Time) return 0;
        if (RampDuration <= 0 || t >= Time + RampDuration) return Change;
        return Change * (t - Time) / RampDuration;
    }
}

/// <summary>Value <see cref="Value"/> of issue <see cref="Issue"/> stops being available: no package may use it from then on.</summary>
public sealed record IssueValueWithdrawn : ScenarioEvent
{
    public IssueValueWithdrawn(double time, string name, int issue, int value) : base(time, name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(issue);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Issue = issue;
        Value = value;
    }

    /// <summary>Issue index.</summary>
    public int Issue { get; }

    /// <summary>Value index of that issue.</summary>
    public int Value { get; }
}

/// <summary>A party leaves the table (from then on it neither moves nor is needed for a deal, if a mediator).</summary>
public sealed record PartyLeaves : ScenarioEvent
{
    public PartyLeaves(double time, string name, int party) : base(time, name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(party);
        Party = party;
    }

    /// <summary>Index of the party that leaves.</summary>
    public int Party { get; }
}

/// <summary>A party joins the table. A party whose first presence event is a join is absent before it.</summary>
public sealed record PartyJoins : ScenarioEvent
{
    public PartyJoins(double time, string name, int party) : base(time, name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(party);
        Party = party;
    }

    /// <summary>Index of the party that joins.</summary>
    public int Party { get; }
}

/// <summary>A dated milestone that changes nothing in the model but belongs in the transcript (a meeting, a statement).</summary>
public sealed record Milestone : ScenarioEvent
{
    public Milestone(double time, string name) : base(time, name) { }
}
