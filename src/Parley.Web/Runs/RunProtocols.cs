using System.Collections.Immutable;
using Parley.Agents;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Plots;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Web.Runs;

/// <summary>What a finished run from the page holds: the neutral record the plots use, plus the agreement in words.</summary>
/// <param name="Record">Transcript, principals and agreement utilities.</param>
/// <param name="Negotiators">The negotiator seated for each party (principals and mediators, in seat order).</param>
/// <param name="Agreement">The agreement as issue → value, or null.</param>
/// <param name="Failure">Why the run failed (a negotiator error or a broken rule), or null.</param>
public sealed record FinishedRun(RunRecord Record, ImmutableArray<string> Negotiators, IReadOnlyList<KeyValuePair<string, string>>? Agreement, string? Failure);

/// <summary>One protocol the page can run: its name, what it is, and how to run it.</summary>
public sealed record RunProtocol(string Name, string Description, Func<Scenario, IReadOnlyList<string>, int, int, TimeSpan, FinishedRun> Run);

/// <summary>The protocols the page offers. Each is one entry here; the page and the plots need nothing else.</summary>
public static class RunProtocols
{
    public static readonly IReadOnlyList<RunProtocol> All =
    [
        new("sao", "Stacked alternating offers: principals take turns to offer, accept or walk away; mediators sit out.", (s, n, r, seed, t) => Run("sao", s, n, r, seed, t)),
        new("single-text", "Single negotiating text: mediators propose one text after another and the principals vote on each.", (s, n, r, seed, t) => Run("single-text", s, n, r, seed, t)),
        new("shuttle", "Shuttle diplomacy: mediators carry proposals between principals along the scenario's channels.", (s, n, r, seed, t) => Run("shuttle", s, n, r, seed, t)),
    ];

    /// <summary>The negotiators a principal may be given under <paramref name="protocol"/>.</summary>
    public static IReadOnlyList<NegotiatorInfo> Negotiators(string protocol) =>
        protocol == "shuttle" ? ShuttleRegistry.Principals : NegotiatorRegistry.Available;

    /// <summary>Runs <paramref name="protocol"/> through the library's one call by names; mediators are the protocol's default.</summary>
    private static FinishedRun Run(string protocol, Scenario scenario, IReadOnlyList<string> names, int rounds, int seed, TimeSpan timeLimit)
    {
        var result = NamedNegotiation.Run(scenario, new NegotiationSetup { Protocol = protocol, Negotiators = names, Rounds = rounds, TimeLimit = timeLimit, Seed = seed });
        return Finish(scenario, result);
    }

    /// <summary>The neutral record of <paramref name="result"/>: utilities of the principals only, messages with their addressee.</summary>
    internal static FinishedRun Finish(Scenario scenario, NegotiationResult result)
    {
        var principals = Enumerable.Range(0, result.Parties.Length).Where(result.IsPrincipal).ToArray();
        var entries = ImmutableArray.CreateBuilder<RunEntry>(result.Transcript.Count);
        foreach (var e in result.Transcript)
        {
            var u = e.Utilities.ToArray();
            ImmutableArray<double> utilities = e.Outcome is null ? [] : [.. principals.Select(p => u[p])];
            ImmutableArray<string> to = e.Entry.To >= 0 ? [result.Parties[e.Entry.To]] : [];
            entries.Add(new RunEntry(e.Round, e.Time, e.Party >= 0 ? result.Parties[e.Party] : "", Camel(e.Action.ToString()), utilities, to));
        }
        var record = new RunRecord(scenario.Name, null, [.. principals.Select(p => result.Parties[p])], entries.MoveToImmutable(),
            result.HasAgreement ? [.. principals.Select(p => result.UndiscountedUtilities[p])] : null, result.Rounds, result.EndTime, Camel(result.Status.ToString()));
        var space = scenario.Space;
        var agreement = result.HasAgreement ? space.Describe(result.AgreementValues.AsSpan()) : null;
        return new FinishedRun(record, result.Negotiators, agreement, result.Failure is { } f ? $"{f.PartyName}: {f.Reason}" : null);
    }

    internal static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
