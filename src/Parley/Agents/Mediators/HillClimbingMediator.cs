using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Mediators;

/// <summary>
/// Hill-climbing mediator for the single-negotiating-text protocol (Klein, Faratin, Sayama and Bar-Yam 2003): it keeps a
/// standing text and each round proposes a change of it against the standing text as basis, keeping the change only when
/// no principal vetoes it. Changes come in this order: every single-issue change in a seeded random order; then trades
/// (logrolling) — two single-issue changes on different issues that were each vetoed, but by different principals, put
/// together; then random two-issue changes. When no change survives, the text is a local optimum that no single- or
/// two-issue change improves for anyone without hurting someone; the mediator then puts that text (and further changes,
/// every other round) until every principal accepts or the deadline passes. Its own preferences play no part.
/// </summary>
public class HillClimbingMediator : ITextMediator
{
    private NegotiatorContext? _context;
    private int[] _standing = [];
    private int[] _candidate = [];
    private (int Issue, int Value)[] _singles = [];
    private int _next;
    private int _failuresSinceImprovement;
    private Outcome? _standingText;
    private Outcome? _lastProposed;
    private Outcome? _lastBasis;
    private int _historySeen;
    private int _learnedRound = -1; // the last round learned from the state (the round before one of our turns)
    private bool _lastWasChange;
    private (int Issue, int Value) _lastSingle = (-1, -1);
    private readonly List<(int Issue, int Value, ulong Vetoes)> _vetoed = [];
    private int _tradeA;
    private int _tradeB;

    // After a ratifier's refusal: single-issue changes of the refused text toward the refusing principal's side.
    private Outcome? _pushFrom;
    private int _pushFor = -1;
    private readonly List<(int Issue, int Value)> _push = [];
    private int _pushNext;
    private double _stake = 1.0;

    /// <inheritdoc />
    public virtual string Name => "HillClimber";

    /// <summary>The current negotiation's context.</summary>
    protected NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <summary>The text the mediator currently stands on (null before the first text).</summary>
    protected Outcome? Standing => _standingText;

    /// <summary>True once a full pass of single-issue changes and as many two-issue changes found no improvement.</summary>
    protected bool AtLocalOptimum => _failuresSinceImprovement >= 2 * _singles.Length && _tradeA >= _vetoed.Count;

