using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Protocols;

/// <summary>What every protocol guarantees, checked on each: red lines, events, determinism, seating of mediators.</summary>
public class ProtocolConformanceTests
{
    public static TheoryData<string> Protocols() => ["sao", "single-text", "shuttle"];

    private static NegotiationResult Run(Scenario s, string protocol, string agents, int seed = 1, int rounds = 100, string? mediators = null) =>
        NamedNegotiation.Run(s, new NegotiationSetup
        {
            Protocol = protocol, Negotiators = agents.Split(','), Mediators = mediators?.Split(',') ?? [], Seed = seed, Rounds = rounds,
        });

    /// <summary>Party 0's best price ("d") and party 1's best delivery ("v") are their own red lines... of the other side.</summary>
    private static Scenario WithRedLines()
    {
        var s = TestScenarios.Opposed();
        var p0 = s.Parties[0] with { Profile = s.Parties[0].Profile with { RedLines = new RedLines([RedLine.OnValue(1, 0), RedLine.OnValue(1, 1)]) } };
        var p1 = s.Parties[1] with { Profile = s.Parties[1].Profile with { RedLines = new RedLines([RedLine.OnValue(0, 3)]) } };
        return s with { Parties = [p0, p1] };
    }

    public static TheoryData<string, string> EveryMediator()
    {
        var data = new TheoryData<string, string>();
        foreach (var m in MediatorRegistry.Available) data.Add("single-text", m.Name);
        foreach (var m in Parley.Agents.Shuttle.ShuttleRegistry.Mediators) data.Add("shuttle", m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMediator))]
    public void NoPackageInsideEveryRedLine_MediatorPutsNoText_NeverOneThatCrosses(string protocol, string mediator)
    {
        // Party 0 refuses deliveries v and w, party 1 refuses x, y and z: every package crosses someone's red line.
        var s = TestScenarios.Opposed();
        var p0 = s.Parties[0] with { Profile = s.Parties[0].Profile with { RedLines = new RedLines([RedLine.OnValue(1, 0), RedLine.OnValue(1, 1)]) } };
        var p1 = s.Parties[1] with { Profile = s.Parties[1].Profile with { RedLines = new RedLines([RedLine.OnValue(1, 2), RedLine.OnValue(1, 3), RedLine.OnValue(1, 4)]) } };
        s = s with { Parties = [p0, p1] };
        var r = Run(s, protocol, protocol == "shuttle" ? "leastimportantfirst,leastimportantfirst" : "sincere,sincere", rounds: 20, mediators: mediator);
        Assert.Null(r.Agreement);
        Assert.Null(r.Failure);
        // Pass moves are not recorded: the transcript holds no text of the mediator's at all.
        foreach (var e in r.Transcript.Where(e => e.Party == 2 && e.Action == NegotiationAction.Propose))
            Assert.Fail($"{protocol} {mediator}: the mediator put {e.Entry}, which crosses a red line (every package does)");
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void RedLines_NeverAcceptedOrOffered(string protocol)
    {
        var s = WithRedLines();
        int agreements = 0;
        foreach (var agents in new[] { "conceder,conceder", "boulware,linear", "linear,conceder" })
            for (int seed = 0; seed < 5; seed++)
            {
                var r = Run(s, protocol, agents, seed);
                Assert.Null(r.Failure);
                foreach (var e in r.Transcript)
                {
                    if (e.Party is not (0 or 1) || e.Outcome is not { } o) continue;
                    if (e.Action is not (NegotiationAction.Accept or NegotiationAction.Offer or NegotiationAction.Concede)) continue;
                    Assert.False(Crosses(s, e.Party, o), $"{protocol} {agents} seed {seed}: {e.Entry} crosses party {e.Party}'s red line");
                }
                if (r.Agreement is { } deal)
                {
                    agreements++;
                    Assert.False(Crosses(s, 0, deal) || Crosses(s, 1, deal));
                }
            }
        Assert.True(agreements > 0, "some pairing should still agree outside the red lines");
    }

    [Fact]
    public void RedLines_EverySingleTextMediatorAndVoter_NoAgreementCrossesThem()
    {
        var s = WithRedLines();
        foreach (var mediator in MediatorRegistry.Available.Select(m => m.Name))
        {
            int agreements = 0;
            foreach (var agents in new[] { "sincere,sincere", "micro,conceder", "sincere,boulware" })
                for (int seed = 0; seed < 5; seed++)
                {
                    var r = Run(s, "single-text", agents, seed, mediators: mediator);
                    Assert.Null(r.Failure);
                    if (r.Agreement is not { } deal) continue;
                    agreements++;
                    Assert.False(Crosses(s, 0, deal) || Crosses(s, 1, deal), $"{mediator} {agents} seed {seed}");
                }
            Assert.True(agreements > 0, $"{mediator}: no agreement outside the red lines");
        }
    }

    private static bool Crosses(Scenario s, int party, Outcome o)
    {
        var values = new int[s.Space.IssueCount];
        s.Space.Decode(o, values);
        return s.Parties[party].Profile.RedLines.Crosses(values);
    }

    [Fact]
    public void RedLines_NegotiatorAcceptingAcrossThem_FailsAttributedToIt()
    {
        var s = WithRedLines();
        var crossing = TestScenarios.At(s, 3, 4); // price d: party 1's red line
        var r = Negotiation.Run(s, [new ScriptedNegotiator("a", _ => crossing), new ScriptedNegotiator("b", respond: (_, _) => SaoResponse.Accept)],
            new SaoOptions { Rounds = 10 });
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(1, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("red line", r.Failure.Reason);
        Assert.Null(r.Agreement);
    }

    private static Scenario WithEvents(params ScenarioEvent[] events) => TestScenarios.Opposed() with { Timeline = new Timeline(events) };

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Events_FireAtTheirTimeAndAreListed(string protocol)
    {
        var s = WithEvents(new Milestone(0.5, "halfway"), new ReservedValueChange(0.25, "outside option improves", 1, 0.2));
        var r = Run(s, protocol, "hardliner,hardliner", rounds: 40);
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        var events = Enumerable.Range(0, r.Transcript.Count).Where(i => r.Transcript[i].Action == NegotiationAction.Event).ToList();
        Assert.Equal(2, events.Count);
        var first = r.Transcript[events[0]];
        var second = r.Transcript[events[1]];
        Assert.Contains("outside option improves", first.Entry.Note);
        Assert.Equal(1, first.Party);
        Assert.Contains("halfway", second.Entry.Note);
        Assert.Equal(-1, second.Party);
        foreach (var (i, at) in new[] { (events[0], 0.25), (events[1], 0.5) })
        {
            Assert.True(r.Transcript[i].Time >= at, $"{r.Transcript[i].Entry} fired before {at}");
            Assert.True(r.Transcript[i - 1].Time < at, $"{r.Transcript[i].Entry} fired late: {r.Transcript[i - 1].Entry} came before it after {at}");
        }
        // The step moved party 1's outside option: without agreement it gets 0 + 0.2.
        Assert.Equal(0.2, r.Utilities[1], 12);
        Assert.Equal(0.0, r.Utilities[0], 12);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Events_PrincipalLeaves_NegotiationEnds(string protocol)
    {
        var s = WithEvents(new PartyLeaves(0.3, "walks out", 0));
        var r = Run(s, protocol, "hardliner,hardliner", rounds: 40);
        Assert.Equal(NegotiationStatus.Ended, r.Status);
        Assert.Null(r.Agreement);
        Assert.InRange(r.EndTime, 0.3, 0.34);
        Assert.Equal(NegotiationAction.Event, r.Transcript.Last().Action);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Events_ValueWithdrawn_NoAgreementUsesIt(string protocol)
    {
        // From t = 0 on, delivery "z" (index 4) is gone; conceders agree on something else.
        var s = WithEvents(new IssueValueWithdrawn(0.0, "z no longer possible", 1, 4));
        for (int seed = 0; seed < 3; seed++)
        {
            var r = Run(s, protocol, "conceder,conceder", seed);
            Assert.Null(r.Failure);
            if (r.HasAgreement) Assert.NotEqual(4, r.AgreementValues[1]);
        }
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Run_SameSeed_SameTranscript(string protocol)
    {
        var s = TestScenarios.Opposed();
        string Csv(int seed)
        {
            var r = Run(s, protocol, protocol == "shuttle" ? "leastimportantfirst,conceder" : "random,conceder", seed, rounds: 200,
                mediators: protocol == "shuttle" ? "bridging" : protocol == "single-text" ? "nash" : null);
            var w = new StringWriter();
            r.Transcript.WriteCsv(w, s.Space, r.Parties);
            return w.ToString();
        }
        Assert.Equal(Csv(5), Csv(5));
        if (protocol != "shuttle") Assert.NotEqual(Csv(5), Csv(6));
    }

    /// <summary>Opposed(3) with party 2 as a mediator that prefers the middle values, with stake α.</summary>
    internal static Scenario WithStakedMediator(double stake)
    {
        var s = TestScenarios.Opposed(3);
        return s with { Parties = s.Parties.SetItem(2, s.Parties[2] with { Name = "mediator", Role = PartyRole.Mediator, Stake = stake }) };
    }

    [Fact]
    public void Stake_ChangesTheProposedText()
    {
        double MeanMediatorUtility(double stake, out HashSet<Outcome> firstTexts)
        {
            var s = WithStakedMediator(stake);
            double sum = 0;
            firstTexts = [];
            for (int seed = 0; seed < 20; seed++)
            {
                var r = Run(s, "single-text", "linear,linear", seed, mediators: "staked");
                firstTexts.Add(r.Transcript.First(e => e.Action == NegotiationAction.Propose).Outcome!.Value);
                sum += r.HasAgreement ? s.Parties[2].Profile.Utility.Utility(r.Agreement!.Value) : 0;
            }
            return sum / 20;
        }
        double selfish = MeanMediatorUtility(0.0, out var selfishTexts);
        double neutral = MeanMediatorUtility(1.0, out var neutralTexts);
        var mediator = WithStakedMediator(0).Parties[2].Profile.Utility;
        // With α = 0 the first text is always the mediator's favourite; with α = 1 a random one.
        Assert.Equal([UtilityIndex.For(mediator).Best], selfishTexts);
        Assert.True(neutralTexts.Count > 5, $"{neutralTexts.Count} distinct first texts with α = 1");
        Assert.True(selfish > neutral + 0.05, $"mediator utility {selfish:0.000} with α = 0 vs {neutral:0.000} with α = 1");
    }

    [Fact]
    public void Stake_MediatorUtilityIsAlphaPlusOneMinusAlphaTimesOwn()
    {
        var s = WithStakedMediator(0.4);
        var r = Run(s, "single-text", "conceder,conceder", mediators: "staked");
        Assert.True(r.HasAgreement);
        double own = s.Parties[2].Profile.Utility.Utility(r.Agreement!.Value);
        Assert.Equal(0.4 + 0.6 * own, r.Utilities[2], 12);
    }

    [Fact]
    public void Library_SaoOnScenarioWithMediators_LeavesThemOutAsTheCliDoes_AndQualityMeasures()
    {
        var s = WithStakedMediator(0.5);
        var r = Negotiation.Run(s, [Negotiators.Boulware(), Negotiators.Conceder()], new SaoOptions { Rounds = 100 });
        Assert.Equal(new[] { "party0", "party1" }, r.Parties.ToArray());
        var analysis = ScenarioAnalyzer.Analyze(s, new AnalysisOptions(0));
        var q = NegotiationQuality.Measure(r, analysis.Frontier, analysis.Nash);
        Assert.True(double.IsFinite(q.DistanceToPareto));
    }

    [Theory]
    [InlineData("single-text")]
    [InlineData("shuttle")]
    public void Library_MediatedProtocol_SeatsScenarioMediators_AndQualityMeasuresPrincipals(string protocol)
    {
        var s = WithStakedMediator(0.5);
        var r = Run(s, protocol, "conceder,conceder");
        Assert.Equal(new[] { "party0", "party1", "mediator" }, r.Parties.ToArray());
        Assert.Equal(PartyRole.Mediator, r.Roles[2]);
        var analysis = ScenarioAnalyzer.Analyze(s, new AnalysisOptions(0));
        var q = NegotiationQuality.Measure(r, analysis.Frontier, analysis.Nash);
        Assert.True(double.IsFinite(q.DistanceToPareto));
        Assert.Equal(r.Utilities[0] + r.Utilities[1], r.SocialWelfare, 12);
    }
}
