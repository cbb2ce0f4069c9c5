using System.ComponentModel;
using System.Diagnostics;
using Parley.Agents;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Cli.Output;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley negotiate</c>.</summary>
public sealed class NegotiateSettings : ScenarioSettings
{
    [CommandOption("-p|--protocol <NAME>")]
    [Description("sao (stacked alternating offers between the principals; default), single-text (a mediator puts one complete text, every principal accepts, rejects or vetoes it, the mediator revises) or shuttle (principals and mediators send messages only along the scenario's channels, with their delays; mediators relay and bridge).")]
    public string Protocol { get; init; } = "sao";

    [CommandOption("-a|--agents <NAMES>")]
    [Description("Comma-separated negotiators, one per principal in party order (the list repeats when shorter). sao and single-text: boulware, linear, conceder, hardliner, titfortat, hardheaded, random, nice, micro, timedependent:E (any exponent E); single-text also sincere (votes its true preferences only, as NegMAS's voters). shuttle: boulware, linear, conceder, hardliner, leastimportantfirst, timedependent:E. Default: boulware,conceder.")]
    public string Agents { get; init; } = "boulware,conceder";

    [CommandOption("-m|--mediators <NAMES>")]
    [Description("Comma-separated mediators for single-text and shuttle: one per mediator of the scenario in party order (the list repeats), or, on a scenario without mediators, one neutral mediator per name. single-text: hillclimber (default), logrolling, nash, staked. shuttle: bridging (default), relay.")]
    public string? Mediators { get; init; }

    [CommandOption("-r|--rounds <N>")]
    [Description("Deadline in rounds (every party moves once a round). Default 1000 when no --time-limit is given.")]
    public int? Rounds { get; init; }

    [CommandOption("-t|--time-limit <DURATION>")]
    [Description("Wall-clock deadline, e.g. 3s, 500ms, 2m. With --rounds too, whichever comes first ends the negotiation.")]
    public string? TimeLimit { get; init; }

    [CommandOption("--turn-budget <DURATION>")]
    [Description("Longest one negotiator may take for one turn before it fails the negotiation. Default 1s.")]
    public string TurnBudget { get; init; } = "1s";

    [CommandOption("-s|--seed <SEED>")]
    [Description("Seed of every random choice: the same seed gives the same transcript. Default 0.")]
    public int Seed { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Also write the full result (the --json document) to this file.")]
    public string? Out { get; init; }

    [CommandOption("-n|--repeat <N>")]
    [Description("Run N negotiations with seeds seed..seed+N-1 and report throughput (negotiations and rounds per second, median time per negotiation).")]
    [DefaultValue(1)]
    public int Repeat { get; init; } = 1;

    [CommandOption("--no-quality")]
    [Description("Skip the deal-space analysis, and with it the distances to the Pareto frontier and Nash point.")]
    public bool NoQuality { get; init; }

    internal TimeSpan? ParsedTimeLimit => TimeLimit is null ? null : DurationText.TryParse(TimeLimit, out var d) ? d : null;

    internal TimeSpan ParsedTurnBudget => DurationText.TryParse(TurnBudget, out var d) ? d : TimeSpan.Zero;

    public override ValidationResult Validate()
    {
        if (Rounds is <= 0 or > 100_000_000) return ValidationResult.Error($"--rounds must be between 1 and 100,000,000, got {Rounds}");
        if (TimeLimit is not null && ParsedTimeLimit is null) return ValidationResult.Error($"--time-limit '{TimeLimit}' is not a duration up to 100 days; expected e.g. 3s, 500ms or 2m");
        if (ParsedTurnBudget <= TimeSpan.Zero) return ValidationResult.Error($"--turn-budget '{TurnBudget}' is not a duration up to 100 days; expected e.g. 1s or 200ms");
        if (Repeat is < 1 or > 10_000_000) return ValidationResult.Error($"--repeat must be between 1 and 10,000,000, got {Repeat}");
        if (Out is not null && OutputPath.ProblemWithFile("--out", Out) is { } outProblem) return ValidationResult.Error(outProblem);
        if (!NegotiationSetup.Protocols.Contains(Protocol))
            return ValidationResult.Error($"--protocol: unknown protocol '{Protocol}'; expected one of: {string.Join(", ", NegotiationSetup.Protocols)}");
        if (string.IsNullOrWhiteSpace(Agents)) return ValidationResult.Error("--agents is empty; expected e.g. boulware,conceder");
        if (Mediators is not null && Protocol == "sao")
            return ValidationResult.Error("--mediators: stacked alternating offers seats no mediator; use --protocol single-text or shuttle");
        if (Mediators is not null && string.IsNullOrWhiteSpace(Mediators)) return ValidationResult.Error("--mediators is empty; expected e.g. hillclimber");
        if (Protocol != "shuttle")
            foreach (var name in AgentNames)
                if (!(Protocol == "single-text" && NamedNegotiation.IsVoterOnly(name)) && !NegotiatorRegistry.TryCreate(name, out _))
                    return ValidationResult.Error($"--agents: unknown negotiator '{name}'; expected one of: {string.Join(", ", NegotiatorRegistry.Available.Select(a => a.Name))}");
        try
        {
            new NegotiationSetup { Protocol = Protocol, Negotiators = AgentNames }.Validate();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"--agents: {Plain(e)}");
        }
        try
        {
            new NegotiationSetup { Protocol = Protocol, Mediators = MediatorNames }.Validate();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"--mediators: {Plain(e)}");
        }
        return ValidationResult.Success();
    }

    private static string Plain(ArgumentException e) => e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);

    internal string[] AgentNames => Agents.Split(',', StringSplitOptions.TrimEntries);

    internal string[] MediatorNames => Mediators?.Split(',', StringSplitOptions.TrimEntries) ?? [];
}

