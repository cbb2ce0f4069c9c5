using Parley.Outcomes;
using Parley.Protocols;
using Parley.Protocols.SingleText;

namespace Parley.Agents;

/// <summary>
/// A single-text mediator that climbs to the Pareto frontier in few rounds by remembering what the vetoes revealed. Like
/// <see cref="HillClimbingMediator"/> it keeps a standing text and proposes changes of it against it as basis, keeping a
/// change when no principal vetoes it; unlike it, it takes the issues as preferentially independent (true of every
/// linear additive profile) and so never asks twice what an answer already told it:
/// <list type="bullet">
/// <item>a single-issue change vetoed by some principals stays vetoed by them while that issue keeps its value, and also
/// after a kept single-issue change on that issue (which left nobody worse off on it);</item>
/// <item>a change vetoed by some principals is traded (logrolling) against a change on another issue vetoed only by
/// others — each side gives on the issue it cares less about — and a failed trade is not tried again while both issues
/// keep their values.</item>
/// </list>
/// When every single-issue change and every such trade of the standing text is known to be vetoed, no change of one issue
/// and no trade of two improves the text for anyone without hurting someone: it puts the text for agreement (as its own
/// basis). If not everyone accepts (a principal below its reserved value, or one that concedes only over time), it
/// alternates the text with random two-issue changes until the deadline. Uses only the answers (vetoes and acceptances),
/// never the principals' preferences; its own preferences play no part.
/// </summary>
public sealed class LogrollingMediator : ITextMediator
{
    private const ulong NoGain = ulong.MaxValue;

    private NegotiatorContext? _context;
    private OutcomeSpace? _space;
    private int[] _standing = [];
    private int[] _candidate = [];
    private Outcome _standingText;
    private bool _hasStanding;

    // Single-issue changes: change s sets issue _issueOf[s] to value _valueOf[s]; the order is a seeded shuffle.
    private int[] _issueOf = [];
    private int[] _valueOf = [];
    private int[] _order = [];
    private int[] _firstOfIssue = [];
    // What is known of change s: the principals who veto it (NoGain: known to gain nobody anything), valid while
    // _knownEpoch[s] equals its issue's epoch; an issue's epoch moves when its value changes other than by a kept single change.
    private ulong[] _vetoes = [];
    private int[] _knownEpoch = [];
    private int[] _epoch = [];
    private int _cursor;

    // Trades waiting to be tried: two vetoed changes on different issues with disjoint vetoers, with their issues' epochs.
    private readonly List<(int A, int B, int EpochA, int EpochB)> _trades = [];
    private int _nextTrade;

    private enum Kind : byte { None, Start, Single, Trade, Random, Settle }

    private Kind _last;
    private int _lastA = -1;
    private int _lastB = -1;
    private Outcome _lastText;
    private bool _settleNext;

