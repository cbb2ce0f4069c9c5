using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Shuttle;

/// <summary>
/// A shuttle mediator that carries packages: it remembers the latest package each principal sent it (offer, concession or
/// acceptance) and, each turn, passes the oldest one not yet carried to a principal on the other side that it can reach
/// (in turn), as a <see cref="NegotiationAction.Relay"/> with the conceded issues kept.
/// </summary>
public class RelayMediator : IShuttleParty
{
    private NegotiatorContext? _context;
    private ShuttleInbox? _inbox;
    private int[] _principals = [];
    private readonly Dictionary<int, (Outcome Package, ulong Issues, int Round)> _latest = [];
    private readonly Dictionary<(int From, int To), Outcome> _carried = [];
    private int _next;

    /// <inheritdoc />
    public virtual string Name => "Relay";

    /// <summary>The current negotiation's context.</summary>
    protected NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <summary>The principals this mediator can reach, ascending.</summary>
    protected IReadOnlyList<int> Reachable => _principals;

    /// <inheritdoc />
    public virtual void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _inbox = new ShuttleInbox(context);
        int me = context.PartyIndex;
        _principals = [.. context.Table.Principals.Where(p => context.Table.CanSend(me, p, out _))];
        _latest.Clear();
        _carried.Clear();
        _next = 0;
    }

    /// <inheritdoc />
    public ShuttleMessage Act(in ShuttleState state)
    {
        foreach (var m in _inbox!.New()) Hear(m);
        return Decide(state);
    }

    /// <summary>Takes in one message that reached the mediator.</summary>
    protected virtual void Hear(in ReceivedMessage message)
    {
        if (message.Kind is NegotiationAction.Offer or NegotiationAction.Concede or NegotiationAction.Accept)
            _latest[message.From] = (message.Package, message.Kind == NegotiationAction.Concede ? message.Issues : 0, message.Round);
    }

    /// <summary>What to send this turn (default: the oldest uncarried package to the next reachable principal).</summary>
    protected virtual ShuttleMessage Decide(in ShuttleState state)
    {
        if (_principals.Length < 2) return ShuttleMessage.Pass;
        for (int k = 0; k < _principals.Length; k++)
        {
            int to = _principals[(_next + k) % _principals.Length];
            (int From, Outcome Package, ulong Issues)? pick = null;
            int oldest = int.MaxValue;
            foreach (var (from, latest) in _latest)
            {
                if (from == to || latest.Round >= oldest) continue;
                if (_carried.TryGetValue((from, to), out var done) && done == latest.Package) continue;
                oldest = latest.Round;
                pick = (from, latest.Package, latest.Issues);
            }
            if (pick is { } p)
            {
                _next = (_next + k + 1) % _principals.Length;
                _carried[(p.From, to)] = p.Package;
                return new ShuttleMessage(NegotiationAction.Relay, to, p.Package, p.Issues);
            }
        }
        return ShuttleMessage.Pass;
    }
}

/// <summary>
/// A shuttle mediator that bridges: from what each principal has sent it — the packages it offered, conceded or accepted
/// (values it will give) and those it rejected with objections — it builds a model of what each side accepts (how often it
/// put each issue value forward) and searches packages that mix the principals' latest positions issue by issue, proposing
/// the one whose worse-off side is predicted best off, never one a principal has already rejected. A package one
/// principal accepted is carried to the others first. Until it has heard from two principals it relays.
/// </summary>
public sealed class BridgingMediator : RelayMediator
{
    /// <summary>Mixes of the principals' positions compared per proposal.</summary>
    public const int Mixes = 64;

    private readonly Dictionary<int, int[][]> _counts = [];
    private readonly Dictionary<int, Outcome> _position = [];
    private readonly HashSet<Outcome> _rejected = [];
    private readonly Dictionary<Outcome, ulong> _acceptedBy = [];
    private readonly Dictionary<(int To, Outcome Package), int> _proposed = [];
    private int _turn;

    /// <inheritdoc />
    public override string Name => "Bridging";

    /// <inheritdoc />
    public override void Initialize(NegotiatorContext context)
    {
        base.Initialize(context);
        _counts.Clear();
        _position.Clear();
        _rejected.Clear();
        _acceptedBy.Clear();
        _proposed.Clear();
        _turn = 0;
    }

    /// <inheritdoc />
    protected override void Hear(in ReceivedMessage message)
    {
        base.Hear(message);
        var space = Context.Space;
        switch (message.Kind)
        {
            case NegotiationAction.Offer or NegotiationAction.Concede or NegotiationAction.Accept:
                if (!_counts.TryGetValue(message.From, out var counts))
                {
                    counts = new int[space.IssueCount][];
                    for (int i = 0; i < counts.Length; i++) counts[i] = new int[space.Radices[i]];
                    _counts[message.From] = counts;
                }
                Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
                space.Decode(message.Package, values);
                for (int i = 0; i < values.Length; i++) counts[i][values[i]]++;
                _position[message.From] = message.Package;
                if (message.Kind == NegotiationAction.Accept)
                    _acceptedBy[message.Package] = (_acceptedBy.TryGetValue(message.Package, out var m) ? m : 0) | Audience.Of(message.From);
                break;
            case NegotiationAction.Reject or NegotiationAction.Object:
                _rejected.Add(message.Package);
                break;
        }
    }

    /// <inheritdoc />
    protected override ShuttleMessage Decide(in ShuttleState state)
    {
        var reach = Reachable;
        if (_position.Count < 2 || reach.Count == 0) return base.Decide(state);
        _turn++;
        // Carry a package some principal accepted to a reachable principal that has not accepted it.
        foreach (var (package, by) in _acceptedBy)
        {
            if (_rejected.Contains(package)) continue;
            foreach (int p in reach)
                if (!Audience.Contains(by, p) && !Recently(p, package)) return Propose(p, package);
        }
        var bridge = BestMix();
        if (bridge is not { } b) return base.Decide(state);
        int to = reach[_turn % reach.Count];
        return Recently(to, b) ? base.Decide(state) : Propose(to, b);
    }

    private bool Recently(int to, Outcome package) => _proposed.TryGetValue((to, package), out int turn) && _turn - turn < 4;

    private ShuttleMessage Propose(int to, Outcome package)
    {
        _proposed[(to, package)] = _turn;
        return new ShuttleMessage(NegotiationAction.Propose, to, package);
    }

    private Outcome? BestMix()
    {
        var context = Context;
        var space = context.Space;
        int n = space.IssueCount;
        var sides = _position.Keys.OrderBy(k => k).ToArray();
        var positions = new int[sides.Length][];
        for (int s = 0; s < sides.Length; s++)
        {
            positions[s] = new int[n];
            space.Decode(_position[sides[s]], positions[s]);
        }
        Span<int> mix = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        Outcome? best = null;
        double bestScore = double.NegativeInfinity;
        for (int k = 0; k < Mixes; k++)
        {
            for (int i = 0; i < n; i++) mix[i] = positions[context.Random.Next(sides.Length)][i];
            var package = space.Encode(mix);
            if (_rejected.Contains(package)) continue;
            double worst = double.PositiveInfinity;
            foreach (int side in sides) worst = Math.Min(worst, Predict(_counts[side], mix));
            if (worst > bestScore)
            {
                bestScore = worst;
                best = package;
            }
        }
        return best;
    }

    private static double Predict(int[][] counts, ReadOnlySpan<int> values)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int max = counts[i].Max();
            if (max > 0) sum += (double)counts[i][values[i]] / max;
        }
        return sum / values.Length;
    }
}
