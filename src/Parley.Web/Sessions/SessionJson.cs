using System.Globalization;
using System.Text.Json;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Agents.Interactive;
using Parley.Protocols.Interactive;
using Parley.Scenarios;
using Parley.Web.Api;

namespace Parley.Web.Sessions;

/// <summary>The JSON shapes of sessions (docs/api.md): what a seat may see, and the experimenter's export.</summary>
internal static class SessionJson
{
    public static string StatusName(NegotiationStatus status) => status switch
    {
        NegotiationStatus.Running => "running",
        NegotiationStatus.Agreed => "agreed",
        NegotiationStatus.WalkedAway => "walkedAway",
        NegotiationStatus.Deadline => "deadline",
        NegotiationStatus.Failed => "failed",
        _ => "ended",
    };

    public static string ActionName(NegotiationAction action) => action.ToString().ToLowerInvariant();

    public static string QuestionName(SeatQuestion q) => q switch
    {
        SeatQuestion.Respond => "respond",
        SeatQuestion.Propose => "propose",
        SeatQuestion.Vote => "vote",
        SeatQuestion.PutText => "putText",
        _ => "send",
    };

    /// <summary>The actions a seat may take for <paramref name="q"/>.</summary>
    public static string[] Allowed(SeatQuestion q, PartyRole role) => q switch
    {
        SeatQuestion.Respond => ["offer", "accept", "walkaway"],
        SeatQuestion.Propose => ["offer"],
        SeatQuestion.Vote => ["accept", "reject", "veto"],
        SeatQuestion.PutText => ["propose"],
        _ => role == PartyRole.Principal ? ["offer", "concede", "object", "accept", "reject", "pass"] : ["relay", "propose", "object", "pass"],
    };

    public static Dictionary<string, string> Outcome(OutcomeSpace space, Outcome outcome) => space.Describe(outcome).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Parses issue → value (every issue, known values); null and a message when it is not an outcome of <paramref name="space"/>.</summary>
    public static Outcome? ParseOutcome(OutcomeSpace space, Dictionary<string, JsonElement> given, out string? problem)
    {
        problem = null;
        var values = new int[space.IssueCount];
        foreach (var key in given.Keys)
            if (space.IndexOfIssue(key) < 0) { problem = $"no issue '{Short(key)}'; the issues are: {string.Join(", ", space.Issues.Select(i => i.Name))}"; return null; }
        for (int i = 0; i < values.Length; i++)
        {
            var issue = space.Issues[i];
            if (!given.TryGetValue(issue.Name, out var element)) { problem = $"the outcome has no value for issue '{issue.Name}'"; return null; }
            string? text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
            int v = text is null ? -1 : issue.IndexOf(text);
            if (v < 0) { problem = $"'{Short(text ?? element.GetRawText())}' is not a value of issue '{issue.Name}'"; return null; }
            values[i] = v;
        }
        return space.Encode(values);
    }

    /// <summary>Issue names → mask; null and a message for an unknown issue.</summary>
    public static ulong? ParseIssues(OutcomeSpace space, string[]? names, out string? problem)
    {
        problem = null;
        ulong mask = 0;
        foreach (var name in names ?? [])
        {
            int i = space.IndexOfIssue(name ?? "");
            if (i < 0 || i >= 64) { problem = $"no issue '{Short(name ?? "")}'"; return null; }
            mask |= 1UL << i;
        }
        return mask;
    }

    public static string[] IssueNames(OutcomeSpace space, ulong mask) =>
        [.. Enumerable.Range(0, Math.Min(space.IssueCount, 64)).Where(i => (mask & (1UL << i)) != 0).Select(i => space.Issues[i].Name)];

    public static string[] PartyNames(Scenario table, ulong mask) =>
        [.. Enumerable.Range(0, table.Parties.Length).Where(i => Audience.Contains(mask, i)).Select(i => table.Parties[i].Name)];

