using Parley.Agents.Shuttle;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Shuttle;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Protocols;

public class ShuttleTests
{
    /// <summary>Two principals (0, 1) and one mediator (2); channels 0–2 (delay <paramref name="delay"/>) and 1–2, none 0–1.</summary>
    internal static Scenario Mediated(int delay = 0)
    {
        var s = TestScenarios.Opposed(3);
        var parties = s.Parties.SetItem(2, s.Parties[2] with { Name = "mediator", Role = PartyRole.Mediator });
        return new Scenario(s.Name, s.Space, parties) { Channels = new CommunicationGraph(3, [new Channel(0, 2, delay), new Channel(1, 2)]) };
    }

    private static ShuttleOptions Rounds(int rounds, int seed = 1) => new() { Rounds = rounds, Seed = seed };

    [Fact]
    public void Run_MessageAlongMissingChannel_RefusedAndAttributedToSender()
    {
        var s = Mediated();
        var sender = new ScriptedParty((_, _) => new ShuttleMessage(NegotiationAction.Offer, 1, new Outcome(3)));
        var r = Negotiation.Run(s, [sender, ShuttleRegistry.CreatePrincipal("linear")], [new RelayMediator()], Rounds(10));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("no channel", r.Failure.Reason);
        Assert.DoesNotContain(r.Transcript, e => e.Action == NegotiationAction.Offer);
    }

    [Fact]
    public void Run_DelayedChannel_MessageReachesAddresseeOnlyAfterTheDelay()
    {
        var s = Mediated(delay: 2);
        var sender = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(7)) : ShuttleMessage.Pass);
        var mediator = new ScriptedParty((_, _) => ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [sender, new ScriptedParty((_, _) => ShuttleMessage.Pass)], [mediator], Rounds(5));
        // Seen by the mediator: nothing in rounds 0 and 1, the delivery at the start of round 2.
        Assert.Equal([0, 0, 1, 1, 1], mediator.VisibleCounts);
        var sent = r.Transcript.Single(e => e.Action == NegotiationAction.Offer);
        Assert.Equal(0, sent.Round);
        Assert.Equal(Audience.Nobody, sent.Entry.Recipients);
        var delivered = r.Transcript.Single(e => e.Action == NegotiationAction.Deliver);
        Assert.Equal(2, delivered.Round);
        Assert.Equal((0, 2), (delivered.Party, delivered.Entry.To));
        Assert.Equal("Offer", delivered.Entry.Note);
        Assert.Equal(new Outcome(7), delivered.Outcome);
    }

    [Fact]
    public void Run_AllPrincipalsCommitToOnePackage_Agreement()
    {
        var s = Mediated();
        var deal = new Outcome(11);
        var a = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, deal) : ShuttleMessage.Pass);
        var b = new ScriptedParty((st, _) => st.Round == 1 ? new ShuttleMessage(NegotiationAction.Accept, 2, deal) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [a, b], [new RelayMediator()], Rounds(10));
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        Assert.Equal(deal, r.Agreement);
        Assert.Equal(2, r.Rounds);
    }

    [Fact]
    public void Run_BuiltInParties_AgreeAlongChannelsOnly()
    {
        var s = Mediated(delay: 1);
        foreach (var mediator in new IShuttleParty[] { new RelayMediator(), new BridgingMediator() })
        {
            var r = Negotiation.Run(s, [ShuttleRegistry.CreatePrincipal("linear"), ShuttleRegistry.CreatePrincipal("leastimportantfirst")], [mediator], Rounds(200));
            Assert.Null(r.Failure);
            Assert.Equal(NegotiationStatus.Agreed, r.Status);
            foreach (var e in r.Transcript)
                if (e.Entry.To >= 0) Assert.True(s.Channels!.Allows(e.Party, e.Entry.To, out _), $"{e.Entry} is not along a channel");
        }
    }

    [Fact]
    public void LeastImportantFirst_ConcedesIssuesInOrderOfImportance()
    {
        var s = Mediated();
        var p = new LeastImportantFirstPrincipal();
        p.Initialize(Contexts.For(s, 0));
        // Party 0 weighs price 0.6 and delivery 0.4: delivery is given up first.
        Assert.Equal([1, 0], p.ConcessionOrder);
    }

    internal sealed class ScriptedParty(Func<ShuttleState, NegotiatorContext, ShuttleMessage> act) : IShuttleParty
    {
        private NegotiatorContext? _context;
        public string Name => "scripted";
        public List<int> VisibleCounts { get; } = [];
        public void Initialize(NegotiatorContext context) => _context = context;

        public ShuttleMessage Act(in ShuttleState state)
        {
            int me = _context!.PartyIndex, count = 0;
            for (int i = 0; i < _context.History.Count; i++) if (_context.History[i].Party != me) count++;
            VisibleCounts.Add(count);
            return act(state, _context);
        }
    }
}
