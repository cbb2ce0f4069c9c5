using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Plots;

/// <summary>A point of the utility plane: utility to the party on the horizontal axis and to the one on the vertical axis.</summary>
public readonly record struct PlanePoint(double X, double Y);

/// <summary>
/// The deal space of a scenario seen by two principals: every outcome (or a seeded sample when there are too many), the
/// Pareto frontier, the Nash and Kalai–Smorodinsky points and each party's reserved value. Utilities are in [0, 1].
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="XParty">The principal on the horizontal axis.</param>
/// <param name="YParty">The principal on the vertical axis.</param>
/// <param name="Outcomes">The outcomes shown: all of them unless <see cref="Sampled"/>.</param>
/// <param name="OutcomeCount">How many outcomes the space has (null for a continuous space).</param>
/// <param name="Frontier">Frontier points, by the horizontal party's utility ascending.</param>
/// <param name="FrontierProjected">True when the frontier is that of more than two principals, seen through two of them.</param>
/// <param name="Reserved">Each axis party's reserved value at <see cref="ReservedAt"/> (X for the horizontal party).</param>
/// <param name="ReservedAt">Relative time (0..1) of <see cref="Reserved"/>.</param>
/// <param name="ReservedMoves">Whether either reserved value changes with time.</param>
public sealed record DealSpace(
    string Scenario,
    string XParty,
    string YParty,
    ImmutableArray<PlanePoint> Outcomes,
    BigInteger? OutcomeCount,
    bool Sampled,
    ImmutableArray<PlanePoint> Frontier,
    bool FrontierExact,
    bool FrontierProjected,
    PlanePoint? Nash,
    PlanePoint? KalaiSmorodinsky,
    PlanePoint Reserved,
    double ReservedAt,
    bool ReservedMoves);
