using System.Collections.Immutable;
using CsCheck;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis;

/// <summary>Small random spaces and utilities for property tests, with deliberate ties (evaluations on a coarse grid).</summary>
internal static class RandomSpaces
{
    /// <summary>A random additive scenario description: parties, issues, value counts and a seed for the rest.</summary>
    public static Gen<Scenario> AdditiveScenario(int minParties = 2, int maxParties = 4) =>
        Gen.Select(Gen.Int[minParties, maxParties], Gen.Int[1, 4], Gen.Int[2, 5], Gen.Int, Gen.Bool,
            (parties, issues, values, seed, heavy) => Additive(parties, issues, values, seed, heavy));

    /// <summary>
    /// A scenario with <paramref name="parties"/> linear additive parties over <paramref name="issues"/> discrete issues of
    /// up to <paramref name="maxValues"/> values. With <paramref name="heavyWeights"/> the weights may sum past 1, so the cap
    /// at 1 matters. Reserved values are random on a coarse grid.
    /// </summary>
    public static Scenario Additive(int parties, int issues, int maxValues, int seed, bool heavyWeights)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues)
            .Select(i => new DiscreteIssue($"i{i}", Enumerable.Range(0, rng.Next(2, maxValues + 1)).Select(v => $"v{v}").ToArray())));
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < parties; p++)
        {
            var weights = Enumerable.Range(0, issues).Select(_ => rng.Next(0, 5) / (heavyWeights ? 4.0 : 4.0 * issues)).ToArray();
            var evaluators = space.Issues.Select(issue => (IssueEvaluator)new DiscreteEvaluator(
                Enumerable.Range(0, issue.ValueCount).Select(_ => (double)rng.Next(0, 4)).ToArray())).ToArray();
            var utility = new LinearAdditiveUtility(space, weights, evaluators);
            var reserved = ReservedValueCurve.Constant(rng.Next(0, 4) / 8.0);
            list.Add(new Party($"p{p}", PartyRole.Principal, new Profile(utility, reserved)));
        }
        return new Scenario($"random-{seed}", space, list.ToImmutable());
    }

    /// <summary>Rows of random utilities on a grid of <paramref name="levels"/> steps (ties are common).</summary>
    public static double[][] GridRows(int parties, int outcomes, int levels, int seed)
    {
        var rng = new Random(seed);
        var rows = new double[parties][];
        for (int p = 0; p < parties; p++)
        {
            rows[p] = new double[outcomes];
            for (int o = 0; o < outcomes; o++) rows[p][o] = rng.Next(0, levels + 1) / (double)levels;
        }
        return rows;
    }

    public static UtilityMatrix Matrix(Scenario scenario) =>
        UtilityMatrix.Evaluate(scenario.Space, scenario.Parties.Select(p => p.Profile.Utility).ToArray());
}
