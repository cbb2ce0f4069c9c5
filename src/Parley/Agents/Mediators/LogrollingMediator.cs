using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Mediators;

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
/// keep their values. Trades are tried in order of blame: the pair whose changes took part in fewest failed trades first
/// (a change that keeps failing costs its loser more than any trade repays).</item>
/// </list>
/// When every single-issue change is known to be vetoed and every such trade failed, no change of one issue and no trade
/// of two improves the text for anyone without hurting someone; it stops trading sooner, after
/// <see cref="MaxFailedTrades"/> failed trades in a row. It then puts the text for agreement (as its own basis). If some
/// principals do not accept it (one below its reserved value, or one that concedes only over time), it offers them, one
/// at a time, the changes they do not lose on (changes only others vetoed), each as a text of its own without a basis —
/// vetoed only by a principal it leaves below its reserved value or across its red lines; the first nobody vetoes becomes
/// the standing text, and climbing resumes from there. With none left, it alternates the text with random two-issue
/// changes until the deadline. Uses only the answers (vetoes and acceptances), never the principals' preferences; its own
/// preferences play no part.
/// </summary>
public sealed class LogrollingMediator : ITextMediator
{
    // The vetoes of a change known to gain nobody anything (going back on a kept single-issue change).
    private const ulong NoGain = ulong.MaxValue;

    // Failed trades are remembered for spaces of at most this many single-issue changes (a table of its square).
    private const int MaxRemembered = 256;

    /// <summary>The default of <see cref="MaxFailedTrades"/>.</summary>
    public const int DefaultMaxFailedTrades = 5;

    /// <summary>A single-issue change: set <see cref="Issue"/> to <see cref="Value"/>, and what is known of it.</summary>
    private struct Change
    {
        public int Issue;
        public int Value;
        // The principals who veto it (NoGain: it gains nobody anything), valid while KnownEpoch equals its issue's epoch;
        // an issue's epoch moves when its value changes other than by a kept single-issue change.
        public ulong Vetoes;
        public int KnownEpoch;
        // Failed trades this change was part of: a change that keeps failing costs its loser more than trades repay.
        public int Blame;
    }

    private NegotiatorContext? _context;
    private OutcomeSpace? _space;
    private int[] _standing = [];
    private int[] _candidate = [];
    private Outcome _standingText;
    private bool _hasStanding;
    private ulong _principals;
    private ulong _random;

    private Change[] _changes = [];
    private int[] _firstOfIssue = [];
    private int[] _epoch = [];
    private int[] _order = [];
    private int _cursor;
    private bool _singlesExhausted;
    private ulong[] _carried = [];

    // Trades waiting to be tried: two vetoed changes on different issues with disjoint vetoers, with their issues' epochs.
    private readonly List<(int A, int B, int EpochA, int EpochB)> _trades = [];
    private int _failedInRow;
    // Who vetoes trade (a, b), a < b, from the standing text, at [a * changes + b]; 0 when not known.
    private ulong[] _failed = [];

    private enum Kind : byte { None, Start, Single, Trade, Concession, Random, Settle }

    private Kind _last;
    private int _lastA = -1;
    private int _lastB = -1;
    private Outcome _lastText;
    private bool _settleNext;
    // Principals that did not accept the text last put for agreement, and where the search for a concession to them stands.
    private ulong _unhappy;
    private int _concessionCursor;

