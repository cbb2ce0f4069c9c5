// This file is quoted verbatim in docs/negotiators.md (CustomNegotiatorExampleTests checks that it still is).
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Examples;

/// <summary>
/// Bidding part: concedes a fixed step of its own utility each time an opponent makes a new offer (never below its
/// reserved value) and, among the few outcomes at its target, offers the one the opponent model rates highest.
/// </summary>
public sealed class SteppingBidding(double step) : IBiddingStrategy
{
    private NegotiatorContext _context = null!;
    private IOpponentModel? _model;
    private double _target;
    private Outcome? _lastOpponentOffer;

    public void Initialize(NegotiatorContext context, IOpponentModel? opponentModel)
    {
        _context = context;
        _model = opponentModel;
        _target = context.Index.MaxUtility;
        _lastOpponentOffer = null;
    }

    public double Target => _target;

    public Outcome NextBid(in SaoState state)
    {
        if (state.StandingOffer is { } offer && state.Proposer != _context.PartyIndex && offer != _lastOpponentOffer)
        {
            _lastOpponentOffer = offer;
            _target = Math.Max(_context.ReservedValue(state.Time), _target - step);
        }
        var index = _context.Index;                      // own utilities only, ranked worst → best
        int lowest = index.RankAtLeast(_target);         // binary search
        if (lowest >= index.Count) return index.Best;
        int best = lowest;
        for (int rank = lowest + 1; rank < Math.Min(index.Count, lowest + 10); rank++)
        {
            if (_model is not null && _model.PredictUtility(index.OutcomeAt(rank)) > _model.PredictUtility(index.OutcomeAt(best)))
                best = rank;
        }
        return index.OutcomeAt(best);
    }
}

/// <summary>A negotiator written directly against INegotiator: offers its best outcome, accepts anything worth ≥ 0.8.</summary>
public sealed class FirstComeNegotiator : INegotiator
{
    private NegotiatorContext _context = null!;

    public string Name => "FirstCome";

    public void Initialize(NegotiatorContext context) => _context = context;

    public Outcome Propose(in SaoState state) => _context.Index.Best;

    public SaoResponse Respond(in SaoState state, Outcome offer) =>
        _context.Utility(offer) >= 0.8 ? SaoResponse.Accept : SaoResponse.Reject;
}

public static class MyNegotiators
{
    /// <summary>Bidding + acceptance + opponent model, composed.</summary>
    public static ComposedNegotiator Stepper() => new(
        "Stepper",
        new SteppingBidding(step: 0.02),
        AcceptanceStrategy.Next().Or(AcceptanceStrategy.Time(0.98).And(AcceptanceStrategy.Constant(0.6))),
        new FrequencyOpponentModel());

    /// <summary>Runs Stepper against the built-in Boulware on a scenario folder (GENIUS) or YAML file.</summary>
    public static NegotiationResult PlayBoulware(string scenarioPath)
    {
        Scenario scenario = ScenarioLoader.Load(scenarioPath);
        INegotiator[] negotiators = [Stepper(), NegotiatorRegistry.Create("boulware")];
        var result = Negotiation.Run(scenario, negotiators, new SaoOptions { Rounds = 1000, Seed = 42 });
        Console.WriteLine($"{result.Status} after {result.Rounds} rounds; utilities {string.Join(", ", result.Utilities)}");
        return result;
    }
}
