using Parley.Tournaments.Storage;

namespace Parley.Tests.Tournaments;

/// <summary>
/// The databases the store tests run against: SQLite always; PostgreSQL when the environment variable
/// <see cref="PostgresVariable"/> holds a connection string (.ci/run starts a server and sets it).
/// </summary>
public static class Databases
{
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (Postgres is not null) data.Add("postgres");
        return data;
    }

    public static TournamentStore Open(string kind, TempFolder folder) =>
        kind == "postgres" ? TournamentStore.OpenPostgres(Postgres!) : TournamentStore.OpenSqlite(Path.Combine(folder.Path, "results.db"));
}

/// <summary>A fact that runs only when a PostgreSQL server is configured, and shows as skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Databases.Postgres is null) Skip = $"no PostgreSQL: set {Databases.PostgresVariable} to a connection string (.ci/run does)";
    }
}
