using System.Globalization;

namespace Parley.Tournaments.Storage;

/// <summary>A session with people at the table as stored (table <c>human_sessions</c>).</summary>
/// <param name="Id">Session id.</param>
/// <param name="CreatedUtc">When it was created.</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Protocol">Protocol name.</param>
/// <param name="Condition">The experiment condition it was set up from, or null.</param>
/// <param name="Seed">Seed of the agents.</param>
/// <param name="Rounds">Deadline in rounds, or null.</param>
/// <param name="Minutes">Wall-clock deadline in minutes, or null.</param>
/// <param name="Seats">JSON object: party → "human" or negotiator name.</param>
public sealed record StoredSession(string Id, DateTimeOffset CreatedUtc, string Scenario, string Protocol, string? Condition, int Seed, int? Rounds, double? Minutes, string Seats);

/// <summary>One thing that happened in a session (table <c>human_session_actions</c>).</summary>
/// <param name="Seq">Order within the session (0, 1, …).</param>
/// <param name="AtUtc">Wall-clock time.</param>
/// <param name="Source">"person" (claims, views, edits, moves, refusals) or "engine" (transcript entries).</param>
/// <param name="Seat">Party concerned, or "" for the session.</param>
/// <param name="Kind">What happened (for the engine: the transcript action).</param>
/// <param name="Round">Round (numbered from 1, as every output), if known.</param>
/// <param name="Time">Normalised time t, for engine entries.</param>
/// <param name="Outcome">The outcome concerned as "issue=value; …", or null.</param>
/// <param name="Detail">Free text, or null.</param>
public sealed record StoredSessionAction(int Seq, DateTimeOffset AtUtc, string Source, string Seat, string Kind, int? Round, double? Time, string? Outcome, string? Detail);

public sealed partial class TournamentStore
{
    /// <summary>Stores a new session.</summary>
    public void CreateSession(StoredSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var command = Command("""
            INSERT INTO human_sessions (id, created_utc, scenario, protocol, condition_name, seed, rounds, minutes, seats)
            VALUES (@id, @created, @scenario, @protocol, @condition, @seed, @rounds, @minutes, @seats)
            """, null);
        Add(command, "@id", session.Id);
        Add(command, "@created", session.CreatedUtc.ToString("O", CultureInfo.InvariantCulture));
        Add(command, "@scenario", session.Scenario);
        Add(command, "@protocol", session.Protocol);
        Add(command, "@condition", (object?)session.Condition ?? DBNull.Value);
        Add(command, "@seed", (long)session.Seed);
        Add(command, "@rounds", session.Rounds is { } r ? r : DBNull.Value);
        Add(command, "@minutes", session.Minutes is { } m ? m : DBNull.Value);
        Add(command, "@seats", session.Seats);
        command.ExecuteNonQuery();
    }

    /// <summary>Appends <paramref name="actions"/> of session <paramref name="id"/> in one transaction.</summary>
    public void AppendSessionActions(string id, IReadOnlyList<StoredSessionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0) return;
        using var tx = _connection.BeginTransaction();
        foreach (var a in actions)
        {
            using var command = Command("""
                INSERT INTO human_session_actions (session_id, seq, at_utc, source, seat, kind, round, t, outcome, detail)
                VALUES (@id, @seq, @at, @source, @seat, @kind, @round, @t, @outcome, @detail)
                """, tx);
            Add(command, "@id", id);
            Add(command, "@seq", a.Seq);
            Add(command, "@at", a.AtUtc.ToString("O", CultureInfo.InvariantCulture));
            Add(command, "@source", a.Source);
            Add(command, "@seat", a.Seat);
            Add(command, "@kind", a.Kind);
            Add(command, "@round", a.Round is { } r ? r : DBNull.Value);
            Add(command, "@t", a.Time is { } t ? t : DBNull.Value);
            Add(command, "@outcome", (object?)a.Outcome ?? DBNull.Value);
            Add(command, "@detail", (object?)a.Detail ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Records how session <paramref name="id"/> ended.</summary>
    public void EndSession(string id, string status, string? agreement, DateTimeOffset at)
    {
        using var command = Command("UPDATE human_sessions SET status = @status, agreement = @agreement, ended_utc = @at WHERE id = @id", null);
        Add(command, "@status", status);
        Add(command, "@agreement", (object?)agreement ?? DBNull.Value);
        Add(command, "@at", at.ToString("O", CultureInfo.InvariantCulture));
        Add(command, "@id", id);
        command.ExecuteNonQuery();
    }

    /// <summary>The stored status of session <paramref name="id"/> (null while running), or throws when there is no such session.</summary>
    public (StoredSession Session, string? Status, string? Agreement) ReadSession(string id)
    {
        using var command = Command("SELECT id, created_utc, scenario, protocol, condition_name, seed, rounds, minutes, seats, status, agreement FROM human_sessions WHERE id = @id", null);
        Add(command, "@id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) throw new StoreException($"{Where}: no session '{id}'");
        var session = new StoredSession(reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
            reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.GetString(8));
        return (session, reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10));
    }

    /// <summary>Every stored action of session <paramref name="id"/>, in order.</summary>
    public IReadOnlyList<StoredSessionAction> ReadSessionActions(string id)
    {
        using var command = Command("SELECT seq, at_utc, source, seat, kind, round, t, outcome, detail FROM human_session_actions WHERE session_id = @id ORDER BY seq", null);
        Add(command, "@id", id);
        using var reader = command.ExecuteReader();
        var list = new List<StoredSessionAction>();
        while (reader.Read())
            list.Add(new StoredSessionAction(Int(reader, 0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : Int(reader, 5), reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        return list;
    }
}
