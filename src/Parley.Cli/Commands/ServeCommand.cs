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

    internal ViewerOptions Options => _options ??= new()
    {
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
        var app = ViewerServer.Build(options);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new UserErrorException($"cannot listen on {options.Urls}: {e.Message}");
        }
        io.Console.MarkupLineInterpolated($"Parley viewer on [bold]{string.Join(", ", app.Urls)}[/] (scenarios from {Path.GetFullPath(options.ScenariosFolder)}); Ctrl+C stops it.");
        if (options.AccessToken is { } token)
        {
            io.Console.MarkupLineInterpolated($"[yellow]Warning: listening beyond this machine ({options.Urls}): anyone who can reach these addresses and has the access token can read the scenarios and results shown and run negotiations here.[/]");
            io.Console.MarkupLineInterpolated($"Access token: [bold]{token}[/] (a new one each start). Open the viewer at {app.Urls.First().Replace("0.0.0.0", "HOST", StringComparison.Ordinal).Replace("[::]", "HOST", StringComparison.Ordinal)}/?token={token}, or send 'Authorization: Bearer {token}'.");
        }
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }
}
