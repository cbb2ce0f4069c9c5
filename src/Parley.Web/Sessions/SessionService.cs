using System.Collections.Concurrent;
using System.Text.Json;
using Parley.Agents;
using Parley.Agents.Shuttle;
using Parley.Protocols;
using Parley.Agents.Interactive;
using Parley.Protocols.Interactive;
using Parley.Scenarios;
using Parley.Tournaments.Storage;
using Parley.Web.Runs;
using Parley.Web.Scenarios;

namespace Parley.Web.Sessions;

/// <summary>Why a session request was refused: the HTTP status and one sentence.</summary>
public sealed record SessionRefusal(int Status, string Message);

/// <summary>
/// The sessions with people at the table that one server runs: created from a request or an experiment condition,
/// validated at the edge, at most <see cref="SessionSettings.MaxSessions"/> live at once, finished ones kept up to
/// <see cref="SessionSettings.KeptSessions"/>, every log item handed to the recorder (the results database) when there is one.
/// </summary>
public sealed class SessionService(SessionSettings settings, ScenarioCatalog catalog, SessionRecorder? recorder = null, TimeProvider? time = null) : IDisposable
{
    /// <summary>Ends the sessions still running (their waiting seats recorded as abandoned) and closes the results database.</summary>
    public void Dispose()
    {
        foreach (var session in _sessions.Values) session.Engine.Stop();
        recorder?.Dispose();
    }

    private readonly ConcurrentDictionary<string, HumanSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly object _createGate = new();

    public SessionSettings Settings => settings;

    public SessionRecorder? Recorder => recorder;

