using Parley.Cli.Commands;
using Parley.Cli.Parsing;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command line: commands, their registration, and the mapping of failures to exit codes.</summary>
public static class ParleyApp
{
    public static int Run(string[] args, CliIo io)
    {
        Action<IConfigurator> configure = config =>
        {
            config.SetApplicationName("parley");
            config.SetApplicationVersion(ProductVersion.Text);
            config.ConfigureConsole(io.Console);
            config.Settings.Registrar.RegisterInstance(io);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.SetInterceptor(new RefuseUnrecognisedArguments());
            config.AddCommand<NegotiateCommand>("negotiate")
                .WithDescription("Run a negotiation between automated negotiators — stacked alternating offers, single negotiating text or shuttle mediation — and show the transcript, agreement and quality measures.")
                .WithExample("negotiate", "scenarios/EnglandZimbabwe", "--agents", "boulware,conceder")
                .WithExample("negotiate", "scenarios/Laptop", "--agents", "hardheaded,titfortat", "--rounds", "500", "--seed", "7", "--out", "run.json")
                .WithExample("negotiate", "scenarios/EnglandZimbabwe", "--repeat", "1000")
                .WithExample("negotiate", "scenarios/EnglandZimbabwe", "--protocol", "single-text", "--mediators", "hillclimber", "--rounds", "100")
                .WithExample("negotiate", "scenarios/cairo-2024.yaml", "--protocol", "shuttle", "--agents", "linear", "--mediators", "bridging");
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Analyse a scenario's deal space: outcome count, reserved values, Pareto frontier, Nash, Kalai–Smorodinsky and max-welfare points.")
                .WithExample("analyze", "scenarios/EnglandZimbabwe")
                .WithExample("analyze", "scenarios/cairo-2024.yaml", "--frontier")
                .WithExample("analyze", "scenarios/EnglandZimbabwe", "--json");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("The analyst's report on a scenario at one date: zone of agreement, sticking points, named packages, sensitivity along the timeline, mediated runs.")
                .WithExample("report", "scenarios/cairo-2024.yaml", "--at", "2024-02-13")
                .WithExample("report", "scenarios/cairo-2024.yaml", "-o", "report.html")
                .WithExample("report", "scenarios/cairo-2024.yaml", "--json");
            config.AddCommand<ConvertCommand>("convert")
                .WithDescription("Write a scenario in another format: a GENIUS XML folder, a GeniusWeb JSON folder or a Parley YAML file.")
                .WithExample("convert", "scenarios/EnglandZimbabwe", "--to", "yaml", "--out", "england.yaml")
                .WithExample("convert", "scenarios/EnglandZimbabwe", "--to", "geniusweb", "--out", "england-geniusweb");
            config.AddCommand<PlotCommand>("plot")
                .WithDescription("Draw a run (offers in the utility plane and over rounds), a scenario's deal space, or a tournament leaderboard, as PNG or SVG.")
                .WithExample("plot", "run.json", "-o", "run.png")
                .WithExample("plot", "scenarios/EnglandZimbabwe", "-o", "space.svg");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve the web viewer: scenarios, live negotiations in the utility plane, the Cairo report and tournament leaderboards.")
                .WithExample("serve")
                .WithExample("serve", "--port", "8080", "--scenarios", "scenarios", "--db", "results.db");
            config.AddBranch("tournament", Commands.Tournament.TournamentBranch.Configure);
            config.AddCommand<SiloCommand>("silo")
                .WithDescription("Start a worker silo of a tournament cluster (Microsoft Orleans, membership in PostgreSQL); 'tournament run --cluster' runs on all of them.")
                .WithExample("silo", "--cluster", "\"Host=db.lab;Username=parley;Password=secret;Database=parley\"", "--address", "10.0.0.5", "--workers", "8");
        };
        var app = new CommandApp();
        app.Configure(configure);
        try
        {
            return app.Run(args);
        }
        catch (ScenarioFormatException e)
        {
            return Fail(io, e.Message);
        }
        catch (UserErrorException e)
        {
            return Fail(io, e.Message);
        }
        catch (Parley.Tournaments.Storage.StoreException e)
        {
            // A database that is damaged or in use, found after it was opened: the message names it.
            return Fail(io, e.Message);
        }
        catch (Parley.Cluster.ClusterUnavailableException e)
        {
            return Fail(io, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file system refused (permissions, a full disk, a path that is a folder): the user's to fix, not a bug.
            return Fail(io, e.Message);
        }
        catch (CommandAppException e)
        {
            return Fail(io, ParseErrorText.OneLine(e, args, () => CommandModelLookup.Capture(configure)));
        }
        catch (Exception e)
        {
            io.Error.WriteLine($"parley: internal error: {e}");
            return ExitCodes.InternalError;
        }
    }

    private static int Fail(CliIo io, string message)
    {
        io.Error.WriteLine($"parley: error: {message}");
        return ExitCodes.UserError;
    }
}
