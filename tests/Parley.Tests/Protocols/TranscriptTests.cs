using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Tests.Testing;

namespace Parley.Tests.Protocols;

public class TranscriptTests
{
    [Fact]
    public void WriteCsv_HeaderAndOneLinePerAction()
    {
        var s = TestScenarios.Opposed();
        var deal = TestScenarios.At(s, 1, 2);
        var b = new ScriptedNegotiator("b", respond: (_, _) => SaoResponse.Accept);
        var r = Negotiation.Run(s, [new ScriptedNegotiator("a", _ => deal), b], new SaoOptions { Rounds = 3 });
        var w = new StringWriter();
        r.Transcript.WriteCsv(w, s.Space, r.Parties);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("step,round,time,party,action,to,outcome,price,delivery,u_party0,u_party1", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"0,0,0,party0,Offer,,{deal},b,x,", lines[1]);
        Assert.StartsWith($"1,0,0.16666666666666666,party1,Accept,,{deal},b,x,", lines[2]);
    }

    [Fact]
    public void History_SeenByNegotiators_MatchesTranscriptWithoutUtilities()
    {
        var s = TestScenarios.Opposed();
        int checks = 0;
        ScriptedNegotiator? b = null;
        b = new ScriptedNegotiator("b", st =>
        {
            var history = b!.Context!.History;
            Assert.Equal(st.Step, history.Count);
            for (int i = 0; i < history.Count; i++)
            {
                Assert.Equal(i, history[i].Step);
                Assert.Equal(i % 2, history[i].Party);
                Assert.Equal(NegotiationAction.Offer, history[i].Action);
            }
            checks++;
            return new Outcome(7);
        });
        var r = Negotiation.Run(s, [new ScriptedNegotiator("a"), b], new SaoOptions { Rounds = 4 });
        Assert.Equal(4, checks);
        Assert.Equal(r.Transcript[3].Entry, b.Context!.History[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Context!.History[r.Transcript.Count]);
    }

    [Fact]
    public void History_AcceptCarriesTheAcceptedOutcomeAndEveryEntryItsRound()
    {
        var s = TestScenarios.Opposed(parties: 3);
        var deal = TestScenarios.At(s, 1, 2);
        var b = new ScriptedNegotiator("b", _ => deal);
        var last = new ScriptedNegotiator("c", _ => TestScenarios.At(s, 3, 4),
            (st, offer) => offer == deal ? SaoResponse.Accept : SaoResponse.Reject);
        var accepting = new ScriptedNegotiator("a2", _ => TestScenarios.At(s, 0, 0), (st, offer) => offer == deal ? SaoResponse.Accept : SaoResponse.Reject);
        var r = Negotiation.Run(s, [accepting, b, last], new SaoOptions { Rounds = 5 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        var history = last.Context!.History;
        for (int i = 0; i < r.Transcript.Count; i++)
        {
            Assert.Equal(i / 3, r.Transcript[i].Round);
            if (i < history.Count) Assert.Equal(i / 3, history[i].Round);
        }
        var accepts = Enumerable.Range(0, r.Transcript.Count).Where(i => r.Transcript[i].Action == NegotiationAction.Accept).ToList();
        Assert.NotEmpty(accepts);
        Assert.All(accepts, i => Assert.Equal(deal, r.Transcript[i].Outcome));
        Assert.All(accepts.Where(i => i < history.Count), i => Assert.Equal(deal, history[i].Outcome));
    }
}
