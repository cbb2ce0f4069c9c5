using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Agents.Mediators;
using Parley.Agents.Shuttle;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Interactive;
using Parley.Scenarios;
using Parley.Web.Sessions;

namespace Parley.Web.Api;

/// <summary>
/// <c>/api/sessions</c>: a person at the table (docs/api.md, docs/human.md). Create a session with people at some seats,
/// claim a seat once, see what the seat may see, move, report views and edits, ask Parley's mediators for a text, see
/// the analysis (when the creator allowed it), export the record. Wrong token 403, out of turn 409, bad outcome 422,
/// other bad input 400, never a 500.
/// </summary>
internal static class SessionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long an action's answer waits for the agents to move, so it can show the next state.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/mediators", (string? protocol) => Results.Json(
            (protocol == "shuttle" ? ShuttleRegistry.Mediators : MediatorRegistry.Available).Select(a => new { name = a.Name, description = a.Description })));
        app.MapGet("/api/conditions", (SessionService sessions) => Results.Json(Conditions.Names(sessions.Settings.ConditionsFolder)));
        var group = app.MapGroup("/api/sessions");
        group.MapPost("/", async (HttpRequest http, SessionService sessions) =>
        {
            var (request, bad) = await Read<SessionRequest>(http, "{\"scenario\": …, \"protocol\": …, \"seats\": {party: \"human\" | negotiator}, \"rounds\": …}");
            if (bad is not null) return bad;
            var (session, refusal) = await Task.Run(() => sessions.Create(request));
            if (refusal is not null) return Problems.Status(refusal.Status, refusal.Message);
            return Results.Json(new
            {
                id = session!.Id,
                seats = session.Seats.Select(s => new { party = s.Name, token = s.Token, invite = s.Invite, link = $"/session.html#/{session.Id}/join/{s.Invite}" }),
                ownerKey = session.OwnerKey,
                export = $"/api/sessions/{session.Id}/export?key={session.OwnerKey}",
            }, Json, statusCode: 201);
        });
        group.MapPost("/{id}/claim", async (string id, HttpRequest http, SessionService sessions) =>
        {
            if (sessions.Find(id) is not { } session) return NoSession(id);
            var (request, bad) = await Read<ClaimRequest>(http, "{\"invite\": …}");
            if (bad is not null) return bad;
            var (seat, status) = session.Claim(request!.Invite);
            return status switch
            {
                200 => Results.Json(new { party = seat!.Name, token = seat.Token }, Json),
                409 => Problems.Status(409, $"the seat of {seat!.Name} has already been taken; a seat can be claimed once"),
                _ => Problems.Status(403, "this invite does not open a seat of this session"),
            };
        });
        group.MapGet("/{id}", (string id, string? token, SessionService sessions) =>
            WithSeat(sessions, id, token, (session, seat) => Results.Json(SessionJson.View(session, seat), Json)));
        group.MapPost("/{id}/actions", async (string id, HttpRequest http, SessionService sessions) =>
        {
            var (request, bad) = await Read<ActionRequest>(http, "{\"token\": …, \"action\": \"offer\" | \"accept\" | \"walkaway\" | …, \"outcome\": {issue: value}}");
            if (bad is not null) return bad;
            return await WithSeatAsync(sessions, id, request!.Token, async (session, seat) =>
            {
                var table = session.Engine.Table;
                if (Parse(request, table, seat.Party) is { } problem) return problem;
                var move = ToMove(request, table);
                long version = session.Engine.Version;
                var refusal = session.Engine.Submit(seat.Party, move);
                var described = move.Outcome is { } o ? table.Space.Describe(o) : null;
                if (refusal is not null)
                {
                    session.Log(seat.Name, "refused", request.Action, described, refusal.Message);
                    return Problems.Status(refusal.Status, refusal.Message);
                }
                session.Log(seat.Name, "move", request.Action, described, move.To >= 0 ? "to " + table.Parties[move.To].Name : null);
                await Task.Run(() => session.Engine.WaitSettled(version, Settle));
                return Results.Json(SessionJson.View(session, seat), Json);
            });
        });
        group.MapPost("/{id}/events", async (string id, HttpRequest http, SessionService sessions) =>
        {
            var (request, bad) = await Read<UiEventRequest>(http, "{\"token\": …, \"kind\": \"view\" | \"edit\", \"detail\": …}");
            if (bad is not null) return bad;
            return WithSeat(sessions, id, request!.Token, (session, seat) => UiEvent(session, seat, request));
        });
        group.MapPost("/{id}/suggest", async (string id, HttpRequest http, SessionService sessions) =>
        {
            var (request, bad) = await Read<SuggestRequest>(http, "{\"token\": …, \"mediator\": \"logrolling\" | \"nash\" | …}");
            if (bad is not null) return bad;
            return WithSeat(sessions, id, request!.Token, (session, seat) =>
            {
                if (!session.Suggestions) return Problems.Status(403, "suggestions are off for this session");
                string name = request.Mediator ?? "logrolling";
                var refusal = session.Engine.Suggest(seat.Party, name, out var proposal);
                if (refusal is not null) return Problems.Status(refusal.Status, refusal.Message);
                var space = session.Engine.Table.Space;
                session.Log(seat.Name, "suggest", name, space.Describe(proposal.Text));
                return Results.Json(new
                {
                    mediator = name,
                    text = SessionJson.Outcome(space, proposal.Text),
                    basis = proposal.Basis is { } b ? SessionJson.Outcome(space, b) : null,
                }, Json);
            });
        });
        group.MapGet("/{id}/analysis", (string id, string? token, SessionService sessions) => WithSeat(sessions, id, token, Analysis));
        group.MapGet("/{id}/export", (string id, string? key, string? format, SessionService sessions) =>
        {
            if (sessions.Find(id) is not { } session) return NoSession(id);
            if (string.IsNullOrEmpty(key) || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(session.OwnerKey)))
                return Problems.Status(403, "the export needs the session's owner key (?key=…, from the answer that created it)");
            if (format is null or "json") return Results.Json(SessionExport.Json(session), Json);
            if (format != "csv") return Problems.BadRequest("format must be json or csv");
            var writer = new StringWriter();
            SessionExport.Csv(session, writer);
            return Results.Text(writer.ToString(), "text/csv; charset=utf-8");
        });
        foreach (var (name, type) in new[] { ("session.html", "text/html; charset=utf-8"), ("session.js", "text/javascript; charset=utf-8"), ("session.css", "text/css; charset=utf-8") })
            if (Assembly.GetExecutingAssembly().GetManifestResourceInfo("wwwroot/" + name) is not null) app.MapGet("/" + name, () => Page(name, type));
    }

    private sealed record ClaimRequest(string? Invite);

    private sealed record SuggestRequest(string? Token, string? Mediator);

    private static IResult Page(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"page {name} is not embedded");
        return Results.Stream(stream, contentType);
    }

    private static async Task<(T? Value, IResult? Bad)> Read<T>(HttpRequest http, string shape) where T : class
    {
        try
        {
            var value = await http.ReadFromJsonAsync<T>(Json, http.HttpContext.RequestAborted);
            return value is null ? (null, Problems.BadRequest("expected a JSON body: " + shape)) : (value, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return (null, Problems.BadRequest("expected a JSON body: " + shape));
        }
    }

    private static IResult NoSession(string id) =>
        Problems.NotFound($"no session '{Runs.RunService.Shorten(id)}' (sessions are kept while the server runs; the results database keeps them all)");

    private static IResult WithSeat(SessionService sessions, string id, string? token, Func<HumanSession, SeatTicket, IResult> found)
    {
        if (sessions.Find(id) is not { } session) return NoSession(id);
        if (session.SeatOf(token) is not { } seat) return Problems.Status(403, "this token does not open a seat of this session");
        session.Touch(seat);
        return found(session, seat);
    }

    private static async Task<IResult> WithSeatAsync(SessionService sessions, string id, string? token, Func<HumanSession, SeatTicket, Task<IResult>> found)
    {
        if (sessions.Find(id) is not { } session) return NoSession(id);
        if (session.SeatOf(token) is not { } seat) return Problems.Status(403, "this token does not open a seat of this session");
        session.Touch(seat);
        return await found(session, seat);
    }

    private static readonly Dictionary<string, NegotiationAction> Actions = new(StringComparer.Ordinal)
    {
        ["offer"] = NegotiationAction.Offer, ["accept"] = NegotiationAction.Accept, ["walkaway"] = NegotiationAction.WalkAway,
        ["reject"] = NegotiationAction.Reject, ["veto"] = NegotiationAction.Veto, ["propose"] = NegotiationAction.Propose,
        ["relay"] = NegotiationAction.Relay, ["concede"] = NegotiationAction.Concede, ["object"] = NegotiationAction.Object, ["pass"] = NegotiationAction.Pass,
    };

    /// <summary>Checks the words of an action request (the rules of the turn are checked by the engine); null when readable.</summary>
    private static IResult? Parse(ActionRequest request, Scenario table, int party)
    {
        if (string.IsNullOrEmpty(request.Action) || !Actions.ContainsKey(request.Action))
            return Problems.BadRequest($"unknown action '{Runs.RunService.Shorten(request.Action ?? "")}'; expected one of: {string.Join(", ", Actions.Keys)}");
        var space = table.Space;
        if (request.Outcome is { } outcome && SessionJson.ParseOutcome(space, outcome, out var problem) is null) return Problems.Status(422, problem!);
        if (request.Basis is { } basis && SessionJson.ParseOutcome(space, basis, out var basisProblem) is null) return Problems.Status(422, "basis: " + basisProblem);
        if (SessionJson.ParseIssues(space, request.Issues, out var issueProblem) is null) return Problems.Status(422, issueProblem!);
        if (request.To is { } to && Array.FindIndex(table.Parties.ToArray(), p => p.Name == to) < 0)
            return Problems.Status(422, $"no party '{Runs.RunService.Shorten(to)}' at this table; its parties: {string.Join(", ", table.Parties.Select(p => p.Name))}");
        return null;
    }

    private static SeatMove ToMove(ActionRequest request, Scenario table)
    {
        var space = table.Space;
        return new SeatMove(Actions[request.Action!],
            request.Outcome is { } o ? SessionJson.ParseOutcome(space, o, out _) : null,
            request.To is { } to ? Array.FindIndex(table.Parties.ToArray(), p => p.Name == to) : -1,
            SessionJson.ParseIssues(space, request.Issues, out _) ?? 0,
            request.Basis is { } b ? SessionJson.ParseOutcome(space, b, out _) : null);
    }

    /// <summary>A view opened or an edit made, for the experiment log; an edit's answer is its utility to the seat and whether it crosses a red line.</summary>
    private static IResult UiEvent(HumanSession session, SeatTicket seat, UiEventRequest request)
    {
        if (request.Kind is not ("view" or "edit")) return Problems.BadRequest("kind must be view or edit");
        string? detail = request.Detail is { Length: > 200 } d ? d[..200] : request.Detail;
        if (request.Kind == "view")
        {
            session.Log(seat.Name, "view", detail: detail);
            return Results.Json(new { recorded = true }, Json);
        }
        var table = session.Engine.Table;
        if (request.Outcome is not { } given) return Problems.Status(422, "an edit carries the outcome being edited: {issue: value}");
        if (SessionJson.ParseOutcome(table.Space, given, out var problem) is not { } outcome) return Problems.Status(422, problem!);
        session.Log(seat.Name, "edit", outcome: table.Space.Describe(outcome), detail: detail);
        var profile = table.Parties[seat.Party].Profile;
        var values = new int[table.Space.IssueCount];
        table.Space.Decode(outcome, values);
        var crossed = Enumerable.Range(0, values.Length).Where(i => profile.RedLines.Crosses(i, values[i])).Select(i => table.Space.Issues[i].Name).ToArray();
        double t = session.Engine.View(seat.Party).Time;
        bool withdrawn = !table.Timeline.IsAvailable(values, t);
        bool principal = table.Parties[seat.Party].Role == PartyRole.Principal;
        return Results.Json(new
        {
            recorded = true,
            utility = principal ? Math.Round(profile.Utility.Utility(values), 4) : (double?)null,
            reservedValue = Math.Round(SessionJson.Reserved(table, seat.Party, t), 4),
            redLines = crossed,
            withdrawn,
        }, Json);
    }

    /// <summary>The analyst view: the utility plane of the principals, the frontier, the zone of agreement and the sticking points.</summary>
    private static IResult Analysis(HumanSession session, SeatTicket seat)
    {
        if (!session.Analyst) return Problems.Status(403, "the analyst view is off for this session (the session's creator sets it)");
        if (session.Catalog is not { } entry) return Problems.Status(422, "this scenario has no analysis");
        session.Log(seat.Name, "view", detail: "analysis");
        var table = session.Engine.Table;
        var space = table.Space;
        var principals = Enumerable.Range(0, table.Parties.Length).Where(i => table.Parties[i].Role == PartyRole.Principal).ToArray();
        double t = session.Engine.View(seat.Party).Time;
        var reserved = principals.Select(p => SessionJson.Reserved(table, p, t)).ToArray();
        var plane = entry.Plane;
        int inZone = plane is null ? 0 : plane.Outcomes.Count(o => o.X >= reserved[0] && o.Y >= reserved[1]);
        // Sticking points: issues the principals' favourite outcomes disagree on, and how often each was objected to so far.
        var best = principals.Select(p => { var v = new int[space.IssueCount]; space.Decode(UtilityIndex.For(table.Parties[p].Profile.Utility).Best, v); return v; }).ToArray();
        var objections = new int[space.IssueCount];
        foreach (var e in session.Engine.View(seat.Party).History)
            if (e.Issues != 0 && e.Action is NegotiationAction.Reject or NegotiationAction.Veto or NegotiationAction.Object)
                for (int i = 0; i < Math.Min(64, space.IssueCount); i++) if ((e.Issues & (1UL << i)) != 0) objections[i]++;
        var sticking = Enumerable.Range(0, space.IssueCount)
            .Select(i => new
            {
                issue = space.Issues[i].Name,
                objections = objections[i],
                favourites = principals.Select((p, k) => new { party = table.Parties[p].Name, value = space.Issues[i].FormatValue(best[k][i]) }),
                disagree = best.Select(b => b[i]).Distinct().Count() > 1,
            })
            .Where(s => s.disagree || s.objections > 0)
            .OrderByDescending(s => s.objections).ThenByDescending(s => s.disagree)
            .ToArray();
        return Results.Json(new
        {
            principals = principals.Select(p => table.Parties[p].Name),
            reservedValues = reserved.Select(r => Math.Round(r, 4)),
            plane = plane is null ? null : ScenarioJson.Plane(plane),
            analysis = ScenarioJson.Analysis(entry),
            zone = new { outcomes = inZone, sampled = plane?.Sampled ?? false, note = "outcomes in the plane worth at least each principal's reserved value now" },
            stickingPoints = sticking,
        }, Json);
    }
}
