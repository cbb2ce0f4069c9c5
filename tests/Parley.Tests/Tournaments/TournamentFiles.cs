namespace Parley.Tests.Tournaments;

/// <summary>Tournament files for tests, written into a temporary folder next to nothing else.</summary>
internal static class TournamentFiles
{
    public static string Laptop => TestPaths.Anac("y2011", "Laptop");

    public static string England => TestPaths.Anac("y2010", "EnglandZimbabwe");

    public static string TestAgents => typeof(Parley.TestAgents.Threshold).Assembly.Location;

    /// <summary>A small tournament: the given negotiators (YAML list items) on Laptop and EnglandZimbabwe, 100 rounds.</summary>
    public static string Small(TempFolder folder, string negotiators = "[boulware, conceder, titfortat]", int repetitions = 2, string extra = "", string turnBudget = "1s") =>
        folder.File("tournament.yaml", $"""
            name: small
            seed: 11
            protocol: {"{"}name: sao, rounds: 100, turnBudget: {turnBudget}{"}"}
            repetitions: {repetitions}
            negotiators: {negotiators}
            scenarios:
              - {Laptop}
              - {England}
            {extra}
            """);
}
