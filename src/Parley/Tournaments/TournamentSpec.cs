using System.Collections.Immutable;
using Parley.Agents.Negotiators;

namespace Parley.Tournaments;

/// <summary>
/// A tournament as its file describes it (see docs/tournaments.md): who negotiates, on which scenarios, under which
/// protocol, how often. Validated on reading: every negotiator resolves and every scenario loads.
/// </summary>
public sealed record TournamentSpec
{
    /// <summary>Display name of the tournament.</summary>
    public required string Name { get; init; }

    /// <summary>The tournament file (absolute path) it was read from.</summary>
    public required string File { get; init; }

    /// <summary>The file's full text, stored with the results so that <c>resume</c> needs nothing else.</summary>
    public required string Text { get; init; }

    /// <summary>Seed from which every negotiation's seed derives.</summary>
    public required int Seed { get; init; }

    /// <summary>The competitors, with unique names, in file order.</summary>
    public required ImmutableArray<NegotiatorSpec> Negotiators { get; init; }

    /// <summary>The scenarios, with unique names, in file order (folders expanded, sorted by path).</summary>
    public required ImmutableArray<ScenarioEntry> Scenarios { get; init; }

    /// <summary>The protocol and its settings.</summary>
    public required ProtocolSettings Protocol { get; init; }

    /// <summary>How often each combination runs (each repetition has its own seed); at least 1.</summary>
    public required int Repetitions { get; init; }

    /// <summary>When true, each combination also runs with the profiles rotated over the seats, so every negotiator plays every role.</summary>
    public required bool RotateRoles { get; init; }

    /// <summary>When true, a negotiator may sit at the same table as itself.</summary>
    public required bool SelfPlay { get; init; }

    /// <summary>Where negotiations run: threads of this process, or worker processes that can be replaced.</summary>
    public required IsolationMode Isolation { get; init; }

    /// <summary>How long past its turn budget a turn may run before its worker is replaced and the negotiation fails.</summary>
    public required TimeSpan HangGrace { get; init; }
}

/// <summary>Where negotiations run.</summary>
public enum IsolationMode
{
    /// <summary>Threads when every negotiator is built in, worker processes as soon as one comes from a user's assembly.</summary>
    Auto,
    /// <summary>Threads of the running process: fastest; a negotiator that never returns would block a thread.</summary>
    Threads,
    /// <summary>Worker processes: a negotiator that never returns costs its negotiation and a process restart, nothing more.</summary>
    Processes,
}

/// <summary>One competitor: a built-in negotiator with parameters, or a type from a user's .NET assembly.</summary>
public sealed record NegotiatorSpec
{
    /// <summary>Unique name in this tournament (leaderboard row).</summary>
    public required string Name { get; init; }

    /// <summary>Built-in registry name (e.g. <c>boulware</c>, <c>timedependent</c>); null for a user's negotiator.</summary>
    public string? BuiltIn { get; init; }

    /// <summary>Absolute path of the user's assembly; null for a built-in.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>Full type name in <see cref="AssemblyPath"/>; null for a built-in.</summary>
    public string? TypeName { get; init; }

    /// <summary>Parameters (name → text), passed to the negotiator.</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>True for a negotiator loaded from a user's assembly.</summary>
    public bool IsUserAssembly => AssemblyPath is not null;

    /// <summary>Where it comes from, for storage: <c>builtin:NAME</c> or <c>assembly:PATH!TYPE</c>.</summary>
    public string Source => IsUserAssembly ? $"assembly:{AssemblyPath}!{TypeName}" : $"builtin:{BuiltIn}";
}

/// <summary>One scenario of the tournament.</summary>
/// <param name="Name">Unique name in this tournament.</param>
/// <param name="Path">The GENIUS or GeniusWeb folder or YAML file (absolute).</param>
public sealed record ScenarioEntry(string Name, string Path);

/// <summary>The protocol a tournament runs and its settings.</summary>
public sealed record ProtocolSettings
{
    /// <summary>Protocol name: <c>sao</c>, <c>single-text</c> or <c>shuttle</c> (see <see cref="TournamentProtocols.Names"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Deadline in rounds; null for none.</summary>
    public int? Rounds { get; init; }

    /// <summary>Wall-clock deadline per negotiation; null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Longest one turn may take.</summary>
    public TimeSpan TurnBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Mediators (built-in names) of the mediated protocols, cycled over the mediator seats; empty for the protocol's default.</summary>
    public ImmutableArray<string> Mediators { get; init; } = [];
}
