using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Parley.Web;
using Parley.Web.Security;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley serve</c>.</summary>
public sealed class ServeSettings : CommandSettings
{
    [CommandOption("-p|--port <PORT>")]
    [Description("Port on 127.0.0.1 to listen on. Default 5080.")]
    public int Port { get; init; } = 5080;

    [CommandOption("--urls <URLS>")]
    [Description("Listen on these URLs instead (semicolon-separated, e.g. http://0.0.0.0:8080 to be reachable from other machines).")]
    public string? Urls { get; init; }

    [CommandOption("--scenarios <DIR>")]
    [Description("Folder of scenarios to show (GENIUS folders and .yaml files); nothing outside it is readable through the viewer. Default: scenarios.")]
    public string Scenarios { get; init; } = "scenarios";

    [CommandOption("--db <FILE>")]
    [Description("A tournament results database to show as a leaderboard.")]
    public string? Db { get; init; }

    [CommandOption("--max-runs <N>")]
    [Description("Most negotiations running at once from the pages. Default 2.")]
    public int MaxRuns { get; init; } = 2;

    [CommandOption("--max-rounds <N>")]
    [Description("Most rounds a negotiation from the pages may ask for. Default 10000.")]
    public int MaxRounds { get; init; } = 10_000;

    [CommandOption("--conditions <DIR>")]
    [Description("Folder of experiment conditions (NAME.yaml: scenario, protocol, seats, rounds or minutes, what the person may see) that sessions can be set up from.")]
    public string? Conditions { get; init; }

    [CommandOption("--sessions-db <FILE>")]
    [Description("SQLite results database that records sessions with people at the table (created if needed). Default: the --db file if given, else parley/sessions.db in the user's local data folder.")]
    public string? SessionsDb { get; init; }

    [CommandOption("--pg <CONNECTION>")]
    [Description("Record sessions in this PostgreSQL database instead (as 'parley tournament run --pg').")]
    public string? Postgres { get; init; }

    [CommandOption("--seat-timeout <SECONDS>")]
    [Description("How long a person's turn may stay unanswered before the seat walks away. Default 600.")]
    public int SeatTimeout { get; init; } = 600;

    /// <summary>Where sessions are recorded when no database is named: in the user's local data folder, never the working directory.</summary>
    internal static string DefaultSessionsDatabase
    {
        get
        {
            string folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "parley");
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, "sessions.db");
        }
    }

    internal ViewerOptions Options => _options ??= new()
    {
        Sessions = new Parley.Web.Sessions.SessionSettings
        {
            ConditionsFolder = Conditions,
            Database = Postgres is null ? SessionsDb ?? Db ?? DefaultSessionsDatabase : null,
            PostgresConnection = Postgres,
            SeatTimeout = TimeSpan.FromSeconds(SeatTimeout),
            MaxRounds = MaxRounds,
        },
        ScenariosFolder = Scenarios,
        ResultsDatabase = Db,
        Urls = Urls ?? $"http://127.0.0.1:{Port}",
        MaxConcurrentRuns = MaxRuns,
        MaxRounds = MaxRounds,
        // Beyond loopback every request needs a token; a new one each start, printed below.
        AccessToken = Urls is not null && ViewerAccess.For(Urls).BeyondLoopback ? ViewerAccess.NewToken() : null,
    };

    private ViewerOptions? _options;

    public override ValidationResult Validate()
    {
        if (Port is < 1 or > 65535) return ValidationResult.Error($"--port must be between 1 and 65535, got {Port}");
        if (MaxRuns is < 1 or > 64) return ValidationResult.Error($"--max-runs must be between 1 and 64, got {MaxRuns}");
        if (MaxRounds is < 1 or > 1_000_000) return ValidationResult.Error($"--max-rounds must be between 1 and 1,000,000, got {MaxRounds}");
        if (SeatTimeout is < 1 or > 86_400) return ValidationResult.Error($"--seat-timeout must be between 1 and 86400 seconds, got {SeatTimeout}");
        if (Postgres is not null && string.IsNullOrWhiteSpace(Postgres)) return ValidationResult.Error("--pg is empty; expected a PostgreSQL connection string");
        var problems = Options.Problems();
        return problems.Count > 0 ? ValidationResult.Error(problems[0]) : ValidationResult.Success();
    }
}

/// <summary><c>parley serve</c>: the web viewer, until Ctrl+C.</summary>
public sealed class ServeCommand(CliIo io) : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        Microsoft.AspNetCore.Builder.WebApplication app;
        try { app = ViewerServer.Build(options); }
        catch (Parley.Tournaments.Storage.StoreException e) { throw new UserErrorException(e.Message); }
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new UserErrorException($"cannot listen on {options.Urls}: {e.Message}");
        }
        io.Console.MarkupLineInterpolated($"Parley viewer on [bold]{string.Join(", ", app.Urls)}[/] (scenarios from {Path.GetFullPath(options.ScenariosFolder)}); Ctrl+C stops it.");
        io.Console.MarkupLineInterpolated($"Sessions with people at the table: {string.Join(", ", app.Urls)}/session.html, recorded in {options.Sessions.Database ?? "PostgreSQL"}.");
        if (options.AccessToken is { } token)
        {
            io.Console.MarkupLineInterpolated($"[yellow]Warning: listening beyond this machine ({options.Urls}): anyone who can reach these addresses and has the access token can read the scenarios and results shown and run negotiations here.[/]");
            io.Console.MarkupLineInterpolated($"Access token: [bold]{token}[/] (a new one each start). Open the viewer at {app.Urls.First().Replace("0.0.0.0", "HOST", StringComparison.Ordinal).Replace("[::]", "HOST", StringComparison.Ordinal)}/?token={token}, or send 'Authorization: Bearer {token}'.");
        }
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }
}
