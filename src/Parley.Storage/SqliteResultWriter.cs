using Microsoft.Data.Sqlite;
using Parley.Protocols;

namespace Parley.Tournaments.Storage;

/// <summary>
/// SQLite results: positional binding on prepared multi-row statements kept for the connection's lifetime (through
/// ADO.NET parameters a bilateral negotiation's three rows cost about 10 µs; this way about 3 µs). The seat rows of a
/// batch are listed into a reused list.
/// </summary>
internal sealed class SqliteResultWriter(SqliteConnection connection) : IResultWriter
{
    private readonly SqliteRowInserter _results = new(connection, "results", ResultColumns.Results, 16);
    private readonly SqliteRowInserter _utilities = new(connection, "result_utilities", ResultColumns.Utilities, 32);
    private readonly SqliteRowInserter _models = new(connection, "result_models", ResultColumns.Models, 32);
    private readonly List<(NegotiationRecord Record, int Seat)> _seats = [];
    private readonly List<(int Index, ModelAccuracyRecord Model)> _modelRows = [];
    private SqliteRowBinder<NegotiationRecord>? _bindResult;
    private SqliteRowBinder<(NegotiationRecord, int)>? _bindUtility;
    private SqliteRowBinder<(int, ModelAccuracyRecord)>? _bindModel;
    private long _tournament;

    // results.status as UTF-8, by status: bound without converting a string per row.
    private static readonly byte[][] StatusUtf8 =
        [.. Enum.GetValues<NegotiationStatus>().OrderBy(s => (int)s).Select(s => System.Text.Encoding.UTF8.GetBytes(TournamentStore.StatusText(s)))];

    public void Write(long id, IReadOnlyList<NegotiationRecord> records)
    {
        _tournament = id;
        using var tx = connection.BeginTransaction();
        _results.Insert(records, _bindResult ??= BindResult);
        _seats.Clear();
        foreach (var r in records)
            for (int seat = 0; seat < r.Utilities.Length; seat++) _seats.Add((r, seat));
        _utilities.Insert(_seats, _bindUtility ??= BindUtility);
        _modelRows.Clear();
        foreach (var r in records)
            if (!r.ModelAccuracy.IsDefaultOrEmpty)
                foreach (var m in r.ModelAccuracy) _modelRows.Add((r.Index, m));
        if (_modelRows.Count > 0) _models.Insert(_modelRows, _bindModel ??= BindModel);
        tx.Commit();
    }

    private void BindResult(SqliteRow row, NegotiationRecord r)
    {
        row.Integer(0, _tournament);
        row.Integer(1, r.Index);
        row.Utf8(2, StatusUtf8[(int)r.Status]);
        row.Text(3, r.Agreement);
        row.Integer(4, r.Rounds);
        row.Integer(5, r.Steps);
        row.Real(6, r.EndTime);
        row.Real(7, r.Welfare);
        row.NullableReal(8, r.DistanceToPareto);
        row.NullableReal(9, r.DistanceToNash);
        row.Text(10, r.FailureKind);
        row.NullableInteger(11, r.FailureSeat);
        row.Text(12, r.FailureReason);
        row.Real(13, r.ElapsedMs);
    }

    private void BindUtility(SqliteRow row, (NegotiationRecord Record, int Seat) s)
    {
        row.Integer(0, _tournament);
        row.Integer(1, s.Record.Index);
        row.Integer(2, s.Seat);
        row.Real(3, s.Record.Utilities[s.Seat]);
        row.Real(4, s.Record.UndiscountedUtilities[s.Seat]);
    }

    private void BindModel(SqliteRow row, (int Index, ModelAccuracyRecord Model) m)
    {
        row.Integer(0, _tournament);
        row.Integer(1, m.Index);
        row.Integer(2, m.Model.Seat);
        row.NullableReal(3, m.Model.Pearson);
        row.NullableReal(4, m.Model.Kendall);
        row.NullableReal(5, m.Model.ParetoError);
    }

    public void Dispose()
    {
        _results.Dispose();
        _utilities.Dispose();
        _models.Dispose();
    }
}
