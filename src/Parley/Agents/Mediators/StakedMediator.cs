using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Mediators;

/// <summary>
/// A single-text mediator with its own stake: its utility is α·[agreement] + (1 − α)·(its own issue preferences), with α
/// its <see cref="Scenarios.Party.Stake"/>. It climbs like <see cref="HillClimbingMediator"/> — principals' vetoes bind
/// it too — but pulls the text toward what it prefers: it starts from its own favourite outcome, and of several candidate
/// changes it proposes the one it likes best, except that with probability α it proposes a random one (a mediator that
/// only wants a deal, α = 1, is a plain hill climber; α = 0 always follows its own preferences).
/// </summary>
public sealed class StakedMediator : HillClimbingMediator
{
    /// <summary>Candidate changes compared per round.</summary>
    public const int Candidates = 8;

    private double _stake;

    /// <inheritdoc />
    public override string Name => "Staked";

    /// <inheritdoc />
    public override void Initialize(NegotiatorContext context)
    {
        base.Initialize(context);
        _stake = context.Table.Stakes.IsDefaultOrEmpty ? 1.0 : context.Table.Stakes[context.PartyIndex];
    }

    /// <inheritdoc />
    /// <remarks>A text that splits the principals is moved toward the side that rejects it: the mediator wants a deal (α).</remarks>
    protected override void OnTally(in SingleTextState state) => PushTowardRejecter(state);

    /// <inheritdoc />
    protected override Outcome StartText() => _stake < 1.0 ? Context.Index.Best : base.StartText();

    /// <inheritdoc />
    protected override bool NextChange(Span<int> values)
    {
        var context = Context;
        if (context.Random.NextDouble() < _stake) return base.NextChange(values);
        var utility = context.Profile.Utility;
        Span<int> start = values.Length <= OutcomeSpace.StackallocLimit ? stackalloc int[values.Length] : new int[values.Length];
        Span<int> best = values.Length <= OutcomeSpace.StackallocLimit ? stackalloc int[values.Length] : new int[values.Length];
        values.CopyTo(start);
        double bestUtility = double.NegativeInfinity;
        bool any = false;
        for (int k = 0; k < Candidates; k++)
        {
            start.CopyTo(values);
            if (!base.NextChange(values)) break;
            double u = utility.Utility(values);
            if (u > bestUtility)
            {
                bestUtility = u;
                values.CopyTo(best);
                any = true;
            }
        }
        if (!any) return false;
        best.CopyTo(values);
        return true;
    }
}
