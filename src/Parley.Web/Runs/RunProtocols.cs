using System.Collections.Immutable;
using Parley.Agents;
using Parley.Plots;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Web.Runs;

/// <summary>What a finished run from the page holds: the neutral record the plots use, plus the agreement in words.</summary>
/// <param name="Record">Transcript, parties and agreement utilities.</param>
/// <param name="Negotiators">The negotiator seated for each principal.</param>
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
        new("sao", "Stacked alternating offers: principals take turns to offer, accept or walk away.", RunSao),
    ];

    public static RunProtocol? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    private static FinishedRun RunSao(Scenario scenario, IReadOnlyList<string> names, int rounds, int seed, TimeSpan timeLimit)
    {
        var table = scenario with { Parties = [.. scenario.Principals] };
        var negotiators = Enumerable.Range(0, table.Parties.Length).Select(i => NegotiatorRegistry.Create(names[i % names.Count])).ToArray();
        var result = Negotiation.Run(table, negotiators, new SaoOptions { Rounds = rounds, TimeLimit = timeLimit, Seed = seed });
        var entries = ImmutableArray.CreateBuilder<RunEntry>(result.Transcript.Count);
        foreach (var e in result.Transcript)
            entries.Add(new RunEntry(e.Round, e.Time, result.Parties[e.Party], Camel(e.Action.ToString()),
                e.Outcome is null ? [] : [.. e.Utilities.ToArray()], []));
        var record = new RunRecord(scenario.Name, null, result.Parties, entries.MoveToImmutable(),
            result.HasAgreement ? result.UndiscountedUtilities : null, result.Rounds, result.EndTime, Camel(result.Status.ToString()));
        var agreement = result.HasAgreement ? table.Space.Describe(result.AgreementValues.AsSpan()) : null;
        return new FinishedRun(record, result.Negotiators, agreement, result.Failure is { } f ? $"{f.PartyName}: {f.Reason}" : null);
    }

    internal static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
