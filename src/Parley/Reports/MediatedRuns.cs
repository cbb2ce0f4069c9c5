using System.Collections.Immutable;
using Parley.Agents;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>The negotiations <c>parley report</c> runs on a scenario, side by side, each with the report's seed.</summary>
public static class MediatedRuns
{
    /// <summary>Rounds of each run.</summary>
    public const int Rounds = 200;

    /// <summary>
    /// Runs the scenario's principals under stacked alternating offers (Boulware against Conceder, then the reverse),
    /// as the baseline that the mediated protocols are set against. Mediators have no seat in it and red lines are not
    /// known to these negotiators, so an agreement across a red line is flagged in the run's note.
    /// </summary>
    public static ImmutableArray<MediatedRun> Run(Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var principals = scenario.Principals.ToArray();
        var table = scenario.WithOnlyParties([.. principals.Select(p => scenario.Parties.IndexOf(p))]);
        var runs = ImmutableArray.CreateBuilder<MediatedRun>();
        foreach (var agents in new[] { new[] { "boulware", "conceder" }, ["conceder", "boulware"] })
        {
            var negotiators = Enumerable.Range(0, principals.Length).Select(i => NegotiatorRegistry.Create(agents[i % agents.Length])).ToArray();
            var result = Negotiation.Run(table, negotiators, new SaoOptions { Rounds = Rounds, Seed = seed });
            var seating = string.Join(", ", principals.Select((p, i) => $"{p.Name}: {agents[i % agents.Length]}"));
            ImmutableArray<int>? agreement = result.HasAgreement ? result.AgreementValues : null;
            string outcome = result.Failure is { } f ? $"failure: {f}" : result.HasAgreement ? "agreement" : "no agreement by the deadline";
            string note = "SAOP between the principals only (no mediator seated; the shuttle and single-text protocols are not in this build).";
            if (agreement is { } a)
            {
                var crossing = principals.Where(p => p.Profile.RedLines.Crosses(a.AsSpan())).Select(p => p.Name).ToArray();
                if (crossing.Length > 0) note += $" The agreement crosses a red line of {string.Join(" and ", crossing)}: SAOP negotiators do not know red lines.";
            }
            runs.Add(new MediatedRun("sao", seating, seed, agreement, result.Utilities, result.Rounds, outcome, note));
        }
        return runs.ToImmutable();
    }
}
