using System.Collections.Immutable;
using Parley.Agents;
using Parley.Agents.Negotiators;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>The negotiations <c>parley report</c> runs on a scenario, side by side, each with the report's seed.</summary>
public static class MediatedRuns
{
    /// <summary>Rounds of each run.</summary>
    public const int Rounds = 200;

    /// <summary>One run: protocol, principal negotiator(s) and mediator(s) by name (see <see cref="NegotiationSetup"/>).</summary>
    public sealed record Spec(string Protocol, IReadOnlyList<string> Negotiators, IReadOnlyList<string> Mediators);

    /// <summary>
    /// The runs of the report: single text under each built-in mediator (the scenario's mediators seated, each with its
    /// stake), shuttle with the bridging mediator and two kinds of principal, and stacked alternating offers between the
    /// principals as the unmediated baseline. Every principal plays the same negotiator, so no side is favoured.
    /// </summary>
    public static IReadOnlyList<Spec> Default { get; } =
    [
        new("single-text", ["conceder-classic"], ["staked"]),
        new("single-text", ["conceder-classic"], ["nash"]),
        new("single-text", ["conceder-classic"], ["hillclimber"]),
        new("shuttle", ["conceder"], ["bridging"]),
        new("shuttle", ["leastimportantfirst"], ["bridging"]),
        new("sao", ["conceder-classic"], []),
    ];

    /// <summary>Runs <paramref name="specs"/> (default <see cref="Default"/>) on the scenario with the seed, in order.</summary>
    public static ImmutableArray<MediatedRun> Run(Scenario scenario, int seed, IReadOnlyList<Spec>? specs = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var principals = scenario.Principals.ToArray();
        var mediators = scenario.Parties.Where(p => p.Role == PartyRole.Mediator).Select(p => p.Name).ToArray();
        var runs = ImmutableArray.CreateBuilder<MediatedRun>();
        foreach (var spec in specs ?? Default)
        {
            // Bound by rounds, not by the wall clock: a generous per-turn budget keeps a slow first turn on a large space
            // (an agent indexing the outcomes) from failing under load, so the same seed gives the same runs.
            var setup = new NegotiationSetup { Protocol = spec.Protocol, Negotiators = spec.Negotiators, Mediators = spec.Mediators, Seed = seed, Rounds = Rounds, PerTurnBudget = TimeSpan.FromMinutes(10) };
            var result = NamedNegotiation.Run(scenario, setup);
            string seating = $"principals: {string.Join(", ", spec.Negotiators)}";
            if (spec.Protocol != "sao")
                seating += $"; mediators{(mediators.Length > 0 ? $" ({string.Join(", ", mediators)})" : "")}: {string.Join(", ", spec.Mediators.Count > 0 ? spec.Mediators : [NamedNegotiation.DefaultMediator(spec.Protocol)])}";
            ImmutableArray<int>? agreement = result.HasAgreement ? result.AgreementValues : null;
            string outcome = result.Failure is { } f ? $"failure: {f}" : result.HasAgreement ? "agreement" : "no agreement by the deadline";
            string note = Describe(spec);
            if (agreement is { } a)
            {
                var crossing = principals.Where(p => p.Profile.RedLines.Crosses(a.AsSpan())).Select(p => p.Name).ToArray();
                if (crossing.Length > 0) note += $" The agreement crosses a red line of {string.Join(" and ", crossing)}.";
            }
            runs.Add(new MediatedRun(spec.Protocol, seating, seed, agreement, result.PrincipalUtilities, result.Rounds, outcome, note));
        }
        return runs.ToImmutable();
    }

    /// <summary>What a run is, in an analyst's words (every run has one).</summary>
    public static string Describe(Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string mediator = spec.Mediators.Count > 0 ? string.Join(", ", spec.Mediators) : NamedNegotiation.DefaultMediator(spec.Protocol);
        return spec.Protocol switch
        {
            "sao" => "Unmediated baseline: SAOP between the principals, no mediator seated.",
            "single-text" => $"Single negotiating text: the {mediator} mediator proposes one text at a time and every principal votes on it.",
            "shuttle" => $"Shuttle diplomacy: the {mediator} mediator carries offers between principals who never meet.",
            _ => $"{spec.Protocol} with mediator {mediator}.",
        };
    }
}
