using System.Collections;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Agents.Negotiators;
using Parley.Protocols;

namespace Parley.Tournaments.Storage;

/// <summary>A tournament as stored: its id and what is needed to prepare it again.</summary>
/// <param name="Id">Tournament id.</param>
/// <param name="Name">Display name.</param>
/// <param name="SpecFile">The tournament file it was started from (relative paths resolve against its folder).</param>
/// <param name="SpecText">The file's text at the start.</param>
/// <param name="NegotiationCount">Negotiations in the plan.</param>
/// <param name="Completed">Negotiations with a result.</param>
public sealed record StoredTournament(long Id, string Name, string SpecFile, string SpecText, int NegotiationCount, int Completed);

/// <summary>
/// The results database (schema in <c>schema.sql</c>, documented in docs/tournaments.md): SQLite (one file, WAL) or
/// PostgreSQL (by connection string), same tables. Results are written by <see cref="SqliteResultWriter"/> or
/// <see cref="PostgresResultWriter"/>, one transaction per batch; a result row is keyed by (tournament, negotiation), so
/// a negotiation is recorded at most once. Not thread-safe: one store per thread.
/// </summary>
public sealed partial class TournamentStore : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly DbConnection _connection;
    private readonly bool _postgres;
    private IResultWriter? _writer;

    private TournamentStore(DbConnection connection, bool postgres, string where)
    {
        _connection = connection;
        _postgres = postgres;
        Where = where;
    }

    /// <summary>The database as the user named it (file path, or PostgreSQL host and database).</summary>
    public string Where { get; }

    /// <summary>Opens (creating if needed) the SQLite database file <paramref name="path"/> in WAL mode.</summary>
    public static TournamentStore OpenSqlite(string path) => OpenSqlite(path, readOnly: false);

    /// <summary>
    /// Opens the SQLite database file <paramref name="path"/>: for reading only (<paramref name="readOnly"/>: the file is
    /// never written, so a read-only file or folder will do, and a file without Parley's tables is refused rather than
    /// given them), or for writing (created if needed, WAL mode, tables created if missing).
    /// </summary>
    public static TournamentStore OpenSqlite(string path, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        try
        {
            return OpenSqlite(full, readOnly, immutable: false);
        }
        catch (StoreException e) when (readOnly && e.InnerException is SqliteException { SqliteErrorCode: 8 or 14 })
        {
            // A database in WAL mode needs its shared-memory file to be read; where neither exists nor can be made (a
            // read-only folder or file), read the file as it stands.
            return OpenSqlite(full, readOnly, immutable: true);
        }
    }

    private static TournamentStore OpenSqlite(string full, bool readOnly, bool immutable)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full, Pooling = false };
        if (readOnly) builder.Mode = SqliteOpenMode.ReadOnly;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new TournamentStore(connection, false, full);
            if (readOnly)
            {
                store.Execute("PRAGMA busy_timeout=10000;");
                store.CheckSchema();
            }
            else
            {
                store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
                store.EnsureSchema();
            }
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Damaged(full, e) ?? new StoreException($"{full}: cannot be opened as a Parley results database: {e.Message}", e);
        }
        catch (StoreException)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>For an error that says the file is damaged or not a database at all: the message that says so; else null.</summary>
    private static StoreException? Damaged(string where, SqliteException e) => e.SqliteErrorCode switch
    {
        11 => new StoreException($"{where}: the database is damaged ({e.Message}); nothing was changed. Restore it from a copy, or save what it still holds with 'sqlite3 {where} .recover'", e),
        26 => new StoreException($"{where}: cannot be opened as a Parley results database: it is not a SQLite file ({e.Message}); expected the file 'parley tournament run' wrote", e),
        _ => null,
    };

    /// <summary>Runs a read, turning a damaged SQLite file into a <see cref="StoreException"/> naming it.</summary>
    private T Reading<T>(Func<T> read)
    {
        try { return read(); }
        catch (SqliteException e) when (Damaged(Where, e) is { } damaged)
        {
            throw damaged;
        }
    }

    /// <summary>Checks, without writing, that the tables are there and not newer than this Parley.</summary>
    private void CheckSchema()
    {
        string exists = _postgres ? "SELECT to_regclass('parley_schema') IS NOT NULL" : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'parley_schema'";
        if (Scalar(exists, null) is not (true or 1L))
            throw new StoreException($"{Where}: holds no Parley results (no Parley tables); expected a database written by 'parley tournament run'");
        long? version = Scalar("SELECT MAX(version) FROM parley_schema", null) is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
        if (version > SchemaVersion) throw new StoreException($"{Where}: schema version {version} is newer than this Parley understands ({SchemaVersion}); update Parley");
    }

    /// <summary>Opens the PostgreSQL database of <paramref name="connectionString"/> (e.g. <c>Host=localhost;Username=parley;Password=…;Database=parley</c>) and creates the tables if needed.</summary>
    public static TournamentStore OpenPostgres(string connectionString) => OpenPostgres(connectionString, readOnly: false);

    /// <summary>Opens the PostgreSQL database of <paramref name="connectionString"/>; <paramref name="readOnly"/> creates nothing (reading needs only SELECT).</summary>
    public static TournamentStore OpenPostgres(string connectionString, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new StoreException($"--pg: not a PostgreSQL connection string ({e.Message}); expected e.g. \"Host=localhost;Username=parley;Password=secret;Database=parley\"", e); }
        string where = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            var store = new TournamentStore(connection, true, where);
            if (readOnly) store.CheckSchema();
            else store.EnsureSchema();
            return store;
        }
        catch (StoreException)
        {
            connection.Dispose();
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            connection.Dispose();
            throw new StoreException($"{where}: cannot be opened: {e.Message}", e);
        }
    }

    private void EnsureSchema()
    {
        using var stream = typeof(TournamentStore).Assembly.GetManifestResourceStream("Parley.Tournaments.Storage.schema.sql")!;
        string sql = string.Join('\n', new StreamReader(stream).ReadToEnd().Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        using var tx = _connection.BeginTransaction();
        if (_postgres) Execute("SELECT pg_advisory_xact_lock(727272)", tx);
        foreach (var statement in sql.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            Execute(statement, tx);
        Execute((_postgres ? "CREATE OR REPLACE VIEW" : "CREATE VIEW IF NOT EXISTS") + """
             negotiation_status AS
            SELECT n.tournament_id, n.negotiation_index, n.scenario_index, n.rotation, n.repetition, n.seed,
                   COALESCE(r.status, 'pending') AS status
            FROM negotiations n LEFT JOIN results r
              ON r.tournament_id = n.tournament_id AND r.negotiation_index = n.negotiation_index
            """, tx);
        long? version = Scalar("SELECT MAX(version) FROM parley_schema", tx) is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
        if (version is null) Execute($"INSERT INTO parley_schema (version) VALUES ({SchemaVersion})", tx);
        else if (version > SchemaVersion) throw new StoreException($"{Where}: schema version {version} is newer than this Parley understands ({SchemaVersion}); update Parley");
        tx.Commit();
    }

    /// <summary>Stores a new tournament and its whole plan (negotiations and seats) in one transaction; returns its id.</summary>
    public long Create(PreparedTournament tournament)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        var spec = tournament.Spec;
        using var tx = _connection.BeginTransaction();
        if (_postgres) Execute("LOCK TABLE tournaments IN EXCLUSIVE MODE", tx);
        long id = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM tournaments", tx), CultureInfo.InvariantCulture);
        Insert("tournaments", ["id", "name", "spec_file", "spec_text", "protocol", "seed", "repetitions", "rotate_roles", "self_play", "negotiation_count", "created_utc"],
            [[id, spec.Name, spec.File, spec.Text, spec.Protocol.Name, (long)spec.Seed, spec.Repetitions, spec.RotateRoles ? 1 : 0, spec.SelfPlay ? 1 : 0, tournament.Count,
              TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)]]);
        Insert("negotiators", ["tournament_id", "negotiator_index", "name", "source", "parameters"],
            spec.Negotiators.Select((n, i) => new object?[] { id, i, n.Name, n.Source, JsonSerializer.Serialize(n.Parameters) }));
        Insert("scenarios", ["tournament_id", "scenario_index", "name", "path", "party_count"],
            spec.Scenarios.Select((s, i) => new object?[] { id, i, s.Name, s.Path, tournament.Scenarios[i].Parties.Length }));
        var plan = Enumerable.Range(0, tournament.Count).Select(i => tournament[i]);
        Insert("negotiations", ["tournament_id", "negotiation_index", "scenario_index", "rotation", "repetition", "seed"],
            plan.Select(p => new object?[] { id, p.Index, p.Scenario, p.Rotation, p.Repetition, (long)p.Seed }));
        Insert("seats", ["tournament_id", "negotiation_index", "seat", "party", "negotiator_index"],
            plan.SelectMany(p => p.Seats.Select((n, seat) => new object?[] { id, p.Index, seat, tournament.Table(p).Parties[seat].Name, n })));
        tx.Commit();
        return id;
    }

    /// <summary>The tournament <paramref name="id"/>, or the most recent one when null; null when there is none.</summary>
    public StoredTournament? Find(long? id = null) => Reading(() => FindStored(id));

    private StoredTournament? FindStored(long? id)
    {
        using var command = Command(
            "SELECT t.id, t.name, t.spec_file, t.spec_text, t.negotiation_count, (SELECT COUNT(*) FROM results r WHERE r.tournament_id = t.id) FROM tournaments t "
            + (id is null ? "ORDER BY t.id DESC LIMIT 1" : "WHERE t.id = @id"), null);
        if (id is not null) Add(command, "@id", id.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new StoredTournament(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Claims tournament <paramref name="id"/> for running until the claim is disposed, so two processes never run (and
    /// store) the same pending negotiations: a PostgreSQL session advisory lock, or, for SQLite, an exclusive lock on
    /// <c>FILE.tournament-ID.lock</c> next to the database. Either lock dies with its process, so a killed run leaves
    /// nothing to clean up. Throws <see cref="StoreException"/> when another process holds it.
    /// </summary>
    public IDisposable Claim(long id)
    {
        string busy = $"{Where}: tournament {id} is being run by another process";
        if (_postgres)
        {
            using (var command = Command("SELECT pg_try_advisory_lock(727273, @id)", null))
            {
                Add(command, "@id", checked((int)id));
                if (command.ExecuteScalar() is not true) throw new StoreException($"{busy}; wait for it to end (or stop it), then resume");
            }
            return new Release(() =>
            {
                using var command = Command("SELECT pg_advisory_unlock(727273, @id)", null);
                Add(command, "@id", checked((int)id));
                command.ExecuteScalar();
            });
        }
        string path = $"{Where}.tournament-{id}.lock";
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(path))
        {
            string holder = "";
            try { holder = File.ReadAllText(path).Trim(); } catch (IOException) { }
            throw new StoreException($"{busy}{(holder.Length > 0 ? $" ({holder})" : "")}; wait for it to end (or stop it), then resume", e);
        }
        file.SetLength(0);
        file.Write(System.Text.Encoding.UTF8.GetBytes($"process {Environment.ProcessId} on {Environment.MachineName}\n"));
        file.Flush();
        return new Release(() =>
        {
            try { File.Delete(path); } catch (IOException) { }
            file.Dispose();
        });
    }

    private sealed class Release(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }

    /// <summary>Plan indices of tournament <paramref name="id"/> that have no result yet, ascending.</summary>
    public IReadOnlyList<int> Pending(long id, int count) => Reading(() => FindPending(id, count));

    private List<int> FindPending(long id, int count)
    {
        var done = new BitArray(count);
        using (var command = Command("SELECT negotiation_index FROM results WHERE tournament_id = @id", null))
        {
            Add(command, "@id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int i = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                if ((uint)i < (uint)count) done[i] = true;
            }
        }
        var pending = new List<int>();
        for (int i = 0; i < count; i++) if (!done[i]) pending.Add(i);
        return pending;
    }

    /// <summary>Stores <paramref name="records"/> of tournament <paramref name="id"/> in one transaction; a record already stored is left as it is.</summary>
    public void Write(long id, IReadOnlyList<NegotiationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return;
        _writer ??= _postgres ? new PostgresResultWriter((NpgsqlConnection)_connection) : new SqliteResultWriter((SqliteConnection)_connection);
        _writer.Write(id, records);
    }

    /// <summary>
    /// Copies what the write-ahead log still holds into the database file and empties the log (SQLite; nothing to do for
    /// PostgreSQL), so that the file alone holds every result. The results writer calls this at the end of a run, as
    /// part of the database's time.
    /// </summary>
    public void Checkpoint()
    {
        if (_postgres) return;
        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>Every stored result of tournament <paramref name="id"/> with its configuration, by negotiation index.</summary>
    public StoredResults ReadResults(long id) => Reading(() => ReadStoredResults(id));

    private StoredResults ReadStoredResults(long id)
    {
        var negotiators = Strings("SELECT name FROM negotiators WHERE tournament_id = @id ORDER BY negotiator_index", id);
        var scenarios = Strings("SELECT name FROM scenarios WHERE tournament_id = @id ORDER BY scenario_index", id);
        var rows = new List<StoredResult>();
        using (var command = Command("""
            SELECT n.negotiation_index, n.scenario_index, r.status, r.welfare, r.distance_to_pareto, r.distance_to_nash, r.failure_kind, r.failure_seat, r.failure_reason
            FROM results r JOIN negotiations n ON n.tournament_id = r.tournament_id AND n.negotiation_index = r.negotiation_index
            WHERE r.tournament_id = @id ORDER BY n.negotiation_index
            """, null))
        {
            Add(command, "@id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(new StoredResult(Int(reader, 0), Int(reader, 1), ParseStatus(reader.GetString(2)), reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : Int(reader, 7), reader.IsDBNull(8) ? null : reader.GetString(8), []));
        }
        var seats = new Dictionary<int, List<(int Negotiator, double Utility)>>();
        using (var command = Command("""
            SELECT u.negotiation_index, s.negotiator_index, u.utility
            FROM result_utilities u JOIN seats s ON s.tournament_id = u.tournament_id AND s.negotiation_index = u.negotiation_index AND s.seat = u.seat
            WHERE u.tournament_id = @id ORDER BY u.negotiation_index, u.seat
            """, null))
        {
            Add(command, "@id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int n = Int(reader, 0);
                if (!seats.TryGetValue(n, out var list)) seats[n] = list = [];
                list.Add((Int(reader, 1), reader.GetDouble(2)));
            }
        }
        var models = new Dictionary<int, List<ModelAccuracyRecord>>();
        string modelsExist = _postgres ? "SELECT to_regclass('result_models') IS NOT NULL" : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'result_models'";
        if (Scalar(modelsExist, null) is true or 1L) // databases written before opponent-model measures lack the table
        {
            using var command = Command("SELECT negotiation_index, seat, pearson, kendall, pareto_error FROM result_models WHERE tournament_id = @id ORDER BY negotiation_index, seat", null);
            Add(command, "@id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int n = Int(reader, 0);
                if (!models.TryGetValue(n, out var list)) models[n] = list = [];
                list.Add(new ModelAccuracyRecord(Int(reader, 1), reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4)));
            }
        }
        for (int i = 0; i < rows.Count; i++)
            rows[i] = rows[i] with
            {
                Seats = seats.TryGetValue(rows[i].Index, out var l) ? [.. l] : [],
                Models = models.TryGetValue(rows[i].Index, out var m) ? [.. m] : [],
            };
        return new StoredResults(negotiators, scenarios, rows);
    }

    /// <summary>Counts rows of <paramref name="table"/> for tournament <paramref name="id"/> (for checks and tests).</summary>
    public long Count(long id, string table)
    {
        if (table is not ("results" or "result_utilities" or "result_models" or "negotiations" or "seats")) throw new ArgumentException($"unknown table '{table}'", nameof(table));
        using var command = Command($"SELECT COUNT(*) FROM {table} WHERE tournament_id = @id", null);
        Add(command, "@id", id);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Text of a status in the <c>results.status</c> column.</summary>
    public static string StatusText(NegotiationStatus status) => status switch
    {
        NegotiationStatus.Agreed => "agreed",
        NegotiationStatus.Deadline => "deadline",
        NegotiationStatus.WalkedAway => "walked_away",
        _ => "failed",
    };

    private static NegotiationStatus ParseStatus(string text) => text switch
    {
        "agreed" => NegotiationStatus.Agreed,
        "deadline" => NegotiationStatus.Deadline,
        "walked_away" => NegotiationStatus.WalkedAway,
        _ => NegotiationStatus.Failed,
    };

    private static int Int(DbDataReader reader, int column) => Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);

    private List<string> Strings(string sql, long id)
    {
        using var command = Command(sql, null);
        Add(command, "@id", id);
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }

    // Plan rows: binary COPY on PostgreSQL, prepared multi-row statements on SQLite (both inside the open transaction).
    private void Insert(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        if (_postgres)
        {
            Copy(table, columns, rows);
            return;
        }
        using var inserter = new SqliteRowInserter((SqliteConnection)_connection, table, columns, 16, skipConflicts: false);
        inserter.Insert(rows.ToList(), static (row, values) =>
        {
            for (int c = 0; c < values.Length; c++) row.Value(c, values[c]);
        });
    }

    // PostgreSQL: a plan of a million rows goes in by binary COPY (inside the open transaction) in seconds, where
    // parameterised INSERTs would take minutes of server-side parsing.
    private void Copy(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        using var copy = ((NpgsqlConnection)_connection).BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            copy.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: copy.WriteNull(); break;
                    case long l: copy.Write(l, NpgsqlTypes.NpgsqlDbType.Bigint); break;
                    case int i: copy.Write(i, NpgsqlTypes.NpgsqlDbType.Integer); break;
                    case double d: copy.Write(d, NpgsqlTypes.NpgsqlDbType.Double); break;
                    case string text: copy.Write(text, NpgsqlTypes.NpgsqlDbType.Text); break;
                    default: throw new ArgumentException($"no COPY type for a {value.GetType().Name} in {table}", nameof(rows));
                }
            }
        }
        copy.Complete();
    }

    private DbCommand Command(string sql, DbTransaction? tx)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private void Execute(string sql, DbTransaction? tx = null)
    {
        using var command = Command(sql, tx);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, DbTransaction? tx)
    {
        using var command = Command(sql, tx);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _connection.Dispose();
    }
}

/// <summary>A database that cannot be opened or used; the message is for the user.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One stored result with the negotiator and utility of each seat (seat order) and the accuracy of the seats' opponent models.</summary>
public sealed record StoredResult(
    int Index, int Scenario, NegotiationStatus Status, double Welfare, double? DistanceToPareto, double? DistanceToNash,
    string? FailureKind, int? FailureSeat, string? FailureReason, IReadOnlyList<(int Negotiator, double Utility)> Seats,
    IReadOnlyList<ModelAccuracyRecord>? Models = null);

/// <summary>Every stored result of one tournament, with the names of its negotiators and scenarios (by index).</summary>
public sealed record StoredResults(IReadOnlyList<string> Negotiators, IReadOnlyList<string> Scenarios, IReadOnlyList<StoredResult> Results);