/// <summary><c>parley negotiate</c>: runs negotiations between built-in negotiators under SAOP, single text or shuttle mediation.</summary>
public sealed class NegotiateCommand(CliIo io) : Command<NegotiateSettings>
{
    public override int Execute(CommandContext context, NegotiateSettings settings, CancellationToken cancellationToken)
    {
        var loaded = ScenarioLoader.Load(settings.Scenario);
        // SAOP is between the principals; mediators have no turn in it. Mediated protocols seat them (or neutral ones).
        var principals = Seating.PrincipalsOnly(loaded);
        if (principals.Parties.Length < 2)
            throw new UserErrorException($"{settings.Scenario}: {PartyCount(principals)}; a negotiation needs at least two principals (a GENIUS folder needs one profile per party)");
        if (!loaded.Space.IsDiscrete)
            throw new UserErrorException($"{settings.Scenario}: the outcome space has a continuous real issue; discretise it with 'steps'");
        var setup = new NegotiationSetup
        {
            Protocol = settings.Protocol,
            Negotiators = settings.AgentNames,
            Mediators = settings.MediatorNames,
            Rounds = settings.Rounds ?? (settings.TimeLimit is null ? 1000 : null),
            TimeLimit = settings.ParsedTimeLimit,
            PerTurnBudget = settings.ParsedTurnBudget,
            Seed = settings.Seed,
        };
        Scenario seated;
        try
        {
            seated = setup.Protocol == "sao" ? principals
                : Seating.WithMediators(loaded, loaded.Parties.Length > principals.Parties.Length ? 0 : Math.Max(1, setup.Mediators.Count));
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"{settings.Scenario}: {e.Message}");
        }
        var options = new SaoOptions { Rounds = setup.Rounds, TimeLimit = setup.TimeLimit, PerTurnBudget = setup.PerTurnBudget, Seed = setup.Seed };

        // SAOP keeps its direct path (negotiators built once per run, nothing else), which --repeat measures.
        var names = setup.Negotiators;
        INegotiator[] CreateNegotiators() =>
            Enumerable.Range(0, principals.Parties.Length).Select(i => NegotiatorRegistry.Create(names[i % names.Count])).ToArray();
        NegotiationResult RunOne(int seed)
        {
            if (setup.Protocol == "sao") return Negotiation.Run(principals, CreateNegotiators(), options with { Seed = seed });
            try
            {
                return NamedNegotiation.Run(loaded, setup with { Seed = seed });
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException($"{settings.Scenario}: {e.Message}");
            }
        }

        AnalysisReport? analysis = settings.NoQuality ? null : ScenarioAnalyzer.Analyze(principals, new AnalysisOptions(settings.Seed));
        if (settings.Repeat > 1) return RunMany(seated, RunOne, settings, analysis);

        var result = RunOne(settings.Seed);
        var quality = analysis is null ? null : NegotiationQuality.Measure(result, analysis.Frontier, analysis.Nash);
        if (settings.Json) NegotiationJson.Write(io.Out, seated, result, quality, loaded);
        else NegotiationTables.Write(io.Console, seated, loaded, result, quality, options);
        if (settings.Out is { } file) OutputPath.WriteFile(file, writer => NegotiationJson.Write(writer, seated, result, quality, loaded));
        return ExitCodes.Ok;
    }

    private int RunMany(Scenario scenario, Func<int, NegotiationResult> run, NegotiateSettings settings, AnalysisReport? analysis)
    {
        int n = settings.Repeat;
        var micros = new double[n];
        long rounds = 0;
        int agreements = 0, failures = 0;
        var utilitySums = new double[scenario.Parties.Length];
        double distanceSum = 0;
        var total = Stopwatch.StartNew();
        for (int k = 0; k < n; k++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = run(settings.Seed + k);
            micros[k] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            rounds += result.Rounds;
            if (result.HasAgreement) agreements++;
            if (result.Failure is not null) failures++;
            for (int p = 0; p < utilitySums.Length; p++) utilitySums[p] += result.Utilities[p];
            if (analysis is not null) distanceSum += NegotiationQuality.Measure(result, analysis.Frontier, analysis.Nash).DistanceToPareto;
        }
        total.Stop();
        var stats = new ThroughputStats(n, rounds, total.Elapsed, Median(micros), agreements, failures,
            utilitySums.Select(u => u / n).ToArray(), analysis is null ? null : distanceSum / n);
        if (settings.Json) NegotiationJson.WriteThroughput(io.Out, scenario, stats);
        else NegotiationTables.WriteThroughput(io.Console, scenario, settings.Agents, stats);
        if (settings.Out is { } file) OutputPath.WriteFile(file, writer => NegotiationJson.WriteThroughput(writer, scenario, stats));
        return ExitCodes.Ok;
    }

    private static string PartyCount(Scenario scenario) => scenario.Parties.Length switch
    {
        0 => "no principal party",
        1 => $"one principal party ('{scenario.Parties[0].Name}')",
        int n => $"{n} principal parties",
    };

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>What <c>--repeat</c> measures.</summary>
public sealed record ThroughputStats(
    int Negotiations, long Rounds, TimeSpan Elapsed, double MedianMicroseconds, int Agreements, int Failures,
    double[] MeanUtilities, double? MeanDistanceToPareto)
{
    public double NegotiationsPerSecond => Negotiations / Elapsed.TotalSeconds;
    public double RoundsPerSecond => Rounds / Elapsed.TotalSeconds;
}
