namespace Parley.Web.Sessions;

/// <summary>How <c>parley serve</c> runs sessions with people at the table (<c>/api/sessions</c>).</summary>
public sealed record SessionSettings
{
    /// <summary>Most live sessions at once (each holds a thread while it runs); more are refused with 429.</summary>
    public int MaxSessions { get; init; } = 64;

    /// <summary>Default time a person's turn may stay unanswered before the seat walks away (or is recorded as abandoned).</summary>
    public TimeSpan SeatTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most rounds a session may ask for.</summary>
    public int MaxRounds { get; init; } = 10_000;

    /// <summary>Most finished sessions kept in memory for their pages and exports (the results database keeps them all).</summary>
    public int KeptSessions { get; init; } = 500;

    /// <summary>A folder of experiment conditions (<c>NAME.yaml</c>): <c>POST /api/sessions</c> with <c>{"condition": NAME}</c> sets a session up from one.</summary>
    public string? ConditionsFolder { get; init; }

    /// <summary>The SQLite results database sessions are recorded in (created if needed); null: see <see cref="PostgresConnection"/>, else in memory only.</summary>
    public string? Database { get; init; }

    /// <summary>A PostgreSQL connection string to record sessions in instead (as <c>parley tournament run --pg</c>).</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxSessions < 1) problems.Add("at least one session must be allowed at a time");
        if (SeatTimeout <= TimeSpan.Zero) problems.Add("the seat timeout must be positive");
        if (MaxRounds < 1) problems.Add("the session round limit must be at least 1");
        if (ConditionsFolder is { } folder && !Directory.Exists(folder)) problems.Add($"--conditions '{folder}': no such folder");
        return problems;
    }
}
