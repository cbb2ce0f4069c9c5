using Parley.Outcomes;
using Parley.Parties;
using Parley.Scenarios;

namespace Parley.Protocols.Interactive;

/// <summary>Why a person's move was refused: an HTTP-like status (409: not possible now; 422: a bad outcome, addressee or issue) and one sentence.</summary>
public sealed record SeatRefusal(int Status, string Message);

/// <summary>
/// What a person may do for each <see cref="SeatQuestion"/>: the checks the protocols and the session runner would
/// otherwise make after the fact (a move they refuse fails the negotiation, attributed to the mover), made before the
/// move is taken, so a person's mistake is refused with a message instead of ending the negotiation.
/// </summary>
public static class SeatRules
{
    /// <summary>Null when <paramref name="move"/> answers <paramref name="prompt"/> within the rules; otherwise why not.</summary>
    public static SeatRefusal? Check(in SeatPrompt prompt, in SeatMove move, NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space;
        double t = prompt.Time;
        switch (prompt.Question)
        {
            case SeatQuestion.Respond or SeatQuestion.Propose:
                switch (move.Action)
                {
                    case NegotiationAction.Accept when prompt.Question == SeatQuestion.Respond:
                        return Allowed(context, prompt.Offer!.Value, t, "accepting the offer on the table");
                    case NegotiationAction.WalkAway when prompt.Question == SeatQuestion.Respond:
                        return null;
                    case NegotiationAction.Offer:
                        return Outcome(move.Outcome, space) ?? Allowed(context, move.Outcome!.Value, t, "this offer");
                    case NegotiationAction.Accept or NegotiationAction.WalkAway:
                        return Conflict("there is no offer on the table yet: the first move is an offer");
                    default:
                        return Conflict($"under alternating offers you may offer, accept or walk away, not {Word(move.Action)}");
                }
            case SeatQuestion.Vote:
                if (Issues(move.Issues, space) is { } badIssues) return badIssues;
                return move.Action switch
                {
                    NegotiationAction.Accept => Allowed(context, prompt.Offer!.Value, t, "accepting this text"),
                    NegotiationAction.Reject or NegotiationAction.Veto => null,
                    _ => Conflict($"a principal answers a text with accept, reject or veto, not {Word(move.Action)}"),
                };
            case SeatQuestion.PutText:
                if (move.Action != NegotiationAction.Propose) return Conflict($"the mediator puts a text (propose), not {Word(move.Action)}");
                if (Outcome(move.Outcome, space) is { } badText) return badText;
                return move.Basis is { } basis && !space.Contains(basis) ? Unprocessable("the basis is not an outcome of this scenario") : null;
            case SeatQuestion.Send:
                return Send(move, context, t);
            default:
                return Conflict("this seat has nothing to answer");
        }
    }

    private static SeatRefusal? Send(in SeatMove move, NegotiatorContext context, double t)
    {
        if (move.Action == NegotiationAction.Pass) return null;
        var table = context.Table;
        int me = context.PartyIndex;
        bool principal = table.Roles[me] == PartyRole.Principal;
        bool allowed = principal
            ? move.Action is NegotiationAction.Offer or NegotiationAction.Concede or NegotiationAction.Object or NegotiationAction.Accept or NegotiationAction.Reject
            : move.Action is NegotiationAction.Relay or NegotiationAction.Propose or NegotiationAction.Object;
        if (!allowed)
            return Unprocessable(principal
                ? $"a principal sends offer, concede, object, accept or reject, not {Word(move.Action)}"
                : $"a mediator sends relay, propose or object, not {Word(move.Action)}");
        if ((uint)move.To >= (uint)table.Names.Length || move.To == me) return Unprocessable("the addressee is not another party at the table");
        if (!table.CanSend(me, move.To, out _))
            return Unprocessable($"{table.Names[me]} has no channel to {table.Names[move.To]}: messages go only along the scenario's channels");
        if (Outcome(move.Outcome, context.Space) is { } bad) return bad;
        if (Issues(move.Issues, context.Space) is { } badIssues) return badIssues;
        return principal && move.Action is NegotiationAction.Offer or NegotiationAction.Concede or NegotiationAction.Accept
            ? Allowed(context, move.Outcome!.Value, t, "this package")
            : null;
    }

    private static SeatRefusal? Outcome(Outcome? outcome, OutcomeSpace space) =>
        outcome is not { } o ? Unprocessable("the move needs a complete outcome: one value for every issue")
        : !space.Contains(o) ? Unprocessable("the outcome is not in this scenario's outcome space")
        : null;

    private static SeatRefusal? Issues(ulong issues, OutcomeSpace space) =>
        issues != 0 && space.IssueCount < 64 && (issues >> space.IssueCount) != 0 ? Unprocessable("an objection names an issue the scenario does not have") : null;

    private static SeatRefusal? Allowed(NegotiatorContext context, Outcome outcome, double t, string what)
    {
        if (context.IsAllowed(outcome, t)) return null;
        var space = context.Space;
        var values = new int[space.IssueCount];
        space.Decode(outcome, values);
        for (int i = 0; i < values.Length; i++)
            if (context.Profile.RedLines.Crosses(i, values[i]))
                return Unprocessable($"{what} crosses your red line on {space.Issues[i].Name} ({space.Issues[i].FormatValue(values[i])})");
        return Unprocessable($"{what} uses a value a scenario event has withdrawn");
    }

    private static string Word(NegotiationAction action) => action.ToString().ToLowerInvariant();

    private static SeatRefusal Conflict(string message) => new(409, message);

    private static SeatRefusal Unprocessable(string message) => new(422, message);
}