    /// <inheritdoc />
    public string Name => "Logrolling";

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        var space = context.Space;
        int n = space.IssueCount;
        var radices = space.Radices;
        int count = 0;
        for (int i = 0; i < n; i++) count += radices[i];
        // A mediator reused across negotiations keeps its arrays when the space has the same shape.
        if (!ReferenceEquals(space, _space) || _issueOf.Length != count)
        {
            _space = space;
            _standing = new int[n];
            _candidate = new int[n];
            _epoch = new int[n];
            _firstOfIssue = new int[n + 1];
            _issueOf = new int[count];
            _valueOf = new int[count];
            _order = new int[count];
            _vetoes = new ulong[count];
            _knownEpoch = new int[count];
            for (int i = 0, s = 0; i < n; i++)
            {
                _firstOfIssue[i] = s;
                for (int v = 0; v < radices[i]; v++, s++)
                {
                    _issueOf[s] = i;
                    _valueOf[s] = v;
                }
            }
            _firstOfIssue[n] = count;
        }
        for (int s = 0; s < count; s++) _order[s] = s;
        context.Random.Shuffle(_order);
        Array.Clear(_epoch);
        Array.Fill(_knownEpoch, -1);
        _cursor = 0;
        _trades.Clear();
        _nextTrade = 0;
        _hasStanding = false;
        _last = Kind.None;
        _lastA = _lastB = -1;
        _settleNext = false;
    }

    /// <inheritdoc />
    public TextProposal Propose(in SingleTextState state)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        var space = context.Space;
        Learn(state);
        if (!_hasStanding)
        {
            var radices = space.Radices;
            for (int i = 0; i < _candidate.Length; i++) _candidate[i] = context.Random.Next(radices[i]);
            return Put(Kind.Start, -1, -1, space.Encode(_candidate), null);
        }
        if (NextSingle(out int s))
        {
            _standing.CopyTo(_candidate, 0);
            _candidate[_issueOf[s]] = _valueOf[s];
            return Put(Kind.Single, s, -1, space.Encode(_candidate), _standingText);
        }
        if (NextTrade(out int a, out int b))
        {
            _standing.CopyTo(_candidate, 0);
            _candidate[_issueOf[a]] = _valueOf[a];
            _candidate[_issueOf[b]] = _valueOf[b];
            return Put(Kind.Trade, a, b, space.Encode(_candidate), _standingText);
        }
        // A local optimum: put it for agreement, and between such rounds try random two-issue changes.
        _settleNext = !_settleNext;
        if (_settleNext || _candidate.Length < 2) return Put(Kind.Settle, -1, -1, _standingText, _standingText);
        _standing.CopyTo(_candidate, 0);
        var random = context.Random;
        var r = space.Radices;
        int i1 = random.Next(_candidate.Length);
        int i2 = random.Next(_candidate.Length - 1);
        if (i2 >= i1) i2++;
        _candidate[i1] = Other(random, _candidate[i1], r[i1]);
        _candidate[i2] = Other(random, _candidate[i2], r[i2]);
        return Put(Kind.Random, i1, i2, space.Encode(_candidate), _standingText);
    }

    private TextProposal Put(Kind kind, int a, int b, Outcome text, Outcome? basis)
    {
        _last = kind;
        _lastA = a;
        _lastB = b;
        _lastText = text;
        return new TextProposal(text, basis);
    }

    private static int Other(Random random, int value, int radix)
    {
        if (radix < 2) return value;
        int v = random.Next(radix - 1);
        return v >= value ? v + 1 : v;
    }

    // The next single-issue change whose answer is not known, in the shuffled order.
    private bool NextSingle(out int change)
    {
        int count = _order.Length;
        for (int tries = 0; tries < count; tries++)
        {
            int s = _order[_cursor];
            _cursor = _cursor + 1 == count ? 0 : _cursor + 1;
            if (_valueOf[s] == _standing[_issueOf[s]] || Known(s)) continue;
            change = s;
            return true;
        }
        change = -1;
        return false;
    }

    private bool Known(int s) => _knownEpoch[s] == _epoch[_issueOf[s]];

    private bool NextTrade(out int a, out int b)
    {
        while (_nextTrade < _trades.Count)
        {
            var (x, y, ex, ey) = _trades[_nextTrade++];
            if (_epoch[_issueOf[x]] != ex || _epoch[_issueOf[y]] != ey || !Known(x) || !Known(y)) continue;
            if (_valueOf[x] == _standing[_issueOf[x]] || _valueOf[y] == _standing[_issueOf[y]]) continue;
            if ((_vetoes[x] & _vetoes[y]) != 0 || _vetoes[x] == NoGain || _vetoes[y] == NoGain) continue;
            a = x;
            b = y;
            return true;
        }
        _trades.Clear();
        _nextTrade = 0;
        a = b = -1;
        return false;
    }

    // What the last round's tally says about the mediator's last text.
    private void Learn(in SingleTextState state)
    {
        if (state.LastText is not { } last) return;
        if (last != _lastText || _last == Kind.None)
        {
            // Another mediator's text (or none of ours): an unvetoed one becomes the standing text and nothing known survives.
            if (state.LastUnvetoed && (!_hasStanding || last != _standingText)) Adopt(last, everything: true);
            return;
        }
        ulong vetoes = state.LastVetoes;
        switch (_last)
        {
            case Kind.Start:
                Adopt(last, everything: true);
                break;
            case Kind.Single:
                if (vetoes == 0)
                {
                    int issue = _issueOf[_lastA];
                    int from = _standing[issue];
                    // Nobody lost on this issue: every change of it vetoed before is vetoed still, and going back gains nobody.
                    int back = _firstOfIssue[issue] + from;
                    Adopt(last, everything: false);
                    _vetoes[back] = NoGain;
                    _knownEpoch[back] = _epoch[issue];
                }
                else
                {
                    Remember(_lastA, vetoes);
                }
                break;
            case Kind.Trade:
                if (vetoes == 0)
                {
                    _epoch[_issueOf[_lastA]]++;
                    _epoch[_issueOf[_lastB]]++;
                    Adopt(last, everything: false);
                }
                break;
            case Kind.Random:
                if (vetoes == 0)
                {
                    _epoch[_lastA]++;
                    _epoch[_lastB]++;
                    Adopt(last, everything: false);
                }
                break;
        }
    }

    // Single change s is vetoed by `vetoes`: remember it and queue its trades with the other vetoed changes.
    private void Remember(int s, ulong vetoes)
    {
        int issue = _issueOf[s];
        _vetoes[s] = vetoes;
        _knownEpoch[s] = _epoch[issue];
        for (int t = 0; t < _vetoes.Length; t++)
        {
            int other = _issueOf[t];
            if (other == issue || _knownEpoch[t] != _epoch[other] || _valueOf[t] == _standing[other]) continue;
            ulong v = _vetoes[t];
            if (v == NoGain || (v & vetoes) != 0) continue;
            _trades.Add((s, t, _epoch[issue], _epoch[other]));
        }
    }

    private void Adopt(Outcome text, bool everything)
    {
        _standingText = text;
        _hasStanding = true;
        _space!.Decode(text, _standing);
        if (everything)
            for (int i = 0; i < _epoch.Length; i++) _epoch[i]++;
        _settleNext = false;
    }
}
