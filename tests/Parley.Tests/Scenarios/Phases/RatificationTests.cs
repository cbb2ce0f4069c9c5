using Parley.Agents;
using Parley.Outcomes;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.Phases;

/// <summary>Issue 16 §3: two-level ratification in the model, the report and every protocol.</summary>
public class RatificationTests
{
    private static string Yaml(double ratifierReserved, string protocolNote = "") => $$$"""
        name: ratification test
        issues:
          - {name: X, type: integer, min: 0, max: 9}
          - {name: Y, type: discrete, values: [a, b, c]}
        parties:
          - name: P
            reservedValue: 0.3
            utility:
              weights: {X: 0.6, Y: 0.4}
              issues:
                X: {slope: 0.111, offset: 0}
                Y: {values: {a: 0, b: 0.5, c: 1}}
            ratifier:
              name: cabinet
              source: test
              reservedValue: {{{ratifierReserved.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}
              utility:
                weights: {X: 1, Y: 0}
                issues:
                  X: {slope: 0.111, offset: 0}
                  Y: {values: {a: 1, b: 1, c: 1}}
          - name: Q
            reservedValue: 0.3
            utility:
              weights: {X: 0.5, Y: 0.5}
              issues:
                X: {slope: -0.111, offset: 1}
                Y: {values: {a: 1, b: 0.5, c: 0}}
        events:
          - {t: 0.5, name: coalition partner leaves, type: reservedValue, party: P, ratifier: true, change: -0.3}
        """;

    [Fact]
    public void Ratifier_ReadWrittenAndReadAgain_KeepsItsPositionAndEvents()
    {
        var s = YamlScenarioReader.Read("r.yaml", Yaml(0.7));
        var r = s.Parties[0].Ratifier!;
        Assert.Equal("cabinet", r.Name);
        Assert.Equal(0.7, s.RatifierReservedValueAt(0, 0));
        Assert.Equal(0.4, s.RatifierReservedValueAt(0, 0.6)!.Value, 12);
        Assert.Equal(0.3, s.ReservedValueAt(0, 0.6), 12); // the party's own outside option does not move
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(s));
        Assert.Equal("cabinet", copy.Parties[0].Ratifier!.Name);
        Assert.Equal(0.4, copy.RatifierReservedValueAt(0, 0.6)!.Value, 12);
        Assert.True(copy.Ratifies(0, [7, 0], 0) && !copy.Ratifies(0, [6, 0], 0));
    }

    [Fact]
    public void Report_WinSetAndRatifiedZone_MatchBruteForce()
    {
        var s = YamlScenarioReader.Read("r.yaml", Yaml(0.7));
        var report = ReportBuilder.Build(s, new ReportOptions(MediatedRuns: false));
        var rat = report.Ratification!;
        long win = 0, zone = 0, ratified = 0;
        var values = new int[2];
        for (long o = 0; o < s.Space.Count; o++)
        {
            s.Space.Decode(new Outcome((ulong)o), values);
            bool approves = s.Ratifies(0, values, 0);
            if (approves) win++;
            if (!(s.Accepts(0, values, 0) && s.Accepts(1, values, 0))) continue;
            zone++;
            if (approves) ratified++;
        }
        Assert.Equal(win, rat.WinSets.Single().Size);
        Assert.Equal(ratified, rat.RatifiedZoneSize);
        Assert.Equal(zone - ratified, rat.RejectedByRatifiers);
        Assert.True(rat.RejectedByRatifiers > 0 && rat.RatifiedZoneSize > 0);
        Assert.Contains(report.Findings, f => f.StartsWith("Ratification:", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> Protocols() => new()
    {
        { "sao", "conceder", "" },
        { "single-text", "sincere", "hillclimber" },
        { "shuttle", "conceder", "bridging" },
    };

    [Theory]
    [MemberData(nameof(Protocols))]
    public void EveryProtocol_AsksTheRatifierAtTheEnd_AndARefusalMeansNoAgreement(string protocol, string negotiator, string mediator)
    {
        var refusing = YamlScenarioReader.Read("r.yaml", Yaml(1)); // the cabinet approves nothing until t = 0.5: its best package is worth 0.999 to it
        var result = NamedNegotiation.Run(refusing, protocol, [negotiator, negotiator], mediator == "" ? [] : [mediator], seed: 1, rounds: 200);
        if (protocol != "sao" && result.HasAgreement)
        {
            // The mediated protocols go on after a refusal: once the coalition partner leaves (t = 0.5, the cabinet's reserved
            // value falls to 0.7) a text can pass. It must then pass the cabinet, after at least one refusal.
            var values = result.AgreementValues.AsSpan();
            Assert.True(refusing.Ratifies(0, values, result.EndTime));
            Assert.Contains(result.Transcript, e => e.Action == NegotiationAction.Reject && e.Entry.Note is { } n && n.Contains("cabinet (P's ratifier) rejects", StringComparison.Ordinal));
            return;
        }
        Assert.False(result.HasAgreement);
        var approving = YamlScenarioReader.Read("r.yaml", Yaml(0).Replace("change: -0.3", "change: 0", StringComparison.Ordinal)); // the cabinet approves everything (no event may push it below 0)
        var agreed = NamedNegotiation.Run(approving, protocol, [negotiator, negotiator], mediator == "" ? [] : [mediator], seed: 1, rounds: 200);
        Assert.True(agreed.HasAgreement, "the negotiators should agree when the ratifier approves everything");
        Assert.Contains(agreed.Transcript, e => e.Action == NegotiationAction.Accept && e.Entry.Note is { } n && n.StartsWith("ratification: cabinet", StringComparison.Ordinal));
        // With a refusing ratifier the negotiators still reach a deal between themselves and the transcript shows the
        // refusal. Alternating offers ask the ratifiers at the end and the refusal ends the negotiation; the mediated
        // protocols ask them whenever every principal's negotiators accept, and the talks go on to the deadline.
        Assert.Equal(protocol == "sao" ? NegotiationStatus.Ended : NegotiationStatus.Deadline, result.Status);
        Assert.Equal("cabinet (P)", result.RejectedByRatifier);
        Assert.Contains(result.Transcript, e => e.Action == NegotiationAction.Reject && e.Entry.Note is { } n && n.Contains("cabinet (P's ratifier) rejects", StringComparison.Ordinal));
    }
}
