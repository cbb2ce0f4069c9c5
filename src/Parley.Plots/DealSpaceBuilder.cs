using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Scenarios;

namespace Parley.Plots;

/// <summary>Options of <see cref="DealSpaceBuilder.Build"/>.</summary>
/// <param name="XParty">Index of the principal on the horizontal axis (principal order).</param>
/// <param name="YParty">Index of the principal on the vertical axis.</param>
/// <param name="MaxOutcomes">Most outcomes shown; a larger space is shown as a seeded uniform sample of this many.</param>
/// <param name="Seed">Seed of that sample.</param>
/// <param name="ReservedAt">Relative time (0..1) at which reserved values are read (the end of a run, 1, by default).</param>
public sealed record DealSpaceOptions(int XParty = 0, int YParty = 1, int MaxOutcomes = DealSpaceOptions.DefaultMaxOutcomes, int Seed = 0, double ReservedAt = 1.0)
{
    /// <summary>Default of <see cref="MaxOutcomes"/>.</summary>
    public const int DefaultMaxOutcomes = 20_000;
}

/// <summary>Builds the <see cref="DealSpace"/> of a scenario from its analysis.</summary>
public static class DealSpaceBuilder
{
    /// <summary>The deal space of <paramref name="scenario"/> seen by two of its principals.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A party index is not a principal, or both are the same.</exception>
    public static DealSpace Build(Scenario scenario, AnalysisReport analysis, DealSpaceOptions options)
    {
        var principals = scenario.Principals.ToArray();
        if ((uint)options.XParty >= principals.Length || (uint)options.YParty >= principals.Length || options.XParty == options.YParty)
            throw new ArgumentOutOfRangeException(nameof(options), "The two axis parties must be two different principals.");
        var x = principals[options.XParty];
        var y = principals[options.YParty];
        var outcomes = SampleOutcomes(scenario, x.Profile.Utility, y.Profile.Utility, options, out bool sampled);
        var frontier = analysis.Frontier.Points
            .Select(p => new PlanePoint(p.Utilities[options.XParty], p.Utilities[options.YParty]))
            .OrderBy(p => p.X).ThenByDescending(p => p.Y)
            .ToImmutableArray();
        PlanePoint? On(DealPoint? point) => point is null ? null : new PlanePoint(point.Utilities[options.XParty], point.Utilities[options.YParty]);
        var reserved = new PlanePoint(x.Profile.ReservedValue.At(options.ReservedAt), y.Profile.ReservedValue.At(options.ReservedAt));
        return new DealSpace(
            scenario.Name, x.Name, y.Name, outcomes, scenario.Space.Cardinality, sampled,
            frontier, analysis.Frontier.Exact, principals.Length > 2,
            On(analysis.Nash), On(analysis.KalaiSmorodinsky),
            reserved, options.ReservedAt, !x.Profile.ReservedValue.IsConstant || !y.Profile.ReservedValue.IsConstant);
    }

    private static ImmutableArray<PlanePoint> SampleOutcomes(
        Scenario scenario, Preferences.UtilityFunction ux, Preferences.UtilityFunction uy, DealSpaceOptions options, out bool sampled)
    {
        var space = scenario.Space;
        sampled = false;
        if (!space.IsDiscrete || options.MaxOutcomes <= 0) return [];
        var values = new int[space.IssueCount];
        var points = ImmutableArray.CreateBuilder<PlanePoint>();
        if (space.IsEnumerable && space.Count <= options.MaxOutcomes)
        {
            for (long i = 0; i < space.Count; i++)
            {
                space.Decode(i, values);
                points.Add(new PlanePoint(ux.Utility(values), uy.Utility(values)));
            }
            return points.ToImmutable();
        }
        sampled = true;
        var random = new Random(options.Seed);
        var radices = space.Radices.ToArray();
        for (int k = 0; k < options.MaxOutcomes; k++)
        {
            for (int i = 0; i < values.Length; i++) values[i] = random.Next(radices[i]);
            points.Add(new PlanePoint(ux.Utility(values), uy.Utility(values)));
        }
        return points.ToImmutable();
    }
}
