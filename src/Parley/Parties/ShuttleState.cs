using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Protocols;

namespace Parley.Parties;

/// <summary>A message on its way along a channel with a delay.</summary>
/// <param name="From">Sender.</param>
/// <param name="To">Addressee.</param>
/// <param name="Message">What was sent.</param>
/// <param name="SentRound">Round it was sent in.</param>
/// <param name="ArrivalRound">Round it arrives in (sent round + the channel's delay).</param>
public readonly record struct InTransit(int From, int To, ShuttleMessage Message, int SentRound, int ArrivalRound);

/// <summary>
/// What a party says on its turn under the shuttle protocol: one message to one party along a channel, or nothing.
/// Principals send offers, conditional concessions, objections, acceptances and rejections; mediators relay what they
/// heard and propose bridging packages.
/// </summary>
/// <param name="Kind">Offer, Concede, Object, Accept, Reject (principals); Relay, Propose (mediators); Pass for nothing.</param>
/// <param name="To">Addressee (party index); ignored for Pass.</param>
/// <param name="Package">The complete package the message is about (required except for Pass).</param>
/// <param name="Issues">For Concede, the issues given as in the package if the addressee gives the rest; for Object and
/// Reject, the issues objected to (bit mask over issue indices).</param>
public readonly record struct ShuttleMessage(NegotiationAction Kind, int To, Outcome? Package, ulong Issues = 0)
{
    /// <summary>Nothing to say this turn.</summary>
    public static ShuttleMessage Pass => new(NegotiationAction.Pass, -1, null);
}

/// <summary>
/// The state of a shuttle negotiation as an immutable value: whose turn it is, the messages still in transit, and each
/// principal's commitment — the package it last offered, conceded or accepted. The principals agree when all their
/// commitments are the same package.
/// </summary>
public readonly record struct ShuttleState
{
    /// <summary>0-based round: every party at the table moves once per round, in table order.</summary>
    public int Round { get; init; }

    /// <summary>Party index whose turn it is.</summary>
    public int Turn { get; init; }

    /// <summary>Normalised time of the current turn.</summary>
    public double Time { get; init; }

    /// <summary>Each party's commitment (principals only; null for none and for mediators).</summary>
    public ImmutableArray<Outcome?> Commitments { get; init; }

    /// <summary>Messages sent along channels with a delay that have not arrived yet, in sending order.</summary>
    public ImmutableList<InTransit> InTransit { get; init; }

    /// <summary>Parties that have left the table (party mask).</summary>
    public ulong Left { get; init; }

    /// <summary>Whether the negotiation is running or how it ended.</summary>
    public NegotiationStatus Status { get; init; }

    /// <summary>The agreed package once <see cref="Status"/> is Agreed.</summary>
    public Outcome? Agreement { get; init; }

    /// <summary>
    /// The principal whose ratifier has just turned down the package every principal committed to (announced next, and
    /// that principal's commitment withdrawn); null otherwise. The ratifiers are asked when all principals commit to one
    /// package; the talks go on after a refusal.
    /// </summary>
    public int? RatifierRefusing { get; init; }
}
