using Parley.Parties;

namespace Parley.Agents.Boa;

/// <summary>
/// The time a GENIUS agent sees, from Parley's state. Under a round deadline of R rounds GENIUS's discrete timeline
/// counts R + 1 "total rounds" and shows both parties of round r (1-based) the time r / (R + 1); its time-dependent
/// parties subtract one total round as an offset ("the discrete timeline is 1-based"). Without a round deadline GENIUS's
/// time is the fraction of the time limit elapsed, which is Parley's normalised time.
/// </summary>
public static class GeniusTime
{
    /// <summary>GENIUS's normalised time of the turn in <paramref name="state"/>: (round + 1) / (R + 1) under a round deadline.</summary>
    public static double Of(NegotiatorContext context, in SaoState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options.Rounds is int r && r > 0 ? Math.Min(1.0, (state.Round + 1) / (double)(r + 1)) : state.Time;
    }

    /// <summary>
    /// GENIUS's time when an action of 0-based round <paramref name="round"/> is made and received: (round + 1) / (R + 1)
    /// under a round deadline, else <paramref name="time"/> (Parley's normalised time of the action).
    /// </summary>
    public static double OfRound(NegotiatorContext context, int round, double time)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options.Rounds is int r && r > 0 ? Math.Min(1.0, (round + 1) / (double)(r + 1)) : time;
    }

    /// <summary>GENIUS's <c>DiscreteTimeline.getTotalRounds()</c> (R + 1), or null without a round deadline.</summary>
    public static int? TotalRounds(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options.Rounds is int r && r > 0 ? r + 1 : null;
    }

    /// <summary>
    /// The offset GENIUS's time-dependent parties subtract from the time: 1 / total rounds under a round deadline, else 0.
    /// </summary>
    public static double Offset(NegotiatorContext context) => TotalRounds(context) is int total ? 1.0 / total : 0.0;
}
