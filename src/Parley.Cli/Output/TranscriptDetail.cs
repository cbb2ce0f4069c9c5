using Parley.Outcomes;
using Parley.Protocols;

namespace Parley.Cli.Output;

/// <summary>How much of a negotiation's transcript a JSON document lists (<c>negotiate --transcript</c>).</summary>
public enum TranscriptDetail
{
    /// <summary>Every action.</summary>
    All,

    /// <summary>Each party's offers and proposals when they change, and the move that ends the negotiation.</summary>
    Offers,

    /// <summary>No action: the result only.</summary>
    None,
}

/// <summary>The names of <see cref="TranscriptDetail"/> on the command line and in the JSON.</summary>
internal static class TranscriptDetails
{
    public static bool TryParse(string text, out TranscriptDetail detail)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "all": detail = TranscriptDetail.All; return true;
            case "offers": detail = TranscriptDetail.Offers; return true;
            case "none": detail = TranscriptDetail.None; return true;
            default: detail = TranscriptDetail.All; return false;
        }
    }

    public static string Name(TranscriptDetail detail) => detail switch
    {
        TranscriptDetail.Offers => "offers",
        TranscriptDetail.None => "none",
        _ => "all",
    };
}

/// <summary>
/// Which transcript entries a document lists under a <see cref="TranscriptDetail"/>. For <see cref="TranscriptDetail.Offers"/>:
/// a party's offer, proposal, concession or relay when its outcome differs from that party's previous one, every
/// acceptance, walk-away and failure; votes, tallies, deliveries, objections, events and repeated offers are left out.
/// </summary>
internal struct TranscriptFilter(TranscriptDetail detail, int parties)
{
    private readonly Outcome?[] _last = detail == TranscriptDetail.Offers ? new Outcome?[parties] : [];

    public readonly bool Keeps(in HistoryEntry entry)
    {
        if (detail == TranscriptDetail.All) return true;
        if (detail == TranscriptDetail.None) return false;
        switch (entry.Action)
        {
            case NegotiationAction.Accept or NegotiationAction.WalkAway or NegotiationAction.Fail:
                return true;
            case NegotiationAction.Offer or NegotiationAction.Propose or NegotiationAction.Concede or NegotiationAction.Relay
                when entry.Party >= 0 && entry.Outcome is { } outcome:
                if (_last[entry.Party] == outcome) return false;
                _last[entry.Party] = outcome;
                return true;
            default:
                return false;
        }
    }
}
