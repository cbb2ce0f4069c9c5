using System.Text.Json;
using Parley.Protocols;
using Parley.Tournaments.Storage;

namespace Parley.Web.Sessions;

/// <summary>
/// Records sessions in the results database (tables <c>human_sessions</c> and <c>human_session_actions</c>, through
/// <see cref="TournamentStore"/>): each session when created, each log item as it happens, the engine's transcript
/// entries as they are observed, and how the session ended. One connection, used under a lock.
/// </summary>
public sealed class SessionRecorder : IDisposable
{
    private readonly object _gate = new();
    private readonly TournamentStore _store;
    private readonly Dictionary<string, (int Seq, int Entries)> _progress = new(StringComparer.Ordinal);

    private SessionRecorder(TournamentStore store) => _store = store;

    /// <summary>The database as the user named it.</summary>
    public string Where => _store.Where;

    /// <summary>A recorder for <paramref name="settings"/>, or null when they name no database.</summary>
    /// <exception cref="StoreException">The database cannot be opened.</exception>
    public static SessionRecorder? Open(SessionSettings settings) =>
        settings.PostgresConnection is { } pg ? new SessionRecorder(TournamentStore.OpenPostgres(pg))
        : settings.Database is { } file ? new SessionRecorder(TournamentStore.OpenSqlite(file))
        : null;

    /// <summary>Stores a new session.</summary>
    public void Created(HumanSession session)
    {
        var setup = session.Engine.Setup;
        var seats = session.Engine.Table.Parties.Select((p, i) => (p.Name, setup.Seats[i])).ToDictionary(x => x.Name, x => x.Item2);
        lock (_gate)
        {
            _store.CreateSession(new StoredSession(session.Id, session.Created, session.ScenarioName, setup.Protocol, session.Condition, setup.Seed, setup.Rounds,
                setup.TimeLimit?.TotalMinutes, JsonSerializer.Serialize(seats)));
            _progress[session.Id] = (0, 0);
        }
    }

    /// <summary>Stores one log item of <paramref name="session"/>.</summary>
    public void Record(HumanSession session, SessionLogItem item)
    {
        lock (_gate)
        {
            var (seq, entries) = _progress.GetValueOrDefault(session.Id);
            _store.AppendSessionActions(session.Id, [new StoredSessionAction(seq, item.At, "person", item.Seat, item.Kind, item.Round, null, Text(item.Outcome),
                item.Action is null ? item.Detail : item.Detail is null ? item.Action : $"{item.Action}: {item.Detail}")]);
            _progress[session.Id] = (seq + 1, entries);
        }
    }

    /// <summary>Stores the transcript entries of <paramref name="session"/> observed since the last call.</summary>
    public void Entries(HumanSession session)
    {
        var observed = session.Engine.Entries();
        var table = session.Engine.Table;
        lock (_gate)
        {
            var (seq, written) = _progress.GetValueOrDefault(session.Id);
            var actions = new List<StoredSessionAction>();
            for (int i = written; i < observed.Count; i++)
            {
                var (entry, at) = observed[i];
                actions.Add(new StoredSessionAction(seq++, at, "engine", entry.Party >= 0 ? table.Parties[entry.Party].Name : "", SessionJson.ActionName(entry.Action), entry.Round + 1, entry.Time,
                    entry.Outcome is { } o ? Text(table.Space.Describe(o)) : null, SessionJson.EntryDetail(entry.Entry, table)));
            }
            _store.AppendSessionActions(session.Id, actions);
            _progress[session.Id] = (seq, observed.Count);
        }
    }

    /// <summary>Stores the remaining entries and how <paramref name="session"/> ended.</summary>
    public void Ended(HumanSession session)
    {
        Entries(session);
        var result = session.Engine.Result;
        lock (_gate)
            _store.EndSession(session.Id, result is null ? "failed" : SessionJson.StatusName(result.Status),
                result?.Agreement is { } a ? Text(session.Engine.Table.Space.Describe(a)) : null, session.Time.GetUtcNow());
    }

    /// <summary>The stored actions of a session (for checks).</summary>
    public IReadOnlyList<StoredSessionAction> Actions(string id) { lock (_gate) return _store.ReadSessionActions(id); }

    /// <summary>How a session stands in the database: its status (null while running) and agreement.</summary>
    public (string? Status, string? Agreement) Stored(string id) { lock (_gate) { var (_, status, agreement) = _store.ReadSession(id); return (status, agreement); } }

    internal static string? Text(IReadOnlyList<KeyValuePair<string, string>>? outcome) =>
        outcome is null ? null : string.Join("; ", outcome.Select(kv => $"{kv.Key}={kv.Value}"));

    public void Dispose() { lock (_gate) _store.Dispose(); }
}
