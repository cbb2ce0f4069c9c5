using Parley.Outcomes;
using Parley.Protocols;

namespace Parley.Parties;

/// <summary>A message as it reached its addressee.</summary>
/// <param name="From">Sender.</param>
/// <param name="Kind">What the sender said (Offer, Concede, Object, Accept, Reject, Relay, Propose).</param>
/// <param name="Package">The package.</param>
/// <param name="Issues">Conceded or objected issues (bit mask).</param>
/// <param name="Round">Round it arrived in.</param>
/// <param name="Time">Normalised time it arrived at.</param>
public readonly record struct ReceivedMessage(int From, NegotiationAction Kind, Outcome Package, ulong Issues, int Round, double Time);

/// <summary>
/// Reads the messages that reached a party from its history: entries addressed to it, immediate ones as they were sent,
/// delayed ones when they were delivered. Keeps a cursor, so each call returns only what arrived since the last.
/// </summary>
public sealed class ShuttleInbox
{
    private readonly NegotiatorContext _context;
    private int _seen;

    /// <summary>An inbox over <paramref name="context"/>'s history.</summary>
    public ShuttleInbox(NegotiatorContext context) => _context = context;

    /// <summary>Messages that arrived since the last call, in arrival order.</summary>
    public IEnumerable<ReceivedMessage> New()
    {
        var history = _context.History;
        int me = _context.PartyIndex;
        for (; _seen < history.Count; _seen++)
        {
            var e = history[_seen];
            if (e.To == -1 && e.Party != me && e.Action == NegotiationAction.Reject && e.Outcome is { } refused
                && RatifierNote.Marks(e.Note) && _context.Table.Roles[me] == Scenarios.PartyRole.Mediator)
            {
                // A ratifier's public refusal of the package every principal committed to: a mediator hears it as that
                // principal's rejection, with the issues the ratifier objects to.
                yield return new ReceivedMessage(e.Party, NegotiationAction.Reject, refused, e.Issues, e.Round, e.Time);
                continue;
            }
            if (e.To == -1 && e.Party == me && e.Action == NegotiationAction.Reject && e.Outcome is { } mine
                && RatifierNote.Marks(e.Note) && _context.Table.Roles[me] == Scenarios.PartyRole.Principal)
            {
                // Its own ratifier's refusal of the package its negotiators committed to: the principal hears it as a
                // rejection from itself (From = its own index), with the issues the ratifier objects to.
                yield return new ReceivedMessage(me, NegotiationAction.Reject, mine, e.Issues, e.Round, e.Time);
                continue;
            }
            if (e.To != me || e.Party == me || e.Outcome is not { } package) continue;
            if (e.Action == NegotiationAction.Deliver)
            {
                if (Enum.TryParse<NegotiationAction>(e.Note, out var kind)) yield return new ReceivedMessage(e.Party, kind, package, e.Issues, e.Round, e.Time);
            }
            else if (e.Note is null)
            {
                yield return new ReceivedMessage(e.Party, e.Action, package, e.Issues, e.Round, e.Time);
            }
        }
    }
}
