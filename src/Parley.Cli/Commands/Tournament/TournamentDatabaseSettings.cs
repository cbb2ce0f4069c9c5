using System.ComponentModel;
using Parley.Tournaments.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands.Tournament;

/// <summary>Where tournament results live: a SQLite file or a PostgreSQL connection string.</summary>
public class TournamentDatabaseSettings : CommandSettings
{
    [CommandOption("--pg <CONNECTION>")]
    [Description("Store results in PostgreSQL instead of SQLite, e.g. \"Host=localhost;Username=parley;Password=secret;Database=parley\".")]
    public string? Postgres { get; init; }

    [CommandOption("--cluster <CONNECTION>")]
    [Description("The PostgreSQL of an Orleans cluster of 'parley silo' workers: results are stored there and, for run and resume, the negotiations run on the cluster's silos (docs/cluster.md).")]
    public string? Cluster { get; init; }

    /// <summary>The PostgreSQL connection string, from --pg or --cluster.</summary>
    internal string? PostgresConnection => Postgres ?? Cluster;

    /// <summary>The tournament asked for; null for the most recent one.</summary>
    internal virtual long? TournamentId => null;

    /// <summary>The SQLite file <c>tournament run</c> writes, and <c>resume</c> and <c>report</c> read, when none is given.</summary>
    internal const string DefaultSqliteFile = "results.db";

    /// <summary>The SQLite file, when no PostgreSQL connection string is given.</summary>
    protected virtual string? SqliteFile => null;

    /// <summary>True when the user named the SQLite file (rather than taking the default).</summary>
    protected virtual bool SqliteFileGiven => true;

    public override ValidationResult Validate()
    {
        if (Postgres is not null && string.IsNullOrWhiteSpace(Postgres)) return ValidationResult.Error("--pg is empty; expected a PostgreSQL connection string");
        if (Cluster is not null && string.IsNullOrWhiteSpace(Cluster)) return ValidationResult.Error("--cluster is empty; expected the cluster's PostgreSQL connection string");
        if (Cluster is not null && Postgres is not null) return ValidationResult.Error("give either --pg or --cluster, not both: a cluster stores its results in its own PostgreSQL");
        return ValidationResult.Success();
    }

    /// <summary>Opens the database; a database that cannot be opened is the user's error.</summary>
    internal TournamentStore Open()
    {
        try
        {
            bool readOnly = this is TournamentReportSettings;
            if (PostgresConnection is not null) return TournamentStore.OpenPostgres(PostgresConnection, readOnly);
            string file = SqliteFile!;
            if (this is not TournamentRunSettings && !File.Exists(file))
                throw new UserErrorException(file == DefaultSqliteFile && !SqliteFileGiven
                    ? $"{file}: no such results database in {Directory.GetCurrentDirectory()}; give the file 'parley tournament run' wrote (default {DefaultSqliteFile}), or --pg \"Host=…\""
                    : $"{file}: no such results database; expected the file 'parley tournament run' wrote");
            return TournamentStore.OpenSqlite(file, readOnly);
        }
        catch (StoreException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    /// <summary>The stored tournament asked for (or the latest); a user error when there is none.</summary>
    internal StoredTournament Find(TournamentStore store) =>
        store.Find(TournamentId) ?? throw new UserErrorException(TournamentId is { } id
            ? $"{store.Where}: no tournament with id {id}"
            : $"{store.Where}: holds no tournament yet; start one with 'parley tournament run <tournament.yaml>'");
}

/// <summary>Settings of the commands that run negotiations.</summary>
public class TournamentJobsSettings : TournamentDatabaseSettings
{
    [CommandOption("-j|--jobs <N>")]
    [Description("Negotiations run in parallel (threads, or worker processes when isolated). Default: every core.")]
    public int? Jobs { get; init; }

    [CommandOption("--quiet")]
    [Description("No progress bar and no leaderboard; only the summary line.")]
    public bool Quiet { get; init; }

    [CommandOption("--batch <N>")]
    [Description("With --cluster: negotiations per batch handed to a silo. Default: about 1/64 of the work, 1 to 256.")]
    public int? Batch { get; init; }

    internal int JobCount => Jobs ?? Environment.ProcessorCount;

    public override ValidationResult Validate()
    {
        if (Jobs is < 1 or > 1024) return ValidationResult.Error($"--jobs must be between 1 and 1024, got {Jobs}");
        if (Batch is not null && Cluster is null) return ValidationResult.Error("--batch only applies with --cluster");
        if (Batch is < 1 or > 100_000) return ValidationResult.Error($"--batch must be between 1 and 100000, got {Batch}");
        if (Jobs is not null && Cluster is not null) return ValidationResult.Error("--jobs does not apply with --cluster: each silo runs as many negotiations as its --workers");
        return base.Validate();
    }
}

/// <summary>Settings of <c>parley tournament run</c>.</summary>
public sealed class TournamentRunSettings : TournamentJobsSettings
{
    [CommandArgument(0, "<tournament>")]
    [Description("The tournament file (YAML; see docs/tournaments.md).")]
    public string File { get; init; } = "";

    [CommandOption("--db <FILE>")]
    [Description("SQLite results database (created if missing; a new tournament is added to an existing one). Default: results.db.")]
    public string Database { get; init; } = DefaultSqliteFile;

    protected override string? SqliteFile => Database;
}

/// <summary>Settings of <c>parley tournament resume</c>.</summary>
public sealed class TournamentResumeSettings : TournamentJobsSettings
{
    [CommandArgument(0, "[db]")]
    [Description("The SQLite results database of the interrupted tournament (or give --pg). Default: results.db.")]
    public string? Database { get; init; }

    [CommandOption("--tournament <ID>")]
    [Description("The tournament in the database (default: the most recent one).")]
    public long? Tournament { get; init; }

    internal override long? TournamentId => Tournament;

    protected override string? SqliteFile => Database ?? DefaultSqliteFile;

    protected override bool SqliteFileGiven => Database is not null;
}

/// <summary>Settings of <c>parley tournament report</c>.</summary>
public sealed class TournamentReportSettings : TournamentDatabaseSettings
{
    [CommandArgument(0, "[db]")]
    [Description("The SQLite results database (or give --pg). Default: results.db, as 'tournament run' writes.")]
    public string? Database { get; init; }

    [CommandOption("--tournament <ID>")]
    [Description("The tournament in the database (default: the most recent one).")]
    public long? Tournament { get; init; }

    internal override long? TournamentId => Tournament;

    [CommandOption("--csv <FILE>")]
    [Description("Also write the leaderboard as CSV to FILE (and the per-scenario and pairwise tables next to it: board.csv gives board-scenarios.csv and board-pairwise.csv). Names that would start a spreadsheet formula get a leading '. Existing files are not overwritten unless --force.")]
    public string? Csv { get; init; }

    [CommandOption("--force")]
    [Description("Overwrite the --csv files if they exist.")]
    public bool Force { get; init; }

    [CommandOption("--json")]
    [Description("Print the leaderboard as JSON on stdout: one object per negotiator (name, negotiations, meanUtility, ci95, agreementRate, failures, …).")]
    public bool Json { get; init; }

    protected override string? SqliteFile => Database ?? DefaultSqliteFile;

    protected override bool SqliteFileGiven => Database is not null;

    public override ValidationResult Validate()
    {
        if (Csv is not null)
            foreach (string file in Output.ReportOutput.CsvFiles(Csv))
                if (OutputPath.ProblemWithFile("--csv", file, Force) is { } problem) return ValidationResult.Error(problem);
        return base.Validate();
    }
}
