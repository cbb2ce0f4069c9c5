using System.Diagnostics;
using Parley.Agents;
using Parley.Outcomes;
using Parley.Protocols.Sao;

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

/// <summary>Passes every call to the wrapped negotiator and tells the <see cref="TurnWatch"/> when it enters and leaves.</summary>
internal sealed class WatchedNegotiator(INegotiator inner, int seat, TurnWatch watch) : INegotiator
{
    private double _time;

    public string Name => inner.Name;

    public void Initialize(NegotiatorContext context)
    {
        watch.Enter(seat, 0);
        try { inner.Initialize(context); }
        finally { watch.Exit(); }
    }

    public Outcome Propose(in SaoState state)
    {
        _time = state.Time;
        watch.Enter(seat, _time);
        try { return inner.Propose(state); }
        finally { watch.Exit(); }
    }

    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        _time = state.Time;
        watch.Enter(seat, _time);
        try { return inner.Respond(state, offer); }
        finally { watch.Exit(); }
    }
}