    /// <summary>The session called <paramref name="id"/>, or null.</summary>
    public HumanSession? Find(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>Sessions still running.</summary>
    public int Live => _sessions.Values.Count(s => !s.Engine.IsOver);

    /// <summary>Validates <paramref name="request"/> (or the condition it names) and starts the session, or says why not.</summary>
    public (HumanSession? Session, SessionRefusal? Refusal) Create(SessionRequest? request)
    {
        if (request is null) return (null, Bad("expected a JSON body: {\"scenario\": …, \"protocol\": …, \"seats\": {party: \"human\" | negotiator}, \"rounds\": …}"));
        string? condition = null;
        if (request.Condition is { } name)
        {
            if (Conditions.Load(settings.ConditionsFolder, name, out var loaded) is { } problem) return (null, problem);
            request = loaded!;
            condition = name;
        }
        if (Validate(request, out var setup, out var entry) is { } refusal) return (null, refusal);
        lock (_createGate)
        {
            if (Live >= settings.MaxSessions)
                return (null, new SessionRefusal(429, $"{settings.MaxSessions} sessions are already running, the most this server runs at once; try again when one has finished"));
            var engine = new InteractiveSession(setup!, _time);
            var session = new HumanSession(HumanSession.NewSecret()[..16], request.Scenario!, entry, engine, request.Analyst ?? false, request.Suggestions ?? true, condition, _time,
                recorder is null ? null : recorder.Record);
            recorder?.Created(session);
            _sessions[session.Id] = session;
            _order.Enqueue(session.Id);
            Evict();
            session.Log("", "created", detail: $"{setup!.Protocol} on {request.Scenario}; seats: {string.Join(", ", engine.Table.Parties.Select((p, i) => $"{p.Name}={setup.Seats[i]}"))}; seed {setup.Seed}");
            engine.Start();
            if (recorder is not null) _ = WatchEnd(session);
            return (session, null);
        }
    }

    private async Task WatchEnd(HumanSession session)
    {
        long version = 0;
        try
        {
            while (!session.Engine.IsOver)
            {
                await Task.Run(() => session.Engine.WaitSettled(version, TimeSpan.FromSeconds(30)));
                version = session.Engine.Version;
                recorder?.Entries(session);
            }
            recorder?.Ended(session);
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or StoreException or System.Data.Common.DbException)
        {
            // The server is shutting down (the database is closed): what was recorded so far stays.
        }
    }

    private void Evict()
    {
        while (_order.Count > settings.KeptSessions && _order.TryPeek(out var oldest))
        {
            if (_sessions.TryGetValue(oldest, out var s) && !s.Engine.IsOver) break; // never forget a running session
            _order.TryDequeue(out _);
            _sessions.TryRemove(oldest, out _);
        }
    }

    private SessionRefusal? Validate(SessionRequest request, out InteractiveSetup? setup, out CatalogScenario? entry)
    {
        setup = null;
        entry = null;
        if (string.IsNullOrWhiteSpace(request.Scenario)) return Bad("scenario is missing; pick one from GET /api/scenarios");
        Scenario scenario;
        try
        {
            if (catalog.Read(request.Scenario) is not { } read) return Bad($"unknown scenario '{RunService.Shorten(request.Scenario)}'; pick one from GET /api/scenarios");
            scenario = read;
        }
        catch (ScenarioFormatException e) { return new SessionRefusal(422, catalog.Redact(e.Message)); }
        string protocol = request.Protocol ?? "sao";
        if (!NegotiationSetup.Protocols.Contains(protocol)) return Bad($"unknown protocol '{RunService.Shorten(protocol)}'; expected one of: {string.Join(", ", NegotiationSetup.Protocols)}");
        if (scenario.Principals.Count() < 2) return Bad($"scenario '{request.Scenario}' has fewer than two principals");
        if (!scenario.Space.IsDiscrete) return Bad($"scenario '{request.Scenario}' has a continuous issue; it cannot be negotiated until discretised");
        Scenario table;
        try { table = InteractiveSetup.Table(scenario, protocol); }
        catch (ArgumentException e) { return Bad(e.Message); }
        if (request.Seats is not { Count: > 0 } given) return Bad($"seats are missing; give {{party: \"human\" | negotiator}} for the parties {string.Join(", ", table.Parties.Select(p => p.Name))}");
        var seats = new string[table.Parties.Length];
        for (int i = 0; i < seats.Length; i++)
            seats[i] = table.Parties[i].Role == PartyRole.Principal
                ? (protocol == "shuttle" ? ShuttleRegistry.Principals[0].Name : "boulware")
                : NamedNegotiation.DefaultMediator(protocol);
        foreach (var (party, value) in given)
        {
            int index = Array.FindIndex(table.Parties.ToArray(), p => p.Name == party);
            if (index < 0) return Bad($"no party '{RunService.Shorten(party)}' at the {protocol} table of {request.Scenario}; its parties: {string.Join(", ", table.Parties.Select(p => p.Name))}");
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())) return Bad($"seat '{party}': expected \"human\" or a negotiator name");
            seats[index] = value.GetString()!.Trim();
        }
        if (!seats.Contains(InteractiveSetup.Person)) return Bad("no seat is \"human\": a session seats at least one person (agents-only runs go to POST /api/runs)");
        if (request.Rounds is null && request.Minutes is null) return Bad($"give a deadline: rounds (1 to {settings.MaxRounds:N0}), minutes, or both");
        if (request.Rounds is { } rounds && (rounds < 1 || rounds > settings.MaxRounds)) return Bad($"rounds must be between 1 and {settings.MaxRounds:N0}, got {rounds:N0}");
        if (request.Minutes is { } minutes && !(minutes > 0 && minutes <= 24 * 60)) return Bad("minutes must be more than 0 and at most 1440 (a day)");
        var timeout = request.SeatTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : settings.SeatTimeout;
        if (request.SeatTimeoutSeconds is { } s && !(s >= 1 && s <= 24 * 3600)) return Bad("seatTimeoutSeconds must be between 1 and 86400");
        setup = new InteractiveSetup
        {
            Scenario = scenario, Protocol = protocol, Seats = seats, Rounds = request.Rounds,
            TimeLimit = request.Minutes is { } m ? TimeSpan.FromMinutes(m) : null, Seed = request.Seed ?? 0, SeatTimeout = timeout,
        };
        try { setup.Validate(); }
        catch (ArgumentException e) { setup = null; return Bad(e.Message); }
        try { entry = catalog.Load(request.Scenario); }
        catch (ScenarioFormatException) { entry = null; }
        return null;
    }

    private static SessionRefusal Bad(string message) => new(400, message);
}
