using Parley.Preferences;
using Parley.Scenarios.Phases;

namespace Parley.Scenarios;

/// <summary>
/// The body that must approve what a principal's negotiators accept (a war cabinet, a coalition partner, a board, a
/// union's members), with its own utility, reserved value (which <see cref="ReservedValueChange"/> events marked
/// <see cref="ReservedValueChange.OfRatifier"/> move) and red lines. An agreement is reached only if every principal's
/// ratifier approves it; what it would approve is the principal's win-set (Putnam).
/// </summary>
/// <param name="Name">The ratifier's name (e.g. "war cabinet").</param>
/// <param name="Profile">Its utility (over the scenario's outcome space), reserved value, discount factor and red lines.</param>
/// <param name="Source">Where its position is reported, if given.</param>
public sealed record Ratifier(string Name, Profile Profile, string? Source = null)
{
    /// <summary>Its view of the phases, in a phased scenario (its utility is then compiled from it); null otherwise.</summary>
    public PartyPhasing? Phasing { get; init; }
}
