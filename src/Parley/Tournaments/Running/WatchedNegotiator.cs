using System.Diagnostics;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Tournaments.Running;

/// <summary>What the negotiation on a worker is doing right now: which seat is inside a call since when (0 = none).</summary>
internal sealed class TurnWatch
{
    private long _started;
    private int _seat = -1;
    private long _timeBits;

    public void Enter(int seat, double time)
    {
        Volatile.Write(ref _seat, seat);
        Volatile.Write(ref _timeBits, BitConverter.DoubleToInt64Bits(time));
        Volatile.Write(ref _started, Stopwatch.GetTimestamp());
    }

    public void Exit() => Volatile.Write(ref _started, 0);

    /// <summary>The seat inside a call for longer than <paramref name="limit"/>, with the negotiation time it saw, or null.</summary>
    public (int Seat, double Time)? OverdueBy(TimeSpan limit)
    {
        long started = Volatile.Read(ref _started);
        if (started == 0 || Stopwatch.GetElapsedTime(started) <= limit) return null;
        return (Volatile.Read(ref _seat), BitConverter.Int64BitsToDouble(Volatile.Read(ref _timeBits)));
    }
}

/// <summary>Wraps a seat's party, whatever the protocol, so that the <see cref="TurnWatch"/> sees every call it makes.</summary>
internal static class Watched
{
    /// <summary>
    /// <paramref name="party"/> wrapped as the protocol's <paramref name="principalType"/> (a built-in negotiator may be
    /// several kinds of party at once: the seat must stay the kind the protocol asks for), or unchanged when it is not one.
    /// </summary>
    public static object Wrap(object party, int seat, TurnWatch watch, Type principalType) => party switch
    {
        INegotiator negotiator when principalType == typeof(INegotiator) => new WatchedNegotiator(negotiator, seat, watch),
        IVoter voter when principalType == typeof(IVoter) => new WatchedVoter(voter, seat, watch),
        IShuttleParty shuttle when principalType == typeof(IShuttleParty) => new WatchedShuttleParty(shuttle, seat, watch),
        _ => party,
    };

    internal static void Initialize(Action<NegotiatorContext> initialize, NegotiatorContext context, int seat, TurnWatch watch)
    {
        watch.Enter(seat, 0);
        try { initialize(context); }
        finally { watch.Exit(); }
    }
}

/// <summary>Passes every call to the wrapped negotiator and tells the <see cref="TurnWatch"/> when it enters and leaves.</summary>
internal sealed class WatchedNegotiator(INegotiator inner, int seat, TurnWatch watch) : INegotiator
{
    public string Name => inner.Name;

    public void Initialize(NegotiatorContext context) => Watched.Initialize(inner.Initialize, context, seat, watch);

    public Outcome Propose(in SaoState state)
    {
        watch.Enter(seat, state.Time);
        try { return inner.Propose(state); }
        finally { watch.Exit(); }
    }

    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        watch.Enter(seat, state.Time);
        try { return inner.Respond(state, offer); }
        finally { watch.Exit(); }
    }
}

/// <summary>A single-text voter under the <see cref="TurnWatch"/>.</summary>
internal sealed class WatchedVoter(IVoter inner, int seat, TurnWatch watch) : IVoter
{
    public string Name => inner.Name;

    public void Initialize(NegotiatorContext context) => Watched.Initialize(inner.Initialize, context, seat, watch);

    public TextVote Vote(in SingleTextState state, Outcome text)
    {
        watch.Enter(seat, state.Time);
        try { return inner.Vote(state, text); }
        finally { watch.Exit(); }
    }
}

/// <summary>A shuttle principal under the <see cref="TurnWatch"/>.</summary>
internal sealed class WatchedShuttleParty(IShuttleParty inner, int seat, TurnWatch watch) : IShuttleParty
{
    public string Name => inner.Name;

    public void Initialize(NegotiatorContext context) => Watched.Initialize(inner.Initialize, context, seat, watch);

    public ShuttleMessage Act(in ShuttleState state)
    {
        watch.Enter(seat, state.Time);
        try { return inner.Act(state); }
        finally { watch.Exit(); }
    }
}