    /// <summary>A logrolling mediator that stops trading after <paramref name="maxFailedTrades"/> trades in a row fail.</summary>
    /// <param name="maxFailedTrades">
    /// Failed trades in a row after which the standing text is taken as efficient and put for agreement: fewer rounds, at
    /// the risk of stopping short of the frontier; <see cref="int.MaxValue"/> tries every trade.
    /// </param>
    public LogrollingMediator(int maxFailedTrades = DefaultMaxFailedTrades)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFailedTrades);
        MaxFailedTrades = maxFailedTrades;
    }

    /// <summary>Failed trades in a row after which the standing text is put for agreement.</summary>
    public int MaxFailedTrades { get; }

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
        int count = 0, widest = 0;
        for (int i = 0; i < n; i++)
        {
            count += radices[i];
            widest = Math.Max(widest, radices[i]);
        }
        // A mediator reused across negotiations keeps its arrays when the space is the same.
        if (!ReferenceEquals(space, _space))
        {
            _space = space;
            _standing = new int[n];
            _candidate = new int[n];
            _epoch = new int[n];
            _firstOfIssue = new int[n + 1];
            _changes = new Change[count];
            _order = new int[count];
            _carried = new ulong[widest];
            _failed = count <= MaxRemembered ? new ulong[count * count] : [];
            for (int i = 0, s = 0; i < n; i++)
            {
                _firstOfIssue[i] = s;
                for (int v = 0; v < radices[i]; v++, s++) _changes[s] = new Change { Issue = i, Value = v };
            }
            _firstOfIssue[n] = count;
        }
        _principals = 0;
        var roles = context.Table.Roles;
        for (int p = 0; p < roles.Length; p++)
            if (roles[p] == Scenarios.PartyRole.Principal) _principals |= Audience.Of(p);
        _random = (ulong)(uint)context.Seed * 0x9E3779B97F4A7C15UL + 1;
        for (int s = 0; s < count; s++)
        {
            _order[s] = s;
            _changes[s].KnownEpoch = -1;
            _changes[s].Blame = 0;
        }
        for (int s = count - 1; s > 0; s--)
        {
            int k = NextRandom(s + 1);
            (_order[s], _order[k]) = (_order[k], _order[s]);
        }
        Array.Clear(_epoch);
        Array.Clear(_failed);
        _cursor = 0;
        _singlesExhausted = false;
        _trades.Clear();
        _failedInRow = 0;
        _hasStanding = false;
        _last = Kind.None;
        _lastA = _lastB = -1;
        _settleNext = false;
        _unhappy = 0;
        _concessionCursor = 0;
    }

    /// <inheritdoc />
    public TextProposal Propose(in SingleTextState state)
    {
        var space = (_context ?? throw new InvalidOperationException("Initialize has not been called.")).Space;
        Learn(state);
        var radices = space.Radices;
        if (!_hasStanding)
        {
            for (int i = 0; i < _candidate.Length; i++) _candidate[i] = NextRandom(radices[i]);
            return Put(Kind.Start, -1, -1, space.Encode(_candidate), null);
        }
        _standing.CopyTo(_candidate, 0);
        if (NextSingle(out int s))
        {
            _candidate[_changes[s].Issue] = _changes[s].Value;
            return Put(Kind.Single, s, -1, space.Encode(_candidate), _standingText);
        }
        if (_failedInRow < MaxFailedTrades && NextTrade(out int a, out int b))
        {
            _candidate[_changes[a].Issue] = _changes[a].Value;
            _candidate[_changes[b].Issue] = _changes[b].Value;
            return Put(Kind.Trade, a, b, space.Encode(_candidate), _standingText);
        }
        // A local optimum that someone did not accept: offer those principals a change they do not lose on, as a text of its
        // own (no basis: vetoed only by whoever it leaves below its reserved value or across its red lines).
        if (_unhappy != 0 && NextConcession(out int c))
        {
            _candidate[_changes[c].Issue] = _changes[c].Value;
            return Put(Kind.Concession, c, -1, space.Encode(_candidate), null);
        }
        // Put it for agreement, and between such rounds try random two-issue changes.
        _settleNext = !_settleNext;
        if (_settleNext || _candidate.Length < 2) return Put(Kind.Settle, -1, -1, _standingText, _standingText);
        int i1 = NextRandom(_candidate.Length);
        int i2 = NextRandom(_candidate.Length - 1);
        if (i2 >= i1) i2++;
        _candidate[i1] = OtherValue(_candidate[i1], radices[i1]);
        _candidate[i2] = OtherValue(_candidate[i2], radices[i2]);
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

    // SplitMix64 from the party's seed: deterministic, and cheaper to start than System.Random, whose seeding costs more
    // than a round of this protocol; a negotiation draws a few dozen numbers.
    private int NextRandom(int bound)
    {
        ulong z = _random += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(((z >> 32) * (ulong)(uint)bound) >> 32);
    }

    private int OtherValue(int value, int radix)
    {
        if (radix < 2) return value;
        int v = NextRandom(radix - 1);
        return v >= value ? v + 1 : v;
    }

    private bool Known(int s) => _changes[s].KnownEpoch == _epoch[_changes[s].Issue];

    // The next single-issue change whose answer is not known, in the shuffled order.
    private bool NextSingle(out int change)
    {
        if (!_singlesExhausted)
        {
            int count = _order.Length;
            for (int tries = 0; tries < count; tries++)
            {
                int s = _order[_cursor];
                _cursor = _cursor + 1 == count ? 0 : _cursor + 1;
                ref var c = ref _changes[s];
                if (c.Value == _standing[c.Issue] || c.KnownEpoch == _epoch[c.Issue]) continue;
                change = s;
                return true;
            }
            _singlesExhausted = true;
        }
        change = -1;
        return false;
    }

    // The untried trade whose two changes have been blamed least for failed trades (first queued on ties).
    private bool NextTrade(out int a, out int b)
    {
        int best = -1, bestBlame = int.MaxValue;
        for (int k = 0; k < _trades.Count; k++)
        {
            var (x, y, ex, ey) = _trades[k];
            ref var cx = ref _changes[x];
            ref var cy = ref _changes[y];
            if (_epoch[cx.Issue] != ex || _epoch[cy.Issue] != ey || cx.KnownEpoch != ex || cy.KnownEpoch != ey
                || cx.Value == _standing[cx.Issue] || cy.Value == _standing[cy.Issue] || (cx.Vetoes & cy.Vetoes) != 0)
            {
                _trades[k] = _trades[^1];
                _trades.RemoveAt(_trades.Count - 1);
                k--;
                continue;
            }
            int blame = cx.Blame + cy.Blame;
            if (blame < bestBlame)
            {
                best = k;
                bestBlame = blame;
                if (blame == 0) break;
            }
        }
        if (best < 0)
        {
            a = b = -1;
            return false;
        }
        (a, b, _, _) = _trades[best];
        _trades[best] = _trades[^1];
        _trades.RemoveAt(_trades.Count - 1);
        return true;
    }

    // The next known single-issue change that costs none of the unhappy principals anything (others vetoed it).
    private bool NextConcession(out int change)
    {
        for (; _concessionCursor < _order.Length; _concessionCursor++)
        {
            int s = _order[_concessionCursor];
            ref var c = ref _changes[s];
            if (c.Value == _standing[c.Issue] || c.KnownEpoch != _epoch[c.Issue] || c.Vetoes == NoGain || (c.Vetoes & _unhappy) != 0) continue;
            _concessionCursor++;
            change = s;
            return true;
        }
        change = -1;
        return false;
    }

    // What the last round's tally says about the mediator's last text.
    private void Learn(in SingleTextState state)
    {
        if (state.LastText is not { } last) return;
        if (_last == Kind.None || last != _lastText)
        {
            // Another mediator's text: an unvetoed one becomes the standing text, and nothing known survives.
            if (state.LastUnvetoed && (!_hasStanding || last != _standingText)) Adopt(last, forget: true);
            return;
        }
        ulong vetoes = state.LastVetoes;
        switch (_last)
        {
            case Kind.Start:
                Adopt(last, forget: true);
                break;
            case Kind.Single when vetoes != 0:
                Remember(_lastA, vetoes);
                break;
            case Kind.Single:
            {
                // Nobody lost on this issue: every change of it vetoed before is vetoed still, and going back gains nobody.
                int issue = _changes[_lastA].Issue;
                int back = _firstOfIssue[issue] + _standing[issue];
                Adopt(last, forget: false);
                _changes[back].Vetoes = NoGain;
                _changes[back].KnownEpoch = _epoch[issue];
                break;
            }
            case Kind.Trade when vetoes != 0:
                if (_failed.Length > 0) _failed[Pair(_lastA, _lastB)] = vetoes;
                _changes[_lastA].Blame++;
                _changes[_lastB].Blame++;
                _failedInRow++;
                break;
            case Kind.Trade:
            {
                ulong losersA = _changes[_lastA].Vetoes, losersB = _changes[_lastB].Vetoes;
                int fromA = _standing[_changes[_lastA].Issue], fromB = _standing[_changes[_lastB].Issue];
                Adopt(last, forget: false);
                CarryOver(_lastA, fromA, losersA);
                CarryOver(_lastB, fromB, losersB);
                break;
            }
            case Kind.Concession when vetoes == 0:
            {
                ulong losers = _changes[_lastA].Vetoes;
                int from = _standing[_changes[_lastA].Issue];
                Adopt(last, forget: false);
                CarryOver(_lastA, from, losers);
                _unhappy = 0;
                break;
            }
            case Kind.Settle:
                _unhappy = _principals & ~state.LastAccepts;
                break;
            case Kind.Random when vetoes == 0:
                Array.Clear(_failed);
                _epoch[_lastA]++;
                _epoch[_lastB]++;
                Adopt(last, forget: false);
                break;
        }
    }

    // Single change s is vetoed by `vetoes`: remember it and queue its trades with the other vetoed changes.
    private void Remember(int s, ulong vetoes)
    {
        var changes = _changes;
        int issue = changes[s].Issue;
        int epoch = _epoch[issue];
        changes[s].Vetoes = vetoes;
        changes[s].KnownEpoch = epoch;
        bool remembered = _failed.Length > 0;
        for (int t = 0; t < changes.Length; t++)
        {
            ref var c = ref changes[t];
            if (c.Issue == issue || c.KnownEpoch != _epoch[c.Issue] || (c.Vetoes & vetoes) != 0 || c.Value == _standing[c.Issue]) continue;
            if (remembered && _failed[Pair(s, t)] != 0) continue;
            _trades.Add((s, t, epoch, c.KnownEpoch));
        }
    }

    // A kept trade moved issue `_changes[change].Issue` from value `from`, a loss there for the principals `losers` only.
    // Whoever did not lose there vetoes, from the new value, every change of the issue it vetoed from the old one (and any
    // trade through it), and going back costs it.
    private void CarryOver(int change, int from, ulong losers)
    {
        int issue = _changes[change].Issue;
        int first = _firstOfIssue[issue], end = _firstOfIssue[issue + 1];
        var known = _carried;
        for (int t = first; t < end; t++)
            known[t - first] = Known(t) && _changes[t].Vetoes != NoGain ? _changes[t].Vetoes : 0;
        _epoch[issue]++;
        ulong gainers = _principals & ~losers;
        if (_failed.Length > 0)
            for (int t = first; t < end; t++)
                for (int u = 0; u < _changes.Length; u++) _failed[Pair(t, u)] &= gainers;
        for (int t = first; t < end; t++)
        {
            if (_changes[t].Value == _standing[issue]) continue;
            ulong still = _changes[t].Value == from ? gainers : known[t - first] & gainers;
            if (still != 0) Remember(t, still);
        }
    }

    private int Pair(int a, int b) => a < b ? a * _changes.Length + b : b * _changes.Length + a;

    private void Adopt(Outcome text, bool forget)
    {
        if (forget)
        {
            Array.Clear(_failed);
            for (int i = 0; i < _epoch.Length; i++) _epoch[i]++;
        }
        _failedInRow = 0;
        _standingText = text;
        _hasStanding = true;
        _space!.Decode(text, _standing);
        _singlesExhausted = false;
        _settleNext = false;
        _concessionCursor = 0;
    }
}
