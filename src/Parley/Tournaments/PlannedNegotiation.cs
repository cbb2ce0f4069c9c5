using System.Collections.Immutable;
using Parley.Agents.Negotiators;

namespace Parley.Tournaments;

/// <summary>
/// One negotiation of a tournament plan: a scenario, the rotation of its profiles over the seats, the negotiator in
/// each seat, the repetition, and the seed derived from all of these (so the same combination always gets the same seed).
/// </summary>
/// <param name="Index">Position in the plan (0-based); the key of the negotiation in the results database.</param>
/// <param name="Scenario">Index into <see cref="TournamentSpec.Scenarios"/>.</param>
/// <param name="Rotation">Seat s holds the scenario's party (s + Rotation) mod n.</param>
/// <param name="Seats">Index into <see cref="TournamentSpec.Negotiators"/> per seat; seat 0 moves first.</param>
/// <param name="Repetition">0-based repetition.</param>
/// <param name="Seed">The negotiation's seed.</param>
public sealed record PlannedNegotiation(int Index, int Scenario, int Rotation, ImmutableArray<int> Seats, int Repetition, int Seed);
