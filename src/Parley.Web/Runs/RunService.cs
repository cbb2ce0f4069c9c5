using System.Collections.Concurrent;
using Parley.Agents.Negotiators;
using Parley.Web.Scenarios;

namespace Parley.Web.Runs;

/// <summary>A negotiation started from the page: running, then finished (or failed).</summary>
public sealed class RunState(string id, string scenario, Task<FinishedRun> completion)
{
    public string Id { get; } = id;
    public string Scenario { get; } = scenario;
    public Task<FinishedRun> Completion { get; } = completion;
}

/// <summary>The library refused the table the request asked for (e.g. a negotiator that cannot vote on single texts).</summary>
public sealed class RunRefusedException(string message) : Exception(message);

/// <summary>Why a run was not started: the HTTP status and one sentence for the person at the page.</summary>
public sealed record RunRefusal(int Status, string Message);

/// <summary>
/// Starts negotiations for the page within the server's bounds: validated input, at most
/// <see cref="ViewerOptions.MaxConcurrentRuns"/> at once, rounds and wall-clock time capped, finished runs kept up to
/// <see cref="ViewerOptions.KeptRuns"/>.
/// </summary>
public sealed class RunService(ViewerOptions options, ScenarioCatalog catalog, IReadOnlyList<RunProtocol> protocols)
{
    public RunService(ViewerOptions options, ScenarioCatalog catalog) : this(options, catalog, RunProtocols.All) { }

    /// <summary>The protocols a run may use.</summary>
    public IReadOnlyList<RunProtocol> Protocols => protocols;

    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentRuns, options.MaxConcurrentRuns);
    private readonly ConcurrentDictionary<string, RunState> _runs = new();
    private readonly ConcurrentQueue<string> _order = new();
    private int _next;

    public ViewerOptions Options => options;

    public RunState? Find(string id) => _runs.GetValueOrDefault(id);

    /// <summary>Validates <paramref name="request"/> and starts it, or says why not.</summary>
    public (RunState? Run, RunRefusal? Refusal) Start(RunRequest? request)
    {
        if (Validate(request) is { } refusal) return (null, refusal);
        var scenario = catalog.Read(request!.Scenario!)!;
        var protocol = protocols.First(p => p.Name == (request.Protocol ?? "sao"));
        if (!_slots.Wait(0))
            return (null, new RunRefusal(429, $"{options.MaxConcurrentRuns} negotiations are already running, the most this server runs at once; try again when one has finished"));
        string id = $"r{Interlocked.Increment(ref _next)}";
        var task = Task.Run(() =>
        {
            try { return protocol.Run(scenario, request.Negotiators!, request.Rounds!.Value, request.Seed ?? 0, options.RunTimeLimit); }
            catch (ArgumentException e) { throw new RunRefusedException(e.Message); }
            finally { _slots.Release(); }
        });
        var run = new RunState(id, request.Scenario!, task);
        _runs[id] = run;
        _order.Enqueue(id);
        while (_order.Count > options.KeptRuns && _order.TryDequeue(out var old)) _runs.TryRemove(old, out _);
        return (run, null);
    }

    private RunRefusal? Validate(RunRequest? request)
    {
        static RunRefusal Bad(string message) => new(400, message);
        if (request is null) return Bad("expected a JSON body: {\"scenario\": …, \"negotiators\": […], \"rounds\": …, \"seed\": …}");
        if (string.IsNullOrWhiteSpace(request.Scenario)) return Bad("scenario is missing; pick one from the scenario list");
        if (catalog.Find(request.Scenario) is null) return Bad($"unknown scenario '{Shorten(request.Scenario)}'; pick one from the scenario list");
        var scenario = catalog.Read(request.Scenario)!;
        int principals = scenario.Principals.Count();
        if (principals < 2) return Bad($"scenario '{request.Scenario}' has {principals} principal(s); a negotiation needs at least two");
        if (!scenario.Space.IsDiscrete) return Bad($"scenario '{request.Scenario}' has a continuous issue; it cannot be negotiated until discretised");
        string protocol = request.Protocol ?? "sao";
        if (!protocols.Any(p => p.Name == protocol))
            return Bad($"unknown protocol '{Shorten(protocol)}'; expected one of: {string.Join(", ", protocols.Select(p => p.Name))}");
        if (request.Negotiators is not { Length: > 0 } names) return Bad("negotiators are missing; pick one negotiator per party");
        if (names.Length > principals) return Bad($"{names.Length} negotiators for {principals} parties; give at most one per party");
        var known = RunProtocols.Negotiators(protocol);
        foreach (var name in names)
            if (string.IsNullOrWhiteSpace(name) || !(known.Any(a => a.Name == name) || (protocol != "shuttle" && NegotiatorRegistry.TryCreate(name, out _))))
                return Bad($"unknown negotiator '{Shorten(name ?? "")}' for {protocol}; expected one of: {string.Join(", ", known.Select(a => a.Name))}");
        if (request.Rounds is not { } rounds) return Bad($"rounds are missing; expected a number from 1 to {options.MaxRounds:N0}");
        if (rounds < 1 || rounds > options.MaxRounds) return Bad($"rounds must be between 1 and {options.MaxRounds:N0}, got {rounds:N0}");
        return null;
    }

    /// <summary>Echoes user text in a message without letting it run on.</summary>
    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