    /// <inheritdoc />
    public virtual void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        var space = context.Space;
        int n = space.IssueCount;
        // A mediator reused across negotiations keeps its arrays when the space has the same shape.
        if (_standing.Length != n)
        {
            _standing = new int[n];
            _candidate = new int[n];
        }
        int count = 0;
        for (int i = 0; i < n; i++) count += space.Radices[i];
        if (_singles.Length != count) _singles = new (int, int)[count];
        for (int i = 0, k = 0; i < n; i++)
            for (int v = 0; v < space.Radices[i]; v++) _singles[k++] = (i, v);
        context.Random.Shuffle(_singles);
        _next = 0;
        _failuresSinceImprovement = 0;
        _standingText = null;
        _lastProposed = null;
        _lastBasis = null;
        _historySeen = 0;
        _learnedRound = -1;
        _lastWasChange = false;
        _lastSingle = (-1, -1);
        _vetoed.Clear();
        _tradeA = 0;
        _tradeB = 0;
        EndPush();
        _stake = context.Table.Stakes.IsDefaultOrEmpty ? 1.0 : context.Table.Stakes[context.PartyIndex];
    }

    /// <inheritdoc />
    public TextProposal Propose(in SingleTextState state)
    {
        var context = Context;
        var space = context.Space;
        CatchUp(state);
        Learn(state);
        if (_standingText is not { } standing)
        {
            var start = StartText();
            space.Decode(start, _standing);
            return Put(start, null, change: true);
        }
        if (NextPush(standing) is { } pushed) return pushed;
        if (AtLocalOptimum && _lastWasChange) return Settle(state, standing);
        _standing.CopyTo(_candidate, 0);
        if (!NextChange(_candidate)) return Settle(state, standing);
        return Put(space.Encode(_candidate), standing, change: true);
    }

    /// <summary>The first text (default: a seeded random outcome).</summary>
    protected virtual Outcome StartText()
    {
        var space = Context.Space;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        for (int i = 0; i < values.Length; i++) values[i] = Context.Random.Next(space.Radices[i]);
        return space.Encode(values);
    }

    /// <summary>
    /// What to put once the text is a local optimum (default: the standing text itself, so the principals can accept it
    /// as their aspirations fall). <paramref name="state"/> holds the last round's answers.
    /// </summary>
    protected virtual TextProposal Settle(in SingleTextState state, Outcome standing) => Put(standing, standing, change: false);

    /// <summary>
    /// Writes the next change of the standing text into <paramref name="values"/> (which holds the standing text); false
    /// when there is none to try. Default: the next single-issue change in the shuffled order, then random two-issue changes.
    /// </summary>
    protected virtual bool NextChange(Span<int> values)
    {
        _lastSingle = (-1, -1);
        if (_singles.Length == 0) return false;
        if (_failuresSinceImprovement < _singles.Length)
        {
            if (DirectedChange(values) is int directed and >= 0)
            {
                _lastSingle = (directed, values[directed]);
                return true;
            }
            for (int tries = 0; tries < _singles.Length; tries++)
            {
                var (issue, value) = _singles[_next];
                _next = (_next + 1) % _singles.Length;
                if (values[issue] == value) continue;
                values[issue] = value;
                _lastSingle = (issue, value);
                return true;
            }
            return false;
        }
        if (NextTrade(values)) return true;
        var random = Context.Random;
        var radices = Context.Space.Radices;
        int a = random.Next(values.Length);
        values[a] = Other(random, values[a], radices[a]);
        if (values.Length > 1)
        {
            int b = random.Next(values.Length - 1);
            if (b >= a) b++;
            values[b] = Other(random, values[b], radices[b]);
        }
        return true;
    }

    /// <summary>
    /// A single-issue change to try before the shuffled order, for mediators that choose where to go: changes one issue of
    /// <paramref name="values"/> (the standing text) and returns its index, or returns −1 to take the next change in the
    /// shuffled order. Default: −1.
    /// </summary>
    protected virtual int DirectedChange(Span<int> values) => -1;

    // The next untried pair of vetoed single-issue changes on different issues whose vetoers differ: what one side gives
    // up on one issue, the other gives up on another.
    private bool NextTrade(Span<int> values)
    {
        while (_tradeA < _vetoed.Count)
        {
            if (_tradeB <= _tradeA) _tradeB = _tradeA + 1;
            while (_tradeB < _vetoed.Count)
            {
                var a = _vetoed[_tradeA];
                var b = _vetoed[_tradeB++];
                if (a.Issue == b.Issue || (a.Vetoes & b.Vetoes) != 0) continue;
                values[a.Issue] = a.Value;
                values[b.Issue] = b.Value;
                return true;
            }
            _tradeA++;
        }
        return false;
    }

    private static int Other(Random random, int value, int radix)
    {
        if (radix < 2) return value;
        int v = random.Next(radix - 1);
        return v >= value ? v + 1 : v;
    }

    /// <summary>Records <paramref name="text"/> as this round's proposal and returns it.</summary>
    protected TextProposal Put(Outcome text, Outcome? basis, bool change)
    {
        _lastProposed = text;
        _lastBasis = basis;
        _lastWasChange = change;
        return new TextProposal(text, basis);
    }

    /// <summary>Makes <paramref name="text"/> the standing text (a kept change) and starts climbing again from it.</summary>
    protected void Adopt(Outcome text)
    {
        _standingText = text;
        Context.Space.Decode(text, _standing);
        _failuresSinceImprovement = 0;
        _vetoed.Clear();
        _tradeA = 0;
        _tradeB = 0;
    }

    // With several mediators taking turns, the state holds only the round just before this one: the rounds in between
    // (other mediators' texts, the answers, a ratifier's refusal) are read from the history and learned in order, as if
    // each had been the last round. Their basis is not in the history; a text's own answers are.
    private void CatchUp(in SingleTextState state)
    {
        var history = Context.History;
        int lastRound = state.Round - 1;
        Outcome? text = null;
        ulong accepts = 0, rejects = 0, vetoes = 0, refused = 0;
        for (; _historySeen < history.Count; _historySeen++)
        {
            var e = history[_historySeen];
            if (e.Round >= lastRound) break;
            switch (e.Action)
            {
                case Protocols.NegotiationAction.Propose:
                    (text, accepts, rejects, vetoes, refused) = (e.Outcome, 0, 0, 0, 0);
                    break;
                case Protocols.NegotiationAction.Accept when (uint)e.Party < 64:
                    accepts |= 1UL << e.Party;
                    break;
                case Protocols.NegotiationAction.Reject when (uint)e.Party < 64:
                    if (Protocols.RatifierNote.Marks(e.Note))
                    {
                        accepts &= ~(1UL << e.Party);
                        refused |= 1UL << e.Party;
                    }
                    rejects |= 1UL << e.Party;
                    break;
                case Protocols.NegotiationAction.Veto when (uint)e.Party < 64:
                    vetoes |= 1UL << e.Party;
                    break;
                case Protocols.NegotiationAction.Tally:
                    if (text is { } t && e.Round < lastRound && e.Round > _learnedRound)
                        Learn(new SingleTextState
                        {
                            Round = e.Round + 1, Time = e.Time, LastText = t, LastBasis = t == _lastProposed ? _lastBasis : null,
                            LastAccepts = accepts, LastRejects = rejects, LastVetoes = vetoes, LastRatifierRejects = refused,
                            MediatorsPresent = state.MediatorsPresent,
                        });
                    text = null;
                    break;
            }
        }
        _learnedRound = lastRound;
    }

    // The last round's tally: an unvetoed text (ours or another mediator's) becomes the standing text.
    private void Learn(in SingleTextState state)
    {
        if (state.LastText is not { } last)
        {
            if (_lastProposed is { } mine && _standingText is null) Adopt(mine);
            return;
        }
        if (_standingText is null)
        {
            Adopt(last);
            StartPush(state, last);
            return;
        }
        if (_pushFrom is { } from && last != from && OneChangeFrom(from, last))
        {
            // A change toward the side being pushed for (ours or another mediator's, from the same text): kept when that
            // side does not veto it, whoever else does (the other side pays).
            if (!Protocols.Audience.Contains(state.LastVetoes, _pushFor))
            {
                EndPush();
                Adopt(last);
            }
            StartPush(state, last);
            OnTally(state);
            return;
        }
        if (last != _standingText && state.LastUnvetoed)
        {
            Adopt(last);
        }
        else if (_lastWasChange && last == _lastProposed)
        {
            _failuresSinceImprovement++;
            if (_lastSingle.Issue >= 0 && state.LastVetoes != 0) _vetoed.Add((_lastSingle.Issue, _lastSingle.Value, state.LastVetoes));
        }
        StartPush(state, last);
        OnTally(state);
    }

    // A ratifier turned the last text down after every negotiator accepted it: the text is not a deal, and the refusal says
    // which side needs more. The mediator then tries single-issue changes of that text — first on the issues the ratifier
    // objected to, then on the others, values in a seeded order — and keeps the first that the refusing side's negotiators
    // do not veto, whoever else does, before climbing again. A refusal of the text it is already moving from continues the
    // same list (a text that the limits replaced by its basis is refused again).
    private void StartPush(in SingleTextState state, Outcome last)
    {
        if (state.LastRatifierRejects == 0) return;
        int party = System.Numerics.BitOperations.TrailingZeroCount(state.LastRatifierRejects);
        if (_pushFrom == last && _pushFor == party && _pushNext < _push.Count) return;
        if (_standingText != last && !Protocols.Audience.Contains(state.LastVetoes, party)) Adopt(last);
        PushToward(party, last, RatifierObjections(party, state.Round - 1));
    }

    /// <summary>True while the mediator is moving a text toward one side (<see cref="PushToward"/>).</summary>
    protected bool Pushing => _pushFrom is not null && _pushNext < _push.Count;

    /// <summary>
    /// Starts moving <paramref name="from"/> toward principal <paramref name="party"/>: the next proposals are single-issue
    /// changes of it — first on the issues in <paramref name="objected"/>, then on the others, values in a seeded order —
    /// and the first that <paramref name="party"/> does not veto is kept (whoever else vetoes it), after which climbing
    /// resumes from it.
    /// </summary>
    protected void PushToward(int party, Outcome from, ulong objected)
    {
        if (_standingText != from) Adopt(from);
        _pushFrom = from;
        _pushFor = party;
        _push.Clear();
        _pushNext = 0;
        var space = Context.Space;
        var random = Context.Random;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(from, values);
        for (int pass = 0; pass < 2; pass++)
        {
            int offset = random.Next(space.IssueCount);
            for (int k = 0; k < space.IssueCount; k++)
            {
                int i = (offset + k) % space.IssueCount;
                bool isObjected = i < 64 && (objected & (1UL << i)) != 0;
                if (isObjected != (pass == 0)) continue;
                int radix = space.Radices[i];
                int start = random.Next(radix);
                for (int j = 0; j < radix; j++)
                {
                    int v = (start + j) % radix;
                    if (v != values[i]) _push.Add((i, v));
                }
            }
        }
    }

    /// <summary>
    /// The mediator's stake α (<see cref="Scenarios.Party.Stake"/>): 1 for a neutral mediator seated by the protocol, which
    /// only wants a deal; below 1 for a mediator of the scenario with interests of its own (the United States, Egypt and
    /// Qatar in Cairo).
    /// </summary>
    protected double Stake => _stake;

    /// <summary>
    /// For a mediator with a stake of its own (<see cref="Stake"/> &lt; 1): when the last text is the standing text and
    /// splits the principals — some accept, some reject, nobody vetoes, no ratifier refused — starts moving it toward a
    /// rejecting principal (<see cref="PushToward"/>) on the issues that principal objected to: the mediator moves toward
    /// the unsatisfied side and the satisfied side pays, as the Cairo mediators carried each side's objections to the
    /// other. Neutral mediators (α = 1) leave a split to the climb, so the hill-climbing comparisons on the ANAC
    /// scenarios are unchanged (moving at every split cost them agreements and distance to the frontier there). Picks
    /// <paramref name="party"/> when given (a rejecting principal), else the first rejecting one. False when it did not start.
    /// </summary>
    protected bool PushTowardRejecter(in SingleTextState state, int party = -1)
    {
        if (_stake >= 1.0 || state.LastText is not { } answered || state.LastVetoes != 0 || state.LastRatifierRejects != 0 || state.LastAccepts == 0 || state.LastRejects == 0
            || Pushing || Standing != answered)
            return false;
        if (party < 0 || !Protocols.Audience.Contains(state.LastRejects, party)) party = System.Numerics.BitOperations.TrailingZeroCount(state.LastRejects);
        if (party >= 64) return false;
        PushToward(party, answered, Objections(party, state.Round - 1));
        return true;
    }

    // The issues `party` objected to when it rejected or vetoed the text of `round`.
    private ulong Objections(int party, int round)
    {
        var history = Context.History;
        for (int k = history.Count - 1; k >= 0; k--)
        {
            var e = history[k];
            if (e.Round < round) break;
            if (e.Round == round && e.Party == party && e.Action is Protocols.NegotiationAction.Reject or Protocols.NegotiationAction.Veto) return e.Issues;
        }
        return 0;
    }

    // The issues the ratifier of `party` objected to when it refused the text of `round` (from the announcement).
    private ulong RatifierObjections(int party, int round)
    {
        var history = Context.History;
        for (int k = history.Count - 1; k >= 0; k--)
        {
            var e = history[k];
            if (e.Round < round) break;
            if (e.Party == party && e.Action == Protocols.NegotiationAction.Reject && Protocols.RatifierNote.Marks(e.Note)) return e.Issues;
        }
        return 0;
    }

    private TextProposal? NextPush(Outcome standing)
    {
        if (_pushFrom is not { } from || _pushNext >= _push.Count)
        {
            EndPush();
            return null;
        }
        var space = Context.Space;
        space.Decode(from, _candidate);
        var (issue, value) = _push[_pushNext++];
        _candidate[issue] = value;
        var proposal = Put(space.Encode(_candidate), from, change: true);
        _lastSingle = (-1, -1);
        return proposal;
    }

    // True when `text` differs from `from` on exactly one issue (a single-issue change of it).
    private bool OneChangeFrom(Outcome from, Outcome text)
    {
        var space = Context.Space;
        space.Decode(from, _candidate);
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(text, values);
        int differ = 0;
        for (int i = 0; i < values.Length; i++) if (values[i] != _candidate[i]) differ++;
        return differ == 1;
    }

    private void EndPush()
    {
        _pushFrom = null;
        _pushFor = -1;
        _push.Clear();
        _pushNext = 0;
    }

    /// <summary>
    /// Called with each round's tally after the standing text is updated (for mediators that learn more from it).
    /// Default: a mediator with a stake of its own moves a text that splits the principals toward the side that rejects
    /// it (<see cref="PushTowardRejecter"/>), as the staked and Nash-seeking mediators do; a neutral one (α = 1) does
    /// nothing here, so the hill climber's figures on the ANAC scenarios are unchanged.
    /// </summary>
    protected virtual void OnTally(in SingleTextState state) => PushTowardRejecter(state);
}
