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
    private bool _lastWasChange;
    private (int Issue, int Value) _lastSingle = (-1, -1);
    private readonly List<(int Issue, int Value, ulong Vetoes)> _vetoed = [];
    private int _tradeA;
    private int _tradeB;

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
        _lastWasChange = false;
        _lastSingle = (-1, -1);
        _vetoed.Clear();
        _tradeA = 0;
        _tradeB = 0;
    }

    /// <inheritdoc />
    public TextProposal Propose(in SingleTextState state)
    {
        var context = Context;
        var space = context.Space;
        Learn(state);
        if (_standingText is not { } standing)
        {
            var start = StartText();
            space.Decode(start, _standing);
            return Put(start, null, change: true);
        }
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
        OnTally(state);
    }

    /// <summary>Called with each round's tally after the standing text is updated (for mediators that learn more from it).</summary>
    protected virtual void OnTally(in SingleTextState state) { }
}
