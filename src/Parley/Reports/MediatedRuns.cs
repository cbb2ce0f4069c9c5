using System.Collections.Immutable;
using Parley.Agents;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
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
            var refusals = Refusals(scenario, result);
            if (agreement is null && refusals.Length > 0)
                note += $" {refusals.Length} text(s) the negotiators accepted were turned down by a ratifier ({string.Join(", ", refusals.Select(r => r.Ratifier).Distinct())}), the last in round {refusals[^1].Round}.";
            var (concessions, changes) = Concessions(scenario, spec.Protocol, result);
            runs.Add(new MediatedRun(spec.Protocol, seating, seed, agreement, result.PrincipalUtilities, result.Rounds, outcome, note)
            {
                EndTime = result.EndTime,
                Refusals = refusals,
                Concessions = concessions,
                IssueChanges = changes,
            });
        }
        return runs.ToImmutable();
    }

    // Every ratifier verdict in the transcript that turned down a text the negotiators had all accepted (during the talks
    // in the mediated protocols, at the end in alternating offers).
    private static ImmutableArray<RatifierRefusal> Refusals(Scenario scenario, Protocols.NegotiationResult result)
    {
        var list = ImmutableArray.CreateBuilder<RatifierRefusal>();
        var values = new int[scenario.Space.IssueCount];
        foreach (var e in result.Transcript)
        {
            if (e.Action != Protocols.NegotiationAction.Reject || !Protocols.RatifierNote.Marks(e.Entry.Note)) continue;
            if ((uint)e.Party >= (uint)scenario.Parties.Length || scenario.Parties[e.Party].Ratifier is not { } ratifier || e.Outcome is not { } o) continue;
            scenario.Space.Decode(o, values);
            list.Add(new RatifierRefusal(e.Round, e.Time, e.Party, ratifier.Name, [.. values]));
        }
        return list.ToImmutable();
    }

    // Each principal's utility for the first text it was asked about (single text) or its own first package (shuttle,
    // alternating offers), and for the end: the agreement, else the last text or package on the table; and the issues
    // whose value moved between the first text (or the first principal's first package) and that end.
    private static (ImmutableArray<Concession>, ImmutableArray<(int, int, int)>) Concessions(Scenario scenario, string protocol, Protocols.NegotiationResult result)
    {
        var principals = Enumerable.Range(0, scenario.Parties.Length).Where(i => scenario.Parties[i].Role == PartyRole.Principal).ToArray();
        var first = new double?[scenario.Parties.Length];
        Outcome? firstText = null, lastText = null;
        double[]? lastUtilities = null;
        bool singleText = protocol == "single-text";
        foreach (var e in result.Transcript)
        {
            if (e.Outcome is not { } o || e.Utilities.Length < scenario.Parties.Length) continue;
            bool put = singleText
                ? e.Action == Protocols.NegotiationAction.Propose
                : e.Action is Protocols.NegotiationAction.Offer or Protocols.NegotiationAction.Concede or Protocols.NegotiationAction.Propose or Protocols.NegotiationAction.Relay;
            if (!put) continue;
            firstText ??= o;
            lastText = o;
            lastUtilities = e.Utilities.ToArray();
            foreach (int p in principals)
            {
                if (first[p] is not null) continue;
                if (singleText || (e.Party == p && e.Action is Protocols.NegotiationAction.Offer or Protocols.NegotiationAction.Concede)) first[p] = e.Utilities[p];
            }
        }
        Outcome? end = result.Agreement ?? lastText;
        var concessions = principals.Select(p => new Concession(p, first[p],
            result.Agreement is not null ? result.UndiscountedUtilities[p] : lastUtilities?[p])).ToImmutableArray();
        var changes = ImmutableArray.CreateBuilder<(int, int, int)>();
        if (firstText is { } f && end is { } last)
        {
            var a = new int[scenario.Space.IssueCount];
            var b = new int[scenario.Space.IssueCount];
            scenario.Space.Decode(f, a);
            scenario.Space.Decode(last, b);
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) changes.Add((i, a[i], b[i]));
        }
        return (concessions, changes.ToImmutable());
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
