using Parley.Agents.Negotiators;

namespace Parley.Web.Runs;

/// <summary>What the page asks for when it starts a negotiation (<c>POST /api/runs</c>).</summary>
/// <param name="Scenario">A scenario name from <c>GET /api/scenarios</c>.</param>
/// <param name="Negotiators">One negotiator name per principal (the list repeats when shorter), from <c>GET /api/negotiators</c>.</param>
/// <param name="Rounds">Deadline in rounds, 1 to the server's limit.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="Protocol">The protocol, from <c>GET /api/protocols</c>; default <c>sao</c>.</param>
public sealed record RunRequest(string? Scenario, string[]? Negotiators, int? Rounds, int? Seed, string? Protocol);
