using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

public class NegotiationQualityTests
{
    [Fact]
    public void Measure_AgreementOnFrontier_ZeroDistance()
    {
        var s = TestScenarios.Opposed();
        var (frontier, nash) = Parley.Tests.Testing.BruteForce.Analyse(s);
        var deal = nash.ToOutcome(s.Space);
        var b = new ScriptedNegotiator("b", respond: (_, _) => SaoResponse.Accept);
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a", _ => deal), b], new SaoOptions { Rounds = 5 });
        var q = NegotiationQuality.Measure(result, frontier, nash);
        Assert.Equal(0.0, q.DistanceToPareto, 12);
        Assert.Equal(0.0, q.DistanceToNash!.Value, 12);
        Assert.Equal(nash.Utilities.Sum(), q.SocialWelfare, 12);
        Assert.Null(q.Failure);
    }

    [Fact]
    public void Measure_NoAgreement_MeasuresReservedVector()
    {
        var s = TestScenarios.Opposed(reserved: 0.0);
        var (frontier, nash) = Parley.Tests.Testing.BruteForce.Analyse(s);
        var result = Negotiation.Run(s, [Negotiators.Hardliner(), Negotiators.Hardliner()], new SaoOptions { Rounds = 5 });
        var q = NegotiationQuality.Measure(result, frontier, nash);
        double expected = frontier.Points.Min(p => Math.Sqrt(p.Utilities[0] * p.Utilities[0] + p.Utilities[1] * p.Utilities[1]));
        Assert.Equal(expected, q.DistanceToPareto, 12);
        Assert.Equal(Math.Sqrt(nash.Utilities[0] * nash.Utilities[0] + nash.Utilities[1] * nash.Utilities[1]), q.DistanceToNash!.Value, 12);
        Assert.Equal(0.0, q.SocialWelfare);
    }

    [Fact]
    public void Measure_OffFrontierAgreement_PositiveDistance()
    {
        var s = TestScenarios.Opposed();
        var (frontier, _) = Parley.Tests.Testing.BruteForce.Analyse(s);
        var dominated = Enumerable.Range(0, 20).Select(i => (Parley.Outcomes.Outcome)i).First(o => Dominated(s, o));
        var b = new ScriptedNegotiator("b", respond: (_, _) => SaoResponse.Accept);
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a", _ => dominated), b], new SaoOptions { Rounds = 5 });
        Assert.True(NegotiationQuality.Measure(result, frontier, null).DistanceToPareto > 0);
        Assert.Null(NegotiationQuality.Measure(result, frontier, null).DistanceToNash);
    }

    private static bool Dominated(Parley.Scenarios.Scenario s, Parley.Outcomes.Outcome o)
    {
        double a = s.Parties[0].Profile.Utility.Utility(o), b = s.Parties[1].Profile.Utility.Utility(o);
        for (int i = 0; i < 20; i++)
        {
            double x = s.Parties[0].Profile.Utility.Utility((Parley.Outcomes.Outcome)i), y = s.Parties[1].Profile.Utility.Utility((Parley.Outcomes.Outcome)i);
            if (x >= a && y >= b && (x > a || y > b)) return true;
        }
        return false;
    }
}
