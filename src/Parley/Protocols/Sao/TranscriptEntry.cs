using System.Globalization;
using Parley.Outcomes;

namespace Parley.Protocols.Sao;

/// <summary>
/// One recorded action: when, who, what, on which outcome, and what that outcome is worth (undiscounted) to every party.
/// <see cref="Utilities"/> is empty-valued (NaN) when the action carries no outcome (walk-away, failure).
/// </summary>
public readonly struct TranscriptEntry
{
    private readonly double[] _utilities;
    private readonly int _offset;
    private readonly int _count;

    internal TranscriptEntry(in HistoryEntry entry, double[] utilities, int offset, int count)
    {
        Entry = entry;
        _utilities = utilities;
        _offset = offset;
        _count = count;
    }

    /// <summary>The entry without utilities (what negotiators see).</summary>
    public HistoryEntry Entry { get; }

    /// <summary>0-based round.</summary>
    public int Round => Entry.Round;

    /// <summary>0-based turn index.</summary>
    public int Step => Entry.Step;

    /// <summary>Normalised time of the action.</summary>
    public double Time => Entry.Time;

    /// <summary>Party index (scenario order).</summary>
    public int Party => Entry.Party;

    /// <summary>What the party did.</summary>
    public SaoAction Action => Entry.Action;

    /// <summary>The outcome offered or accepted; null for walk-away and failure.</summary>
    public Outcome? Outcome => Entry.Outcome;

    /// <summary>Undiscounted utility of <see cref="Outcome"/> to each party, in party order (NaN without an outcome).</summary>
    public ReadOnlySpan<double> Utilities => new(_utilities, _offset, _count);

    /// <inheritdoc />
    public override string ToString()
    {
        var u = Utilities;
        var parts = new string[u.Length];
        for (int i = 0; i < u.Length; i++) parts[i] = u[i].ToString("R", CultureInfo.InvariantCulture);
        return $"{Entry} [{string.Join(", ", parts)}]";
    }
}

/// <summary>One action as negotiators see it: no utilities.</summary>
/// <param name="Step">0-based turn index.</param>
/// <param name="Round">0-based round.</param>
/// <param name="Time">Normalised time t ∈ [0, 1].</param>
/// <param name="Party">Party index (scenario order).</param>
/// <param name="Action">What the party did.</param>
/// <param name="Outcome">The outcome offered or accepted; null for walk-away and failure.</param>
public readonly record struct HistoryEntry(int Step, int Round, double Time, int Party, SaoAction Action, Outcome? Outcome)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Step} r{Round} t={Time:R} p{Party} {Action} {Outcome?.ToString() ?? "-"}");
}
