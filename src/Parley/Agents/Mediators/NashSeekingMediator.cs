using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Mediators;

/// <summary>
/// A single-text mediator that steers toward a balanced deal (the Nash point) using only what the answers reveal. It
/// climbs like <see cref="HillClimbingMediator"/> — a change is kept only when no principal vetoes it — but chooses its
/// single-issue changes: from the first round it tries changes on the issues that a principal who rejected or vetoed the
/// last text objects to, taking first the principal who has vetoed most (the one the proposals keep hurting; ties: the
/// one for whom the fewest kept changes were made), so kept changes tend to go to the side that has gained least and the
/// climb moves toward balance rather than wherever a random order leads. When no directed change is left it falls back to the hill climber's
/// shuffled order, trades and two-issue changes. At a local optimum where some principals accept the text and others
/// reject it, it moves the text toward those who reject: it changes one of the issues they object to and keeps the change
/// when they do not veto it, even if a principal who had accepted does — the satisfied side pays for the unsatisfied
/// side's gain — and climbs again from there.
/// </summary>
public sealed class NashSeekingMediator : HillClimbingMediator
{
    private Outcome? _trade;
    private int _tradeFor = -1;
    private ulong _settledAccepts;
    private ulong _settledUnhappy;

    // Directed climbing: per party, the issues its last answer objected to, the kept changes made for it, its vetoes.
    private ulong[] _objections = [];
    private int[] _credit = [];
    private int[] _vetoCount = [];
    private ulong _lastUnhappy;
    private ulong _exhausted; // parties whose objected issues were all tried since the standing text last changed
    private int _target = -1;
    private ulong _targetIssues; // the target's objected issues not yet fully tried
    private int _issue = -1;
    private int _valueStep; // values of _issue tried so far
    private int _valueOffset;
    private Outcome? _directed;
    private int _directedFor = -1;
    private Outcome? _cursorStanding;

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
        int parties = context.PartyCount;
        if (_objections.Length != parties)
        {
            _objections = new ulong[parties];
            _credit = new int[parties];
            _vetoCount = new int[parties];
        }
        else
        {
            Array.Clear(_objections);
            Array.Clear(_credit);
            Array.Clear(_vetoCount);
        }
        _lastUnhappy = 0;
        ResetCursor(null);
        _directed = null;
        _directedFor = -1;
    }

    /// <inheritdoc />
    protected override void OnTally(in SingleTextState state)
    {
        RecordAnswers(state);
        if (state.LastText is { } answered && state.LastVetoes == 0 && state.LastRatifierRejects == 0 && state.LastAccepts != 0 && state.LastRejects != 0
            && !Pushing && Standing == answered)
        {
            // The standing text splits the principals, some accepting and some rejecting it, nobody vetoing: move it toward
            // those who reject (the one who vetoed most first), on the issues they objected to; the satisfied side pays.
            _lastUnhappy = state.LastRejects;
            ResetCursor(Standing);
            int party = NextTarget() ? _target : -1;
            ResetCursor(Standing);
            PushTowardRejecter(state, party);
        }
        if (_directed is { } directed && state.LastText == directed && Standing == directed && _directedFor >= 0) _credit[_directedFor]++;
        _directed = null;
        _directedFor = -1;
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

    /// <inheritdoc />
    protected override int DirectedChange(Span<int> values)
    {
        var space = Context.Space;
        if (values.Length > 64) return -1;
        if (Standing != _cursorStanding) ResetCursor(Standing);
        while (true)
        {
            if (_target < 0 && !NextTarget()) return -1;
            while (_issue >= 0 || _targetIssues != 0)
            {
                if (_issue < 0)
                {
                    _issue = System.Numerics.BitOperations.TrailingZeroCount(_targetIssues);
                    _targetIssues &= _targetIssues - 1;
                    _valueStep = 0;
                    _valueOffset = Context.Random.Next(space.Radices[_issue]);
                }
                int radix = space.Radices[_issue];
                while (_valueStep < radix)
                {
                    int value = (_valueOffset + _valueStep++) % radix;
                    if (value == values[_issue]) continue;
                    values[_issue] = value;
                    _directed = space.Encode(values);
                    _directedFor = _target;
                    return _issue;
                }
                _issue = -1;
            }
            _exhausted |= 1UL << _target;
            _target = -1;
        }
    }

    // The unhappy party (rejected or vetoed the last text) with objections left to try: the one who vetoed most first,
    // then the one with the fewest kept changes made for it, then the lowest index.
    private bool NextTarget()
    {
        int best = -1;
        for (int p = 0; p < _objections.Length && p < 64; p++)
        {
            if ((_lastUnhappy & (1UL << p)) == 0 || (_exhausted & (1UL << p)) != 0 || _objections[p] == 0) continue;
            if (best < 0 || _vetoCount[p] > _vetoCount[best] || (_vetoCount[p] == _vetoCount[best] && _credit[p] < _credit[best])) best = p;
        }
        if (best < 0) return false;
        _target = best;
        _targetIssues = _objections[best];
        _issue = -1;
        return true;
    }

    private void ResetCursor(Outcome? standing)
    {
        _cursorStanding = standing;
        _exhausted = 0;
        _target = -1;
        _targetIssues = 0;
        _issue = -1;
    }

    // The last round's answers as the mediator saw them: who was unhappy, which issues each objected to, who vetoed.
    private void RecordAnswers(in SingleTextState state)
    {
        if (state.LastText is null) return;
        _lastUnhappy = state.LastRejects | state.LastVetoes;
        for (ulong v = state.LastVetoes; v != 0; v &= v - 1)
        {
            int p = System.Numerics.BitOperations.TrailingZeroCount(v);
            if (p < _vetoCount.Length) _vetoCount[p]++;
        }
        var history = Context.History;
        int round = state.Round - 1;
        for (int k = history.Count - 1; k >= 0; k--)
        {
            var e = history[k];
            if (e.Round < round) break;
            if (e.Round == round && e.Action is NegotiationAction.Reject or NegotiationAction.Veto && (uint)e.Party < (uint)_objections.Length)
                _objections[e.Party] = e.Issues;
        }
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
