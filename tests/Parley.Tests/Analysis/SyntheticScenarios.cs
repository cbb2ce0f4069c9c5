using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis;

/// <summary>Seeded synthetic bilateral additive scenarios of any size (random weights summing to 1, random evaluations).</summary>
internal static class SyntheticScenarios
{
    public static Scenario Additive(int issues, int values, int seed)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues)
            .Select(i => new DiscreteIssue($"i{i}", Enumerable.Range(0, values).Select(v => $"v{v}").ToArray())));
        var parties = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < 2; p++)
        {
            var raw = Enumerable.Range(0, issues).Select(_ => rng.NextDouble()).ToArray();
            double sum = raw.Sum();
            var evaluators = space.Issues.Select(_ => (IssueEvaluator)new DiscreteEvaluator(
                Enumerable.Range(0, values).Select(_ => Math.Round(rng.NextDouble(), 3)).ToArray())).ToArray();
            var utility = new LinearAdditiveUtility(space, raw.Select(w => w / sum), evaluators);
            parties.Add(new Party($"p{p}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(0.1 * p))));
        }
        return new Scenario($"synthetic-{issues}x{values}-{seed}", space, parties.ToImmutable());
    }
}
