using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Testing;

/// <summary>Tiny hand-made scenarios for protocol and negotiator tests.</summary>
internal static class TestScenarios
{
    /// <summary>Two issues (4 × 5 = 20 outcomes); party 0 prefers high value indices, party 1 low ones, party 2 (if any) the middle.</summary>
    public static Scenario Opposed(int parties = 2, double discount = 1.0, double reserved = 0.0)
    {
        var space = new OutcomeSpace([
            new DiscreteIssue("price", ["a", "b", "c", "d"]),
            new DiscreteIssue("delivery", ["v", "w", "x", "y", "z"]),
        ]);
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < parties; p++)
        {
            Func<int, int, double> eval = (p % 3) switch
            {
                0 => (v, n) => v + 1.0,
                1 => (v, n) => n - v,
                _ => (v, n) => n - Math.Abs(2 * v - (n - 1)),
            };
            var evaluators = space.Issues.Select(i => (IssueEvaluator)new DiscreteEvaluator(
                Enumerable.Range(0, i.ValueCount).Select(v => eval(v, i.ValueCount)).ToArray())).ToArray();
            double[] weights = p % 2 == 0 ? [0.6, 0.4] : [0.3, 0.7];
            var utility = new LinearAdditiveUtility(space, weights, evaluators);
            list.Add(new Party($"party{p}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(reserved), discount)));
        }
        return new Scenario($"opposed{parties}", space, list.ToImmutable());
    }

    /// <summary>The outcome with the given value indices.</summary>
    public static Outcome At(Scenario scenario, params int[] values) => scenario.Space.Encode(values);
}
