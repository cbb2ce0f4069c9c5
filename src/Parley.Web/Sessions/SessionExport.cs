using System.Globalization;
using Parley.Protocols;
using Parley.Protocols.Interactive;

namespace Parley.Web.Sessions;

/// <summary>The experimenter's record of a session (GET /api/sessions/{id}/export): JSON, or CSV with one row per thing that happened.</summary>
internal static class SessionExport
{
    public static object Json(HumanSession session)
    {
        var engine = session.Engine;
        var table = engine.Table;
        var space = table.Space;
        var setup = engine.Setup;
        var result = engine.Result;
        return new
        {
            id = session.Id,
            scenario = session.ScenarioName,
            protocol = setup.Protocol,
            condition = session.Condition,
            seed = setup.Seed,
            rounds = setup.Rounds,
            minutes = setup.TimeLimit?.TotalMinutes,
            seatTimeoutSeconds = setup.SeatTimeout.TotalSeconds,
            analyst = session.Analyst,
            created = session.Created.ToString("O", CultureInfo.InvariantCulture),
            seats = table.Parties.Select((p, i) => new
            {
                party = p.Name,
                role = p.Role == Parley.Scenarios.PartyRole.Principal ? "principal" : "mediator",
                seat = setup.Seats[i],
                claimed = session.Seats.FirstOrDefault(s => s.Party == i)?.Claimed,
            }),
            status = result is null ? (engine.IsOver ? "failed" : "running") : SessionJson.StatusName(result.Status),
            agreement = result?.Agreement is { } a ? SessionJson.Outcome(space, a) : null,
            utilities = result is null ? null : table.Parties.Select((p, i) => new { party = p.Name, utility = Api.ScenarioJson.Finite(result.UndiscountedUtilities[i]) }),
            failure = result?.Failure is { } f ? $"{f.PartyName}: {f.Reason}" : null,
            transcript = engine.Entries().Select(x => new
            {
                at = x.At.ToString("O", CultureInfo.InvariantCulture),
                step = x.Entry.Step,
                round = x.Entry.Round + 1,
                t = x.Entry.Time,
                party = x.Entry.Party >= 0 ? table.Parties[x.Entry.Party].Name : null,
                action = SessionJson.ActionName(x.Entry.Action),
                outcome = x.Entry.Outcome is { } o ? SessionJson.Outcome(space, o) : null,
                utilities = x.Entry.Outcome is null ? null : x.Entry.Utilities.ToArray().Select(u => Api.ScenarioJson.Finite(u)),
                to = x.Entry.Entry.To >= 0 ? table.Parties[x.Entry.Entry.To].Name : null,
                issues = x.Entry.Entry.Issues != 0 ? SessionJson.IssueNames(space, x.Entry.Entry.Issues) : null,
                accepts = x.Entry.Action == NegotiationAction.Tally ? SessionJson.PartyNames(table, x.Entry.Entry.Accepts) : null,
                rejects = x.Entry.Action == NegotiationAction.Tally ? SessionJson.PartyNames(table, x.Entry.Entry.Rejects) : null,
                note = x.Entry.Entry.Note,
            }),
            moves = session.Seats.ToDictionary(s => s.Name, s => engine.Moves(s.Party).Select(m => Move(session, m))),
            log = session.LogItems().Select(l => new
            {
                at = l.At.ToString("O", CultureInfo.InvariantCulture),
                seat = l.Seat,
                kind = l.Kind,
                action = l.Action,
                round = l.Round,
                outcome = l.Outcome?.ToDictionary(kv => kv.Key, kv => kv.Value),
                detail = l.Detail,
            }),
        };
    }

    /// <summary>A person's move in the words of the actions API (what a replay feeds back).</summary>
    public static object Move(HumanSession session, SeatMove m)
    {
        var table = session.Engine.Table;
        return new
        {
            action = m.Action == NegotiationAction.Fail ? "abandoned" : SessionJson.ActionName(m.Action),
            outcome = m.Outcome is { } o ? SessionJson.Outcome(table.Space, o) : null,
            to = m.To >= 0 ? table.Parties[m.To].Name : null,
            issues = m.Issues != 0 ? SessionJson.IssueNames(table.Space, m.Issues) : null,
            basis = m.Basis is { } b ? SessionJson.Outcome(table.Space, b) : null,
        };
    }

    /// <summary>One CSV row per log item and per transcript entry, in time order; utilities per party for the entries.</summary>
    public static void Csv(HumanSession session, TextWriter writer)
    {
        var engine = session.Engine;
        var table = engine.Table;
        var parties = table.Parties.Select(p => p.Name).ToArray();
        writer.Write("at,source,seat,kind,round,t,outcome,detail");
        foreach (var p in parties) writer.Write("," + Field("utility_" + p));
        writer.Write('\n');
        var rows = new List<(DateTimeOffset At, int Order, string Line)>();
        int order = 0;
        foreach (var l in session.LogItems())
            rows.Add((l.At, order++, string.Join(',', Stamp(l.At), "person", Field(l.Seat), Field(l.Kind + (l.Action is null ? "" : ":" + l.Action)),
                l.Round?.ToString(CultureInfo.InvariantCulture) ?? "", "", Field(SessionRecorder.Text(l.Outcome)), Field(l.Detail)) + new string(',', parties.Length)));
        foreach (var (entry, at) in engine.Entries())
        {
            var u = entry.Outcome is null ? [] : entry.Utilities.ToArray();
            rows.Add((at, order++, string.Join(',', Stamp(at), "engine", Field(entry.Party >= 0 ? parties[entry.Party] : ""), SessionJson.ActionName(entry.Action),
                (entry.Round + 1).ToString(CultureInfo.InvariantCulture), entry.Time.ToString("R", CultureInfo.InvariantCulture),
                Field(entry.Outcome is { } o ? SessionRecorder.Text(table.Space.Describe(o)) : null), Field(SessionJson.EntryDetail(entry.Entry, table)))
                + string.Concat(Enumerable.Range(0, parties.Length).Select(i => "," + (i < u.Length && double.IsFinite(u[i]) ? u[i].ToString("R", CultureInfo.InvariantCulture) : "")))));
        }
        foreach (var row in rows.OrderBy(r => r.At).ThenBy(r => r.Order)) writer.Write(row.Line + "\n");
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A CSV field: quoted when needed, and a leading =, +, - or @ neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
