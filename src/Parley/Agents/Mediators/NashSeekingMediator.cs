using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Mediators;

/// <summary>
/// A single-text mediator that steers toward a balanced deal (the Nash point) using only what the answers reveal. It
/// climbs like <see cref="HillClimbingMediator"/> to a text no change improves for anyone without hurting someone; then,
/// when some principals accept that text and others reject it, it moves the text toward those who reject: it changes one
/// of the issues they object to most, and keeps the change when they do not veto it, even if a principal who had accepted
/// does — the satisfied side pays for the unsatisfied side's gain — and climbs again from there. As aspirations fall, the
/// text settles where every principal's demands meet, which for symmetric concession is near the Nash point.
/// </summary>
public sealed class NashSeekingMediator : HillClimbingMediator
{
    private Outcome? _trade;
    private int _tradeFor = -1;
    private ulong _settledAccepts;
    private ulong _settledUnhappy;

    /// <inheritdoc />
    public override string Name => "NashSeeker";

    /// <inheritdoc />
    public override void Initialize(NegotiatorContext context)
    {
        base.Initialize(context);
        _trade = null;
        _tradeFor = -1;
        _settledAccepts = 0;
        _settledUnhappy = 0;
    }

    /// <inheritdoc />
    protected override void OnTally(in SingleTextState state)
    {
        if (state.LastText is { } last && last == Standing && state.LastBasis == last)
        {
            _settledAccepts = state.LastAccepts;
            _settledUnhappy = state.LastRejects | state.LastVetoes;
        }
        if (_trade is { } trade && state.LastText == trade && _tradeFor >= 0 && !Audience.Contains(state.LastVetoes, _tradeFor)
            && Standing != trade)
            Adopt(trade);
        _trade = null;
        _tradeFor = -1;
    }

    /// <inheritdoc />
    protected override TextProposal Settle(in SingleTextState state, Outcome standing)
    {
        ulong unhappy = _settledUnhappy;
        bool mixed = _settledAccepts != 0 && unhappy != 0;
        _settledAccepts = 0;
        _settledUnhappy = 0;
        if (!mixed) return Put(standing, standing, change: false);

        var context = Context;
        var space = context.Space;
        int party = System.Numerics.BitOperations.TrailingZeroCount(unhappy);
        if (party >= 64) return Put(standing, standing, change: false);
        ulong objections = LatestObjections(party);
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(standing, values);
        int issue = PickIssue(objections, values.Length);
        int radix = space.Radices[issue];
        if (radix < 2) return Put(standing, standing, change: false);
        int v = context.Random.Next(radix - 1);
        values[issue] = v >= values[issue] ? v + 1 : v;
        var trade = space.Encode(values);
        _trade = trade;
        _tradeFor = party;
        return Put(trade, standing, change: true);
    }

    private int PickIssue(ulong objections, int issues)
    {
        var random = Context.Random;
        if (issues <= 64 && objections != 0)
        {
            int count = System.Numerics.BitOperations.PopCount(objections);
            int pick = random.Next(count);
            for (int i = 0; i < issues; i++)
                if ((objections & (1UL << i)) != 0 && pick-- == 0) return i;
        }
        return random.Next(issues);
    }

    private ulong LatestObjections(int party)
    {
        var history = Context.History;
        for (int k = history.Count - 1; k >= 0; k--)
        {
            var e = history[k];
            if (e.Party == party && e.Action is NegotiationAction.Reject or NegotiationAction.Veto) return e.Issues;
        }
        return 0;
    }
}
