using System.Text.Json;

namespace Parley.Web.Sessions;

/// <summary>What <c>POST /api/sessions</c> asks for (docs/api.md): a table with people at some seats.</summary>
/// <param name="Scenario">A scenario name from <c>GET /api/scenarios</c>.</param>
/// <param name="Protocol">"sao" (default), "single-text" or "shuttle".</param>
/// <param name="Seats">Party name → <c>"human"</c> or a built-in negotiator (principals) or mediator (mediator seats); parties left out get the protocol's default agent.</param>
/// <param name="Rounds">Deadline in rounds.</param>
/// <param name="Minutes">Deadline in minutes of wall-clock time (with or instead of rounds).</param>
/// <param name="Seed">Seed of the agents' random choices (default 0).</param>
/// <param name="SeatTimeoutSeconds">How long a person's turn may stay unanswered (default: the server's).</param>
/// <param name="Analyst">Whether people at this table see the full analysis (frontier, zone of agreement, sticking points).</param>
/// <param name="Suggestions">Whether a person at a single-text mediator seat may ask Parley's mediators for a text (default true).</param>
/// <param name="Condition">An experiment condition (a file of the server's conditions folder) to set the session up from; the other fields are then taken from it.</param>
public sealed record SessionRequest(string? Scenario, string? Protocol, Dictionary<string, JsonElement>? Seats, int? Rounds, double? Minutes, int? Seed,
    double? SeatTimeoutSeconds, bool? Analyst, bool? Suggestions, string? Condition);

/// <summary>What <c>POST /api/sessions/{id}/actions</c> carries: the seat's token and its move.</summary>
/// <param name="Token">The seat's token.</param>
/// <param name="Action">offer, accept, walkaway (alternating offers); accept, reject, veto (single-text principal); propose (single-text mediator); offer, concede, object, accept, reject, relay, propose, pass (shuttle).</param>
/// <param name="Outcome">Issue → value: the offer, text or package.</param>
/// <param name="To">Addressee party (shuttle).</param>
/// <param name="Issues">Issues objected to or conceded.</param>
/// <param name="Basis">Issue → value: the earlier text a single text revises (optional).</param>
public sealed record ActionRequest(string? Token, string? Action, Dictionary<string, JsonElement>? Outcome, string? To, string[]? Issues, Dictionary<string, JsonElement>? Basis);

/// <summary>What the page reports for the experiment log (<c>POST /api/sessions/{id}/events</c>): views opened, edits made.</summary>
/// <param name="Token">The seat's token.</param>
/// <param name="Kind">"view" or "edit".</param>
/// <param name="Detail">What was viewed or the edited outcome (short text).</param>
/// <param name="Outcome">For an edit: the outcome being edited, issue → value.</param>
public sealed record UiEventRequest(string? Token, string? Kind, string? Detail, Dictionary<string, JsonElement>? Outcome);
