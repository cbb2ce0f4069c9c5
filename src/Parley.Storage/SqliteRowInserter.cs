using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Tournaments.Storage;

/// <summary>Binds one row's values into a prepared SQLite statement (columns numbered from 0 within the row).</summary>
internal readonly struct SqliteRow(sqlite3_stmt statement, int offset)
{
    public void Integer(int column, long value) => Check(raw.sqlite3_bind_int64(statement, offset + column + 1, value));

    public void Real(int column, double value) => Check(raw.sqlite3_bind_double(statement, offset + column + 1, value));

    public void NullableReal(int column, double? value)
    {
        if (value is { } v) Real(column, v);
        else Null(column);
    }

    public void NullableInteger(int column, int? value)
    {
        if (value is { } v) Integer(column, v);
        else Null(column);
    }

    /// <summary>Binds text as UTF-16 straight from the string (SQLite converts it as it stores it; nothing is allocated here).</summary>
    public void Text(int column, string? value)
    {
        if (value is null) Null(column);
        else Check(raw.sqlite3_bind_text16(statement, offset + column + 1, value.AsSpan()));
    }

    /// <summary>Binds UTF-8 text.</summary>
    public void Utf8(int column, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(statement, offset + column + 1, value));

    /// <summary>Binds a boxed value: null, a whole number, a real number or text.</summary>
    public void Value(int column, object? value)
    {
        switch (value)
        {
            case null: Null(column); break;
            case long l: Integer(column, l); break;
            case int i: Integer(column, i); break;
            case double d: Real(column, d); break;
            case string text: Text(column, text); break;
            default: throw new ArgumentException($"no SQLite type for a {value.GetType().Name} in column {column}", nameof(value));
        }
    }

    public void Null(int column) => Check(raw.sqlite3_bind_null(statement, offset + column + 1));

    private static void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException($"SQLite error {rc} binding a value", rc);
    }
}

/// <summary>Writes one row into <paramref name="row"/>.</summary>
internal delegate void SqliteRowBinder<in T>(SqliteRow row, T item);

/// <summary>
/// Inserts rows into one SQLite table through prepared statements bound by position on the connection's native handle:
/// full chunks of <c>rowsPerStatement</c> rows per statement, the rest one row at a time. Measured on the results tables,
/// this stores a bilateral tournament negotiation (three rows) in about 2.7 µs, against about 10 µs through ADO.NET
/// parameters. Rows that conflict with a stored key are skipped (<c>ON CONFLICT DO NOTHING</c>). Runs inside whatever
/// transaction the connection has open; not thread-safe.
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _many;
    private readonly sqlite3_stmt _one;
    private readonly int _columns;
    private readonly int _rowsPerStatement;

    public SqliteRowInserter(SqliteConnection connection, string table, IReadOnlyList<string> columns, int rowsPerStatement, bool skipConflicts = true)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        _columns = columns.Count;
        _rowsPerStatement = rowsPerStatement;
        _one = Prepare(Sql(table, columns, 1, skipConflicts));
        _many = Prepare(Sql(table, columns, rowsPerStatement, skipConflicts));
    }

    /// <summary>Inserts one row per item of <paramref name="items"/>, bound by <paramref name="bind"/>.</summary>
    public void Insert<T>(IReadOnlyList<T> items, SqliteRowBinder<T> bind)
    {
        int i = 0;
        for (; i + _rowsPerStatement <= items.Count; i += _rowsPerStatement)
        {
            for (int r = 0; r < _rowsPerStatement; r++) bind(new SqliteRow(_many, r * _columns), items[i + r]);
            Step(_many);
        }
        for (; i < items.Count; i++)
        {
            bind(new SqliteRow(_one, 0), items[i]);
            Step(_one);
        }
    }

    private static string Sql(string table, IReadOnlyList<string> columns, int rows, bool skipConflicts)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        string row = "(" + string.Join(", ", Enumerable.Repeat("?", columns.Count)) + ")";
        for (int r = 0; r < rows; r++) sql.Append(r == 0 ? row : ", " + row);
        return (skipConflicts ? sql.Append(" ON CONFLICT DO NOTHING") : sql).ToString();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        int rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        return statement;
    }

    private void Step(sqlite3_stmt statement)
    {
        int rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }
}
