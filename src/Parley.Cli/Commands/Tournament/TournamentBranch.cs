using Spectre.Console.Cli;

namespace Parley.Cli.Commands.Tournament;

/// <summary>Registers <c>parley tournament run|resume|report</c> (and the hidden worker).</summary>
internal static class TournamentBranch
{
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Run tournaments: every negotiator against every other on many scenarios, results in SQLite or PostgreSQL.");
        branch.AddCommand<TournamentRunCommand>("run")
            .WithDescription("Validate a tournament file, store its plan and run it on all cores with a progress bar.")
            .WithExample("tournament", "run", "scenarios/example-tournament.yaml")
            .WithExample("tournament", "run", "scenarios/example-tournament.yaml", "--db", "results.db", "--jobs", "2")
            .WithExample("tournament", "run", "scenarios/example-tournament.yaml", "--pg", "\"Host=localhost;Username=parley;Password=secret;Database=parley\"");
        branch.AddCommand<TournamentResumeCommand>("resume")
            .WithDescription("Continue an interrupted tournament: run exactly the negotiations it has not stored.")
            .WithExample("tournament", "resume", "results.db");
        branch.AddCommand<TournamentReportCommand>("report")
            .WithDescription("Leaderboard (mean utility with 95% CI, agreement rate, distances to Pareto and Nash, welfare, failures), per scenario, and the pairwise table.")
            .WithExample("tournament", "report", "results.db")
            .WithExample("tournament", "report", "results.db", "--json")
            .WithExample("tournament", "report", "results.db", "--csv", "leaderboard.csv");
        branch.AddCommand<TournamentWorkerCommand>("worker").IsHidden();
    }
}
