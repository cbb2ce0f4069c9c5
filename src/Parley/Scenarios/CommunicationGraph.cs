using System.Collections.Immutable;

namespace Parley.Scenarios;

/// <summary>
/// One channel between two parties (indices into <see cref="Scenario.Parties"/>). A message sent at round k arrives at
/// round k + <paramref name="DelayRounds"/>.
/// </summary>
/// <param name="From">Sending party index.</param>
/// <param name="To">Receiving party index.</param>
/// <param name="DelayRounds">Rounds a message takes, ≥ 0 (0 = arrives in the round it is sent).</param>
/// <param name="TwoWay">True when <paramref name="To"/> may also send to <paramref name="From"/> (same delay).</param>
/// <param name="Source">Where the channel is reported, or why it was chosen (free text), if given.</param>
public readonly record struct Channel(int From, int To, int DelayRounds = 0, bool TwoWay = true, string? Source = null);

/// <summary>
/// Who may talk to whom. A scenario without a graph (<see cref="Scenario.Channels"/> null) lets everyone talk to
/// everyone without delay. Immutable; a party never needs a channel to itself and <see cref="Allows"/> is false for one.
/// </summary>
public sealed class CommunicationGraph
{
    private readonly int[] _delay; // partyCount × partyCount, −1 = no channel

    /// <summary>A graph over <paramref name="partyCount"/> parties with the given channels.</summary>
    public CommunicationGraph(int partyCount, IEnumerable<Channel> channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partyCount);
        ArgumentNullException.ThrowIfNull(channels);
        PartyCount = partyCount;
        Channels = [.. channels];
        _delay = new int[partyCount * partyCount];
        Array.Fill(_delay, -1);
        foreach (var c in Channels)
        {
            if ((uint)c.From >= (uint)partyCount || (uint)c.To >= (uint)partyCount)
                throw new ArgumentOutOfRangeException(nameof(channels), $"Channel {c.From} → {c.To} names a party outside 0..{partyCount - 1}.");
            if (c.From == c.To) throw new ArgumentException($"Channel from party {c.From} to itself.", nameof(channels));
            if (c.DelayRounds < 0) throw new ArgumentOutOfRangeException(nameof(channels), $"Channel {c.From} → {c.To} has delay {c.DelayRounds}; expected ≥ 0.");
            Set(c.From, c.To, c.DelayRounds);
            if (c.TwoWay) Set(c.To, c.From, c.DelayRounds);
        }
    }

    private void Set(int from, int to, int delay)
    {
        ref int slot = ref _delay[from * PartyCount + to];
        if (slot >= 0 && slot != delay) throw new ArgumentException($"Channel {from} → {to} is given twice with delays {slot} and {delay}.");
        slot = delay;
    }

    /// <summary>A graph in which every party may talk to every other without delay.</summary>
    public static CommunicationGraph Complete(int partyCount)
    {
        var all = new List<Channel>();
        for (int a = 0; a < partyCount; a++)
            for (int b = a + 1; b < partyCount; b++) all.Add(new Channel(a, b));
        return new CommunicationGraph(partyCount, all);
    }

    /// <summary>Number of parties the graph is over.</summary>
    public int PartyCount { get; }

    /// <summary>The channels as declared.</summary>
    public ImmutableArray<Channel> Channels { get; }

    /// <summary>
    /// True when party <paramref name="from"/> may send to party <paramref name="to"/>; <paramref name="delayRounds"/> is then
    /// the channel's delay (0 otherwise). False for a party index outside the graph and for <paramref name="from"/> = <paramref name="to"/>.
    /// </summary>
    public bool Allows(int from, int to, out int delayRounds)
    {
        delayRounds = 0;
        if ((uint)from >= (uint)PartyCount || (uint)to >= (uint)PartyCount) return false;
        int d = _delay[from * PartyCount + to];
        if (d < 0) return false;
        delayRounds = d;
        return true;
    }

    /// <summary>The parties <paramref name="party"/> may send to, ascending.</summary>
    public IEnumerable<int> Recipients(int party)
    {
        for (int to = 0; to < PartyCount; to++)
            if (Allows(party, to, out _)) yield return to;
    }
}