    /// <summary>A one-line account of an entry's addressee, issues, votes and note (for the log and CSV).</summary>
    public static string? EntryDetail(HistoryEntry e, Scenario table)
    {
        var parts = new List<string>();
        if (e.To >= 0) parts.Add("to " + table.Parties[e.To].Name);
        if (e.Issues != 0) parts.Add("issues " + string.Join("/", IssueNames(table.Space, e.Issues)));
        if (e.Action == NegotiationAction.Tally) parts.Add($"accepted by {string.Join("/", PartyNames(table, e.Accepts))}; rejected by {string.Join("/", PartyNames(table, e.Rejects))}");
        if (e.Note is { } note) parts.Add(note);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The reserved value of <paramref name="party"/> at time t: its curve plus what the timeline's events have added.</summary>
    public static double Reserved(Scenario table, int party, double t) =>
        table.Parties[party].Profile.ReservedValue.At(t) + table.Timeline.ReservedValueShift(party, t);

    /// <summary>What the person at <paramref name="seat"/> may see now (GET /api/sessions/{id}).</summary>
    public static object View(HumanSession session, SeatTicket seat)
    {
        var engine = session.Engine;
        var view = engine.View(seat.Party);
        var table = engine.Table;
        var space = table.Space;
        int me = seat.Party;
        var party = table.Parties[me];
        bool principal = party.Role == PartyRole.Principal;
        var index = engine.Context(me)?.Index ?? UtilityIndex.For(party.Profile.Utility);
        double? U(Outcome? o) => principal && o is { } x ? Math.Round(index.Utility(x), 4) : null;
        object? Offer(Outcome? o, int by) => o is { } x ? new { outcome = Outcome(space, x), utility = U(x), by = by >= 0 ? table.Parties[by].Name : null } : null;

        var history = view.History;
        var prompt = view.Prompt;
        var lastOffer = history.LastOrDefault(e => e.Action == NegotiationAction.Offer && e.Outcome is not null);
        var standing = session.Engine.Setup.Protocol == "sao" && lastOffer.Outcome is not null ? Offer(lastOffer.Outcome, lastOffer.Party) : null;
        double t = view.Time;
        var result = view.Result;
        return new
        {
            id = session.Id,
            scenario = session.ScenarioName,
            protocol = engine.Setup.Protocol,
            status = StatusName(view.Status),
            round = view.Round + 1,
            time = Math.Round(t, 4),
            version = view.Version,
            you = new
            {
                party = party.Name,
                role = principal ? "principal" : "mediator",
                reservedValue = ScenarioJson.Finite(Math.Round(Reserved(table, me, t), 4)),
                reservedTimeline = Timeline(table, me),
                redLines = party.Profile.RedLines.Lines.Select(l => new
                {
                    issue = space.Issues[l.Issue].Name,
                    values = Enumerable.Range(l.FirstValue, l.LastValue - l.FirstValue + 1).Select(space.Issues[l.Issue].FormatValue),
                    source = l.Source,
                }),
                best = principal ? Outcome(space, index.Best) : null,
                bestUtility = principal ? Math.Round(index.Utility(index.Best), 4) : (double?)null,
            },
            parties = table.Parties.Select((p, i) => new
            {
                name = p.Name,
                role = p.Role == PartyRole.Principal ? "principal" : "mediator",
                seat = engine.Setup.Seats[i] == InteractiveSetup.Person ? "human" : "agent",
                you = i == me,
            }),
            issues = space.Issues.Select(i => new { name = i.Name, values = Enumerable.Range(0, i.ValueCount).Select(i.FormatValue) }),
            events = table.Timeline.Events.Select(e => new
            {
                name = e.Name,
                t = Math.Round(e.Time, 4),
                date = e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                fired = view.Status != NegotiationStatus.Running || e.Time <= t,
                reservedValueChange = e is ReservedValueChange c && c.Party == me ? c.Change : (double?)null,
                source = e.Source,
            }),
            deadline = new
            {
                rounds = engine.Setup.Rounds,
                minutes = engine.Setup.TimeLimit?.TotalMinutes,
                endsAt = session.EndsAt?.ToString("O", CultureInfo.InvariantCulture),
                seatTimeoutSeconds = engine.Setup.SeatTimeout.TotalSeconds,
            },
            yourTurn = prompt is not null,
            question = prompt is { } q ? QuestionName(q.Question) : null,
            allowed = prompt is { } q2 ? Allowed(q2.Question, party.Role) : [],
            waitingFor = view.WaitingFor.Select(i => table.Parties[i].Name),
            standingOffer = standing,
            text = prompt is { Question: SeatQuestion.Vote, Offer: { } text } ? Offer(text, -1) : null,
            basis = prompt is { Question: SeatQuestion.Vote or SeatQuestion.PutText, Basis: { } basis } ? Offer(basis, -1) : null,
            channels = engine.Setup.Protocol == "shuttle"
                ? Enumerable.Range(0, table.Parties.Length).Where(j => engine.Context(me)?.Table.CanSend(me, j, out _) == true).Select(j => table.Parties[j].Name)
                : null,
            history = history.Select(e => new
            {
                step = e.Step,
                round = e.Round + 1,
                t = Math.Round(e.Time, 4),
                party = e.Party >= 0 ? table.Parties[e.Party].Name : null,
                action = ActionName(e.Action),
                kind = e.Action == NegotiationAction.Deliver ? e.Note?.ToLowerInvariant() : null,
                outcome = e.Outcome is { } o ? Outcome(space, o) : null,
                utility = U(e.Outcome),
                to = e.To >= 0 ? table.Parties[e.To].Name : null,
                issues = e.Issues != 0 ? IssueNames(space, e.Issues) : null,
                accepts = e.Action == NegotiationAction.Tally ? PartyNames(table, e.Accepts) : null,
                rejects = e.Action == NegotiationAction.Tally ? PartyNames(table, e.Rejects) : null,
                note = e.Action == NegotiationAction.Deliver ? null : e.Note,
            }),
            result = result is null ? null : new
            {
                status = StatusName(result.Status),
                agreement = result.Agreement is { } a ? Outcome(space, a) : null,
                utility = principal ? ScenarioJson.Finite(Math.Round(result.UndiscountedUtilities[me], 4)) : null,
                walkedAwayBy = result.WalkedAwayBy >= 0 ? table.Parties[result.WalkedAwayBy].Name : null,
                failure = result.Failure is { } f ? $"{f.PartyName}: {f.Reason}" : null,
            },
            error = view.Error,
            analyst = session.Analyst,
            suggestions = session.Suggestions && engine.Setup.Protocol == "single-text" && !principal,
        };
    }

    /// <summary>The seat's reserved value along normalised time: the curve's points, event times, and a grid.</summary>
    private static object Timeline(Scenario table, int party)
    {
        var times = new SortedSet<double>(Enumerable.Range(0, 51).Select(k => k / 50.0));
        foreach (var p in table.Parties[party].Profile.ReservedValue.Points) times.Add(Math.Clamp(p.Time, 0, 1));
        foreach (var e in table.Timeline.Events)
            if (e is ReservedValueChange c && c.Party == party)
            {
                times.Add(Math.Clamp(c.Time, 0, 1));
                times.Add(Math.Clamp(c.Time + c.RampDuration, 0, 1));
                if (c.Time > 0) times.Add(Math.Max(0, c.Time - 1e-6));
            }
        return times.Select(x => new { t = Math.Round(x, 6), value = ScenarioJson.Finite(Math.Round(Reserved(table, party, x), 4)) });
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
