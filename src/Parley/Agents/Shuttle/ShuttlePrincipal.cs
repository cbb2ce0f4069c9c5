using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Shuttle;

/// <summary>
/// The common behaviour of the built-in shuttle principals; subclasses choose the package to put forward. Each turn it
/// reads what reached it: a package worth at least its current target (and its reserved value, crossing none of its red
/// lines) is accepted — a message to the sender — which commits it; a mediator's package below target is rejected with
/// the issues it objects to most; otherwise it puts its own package to the next party it can reach (mediators first, in
/// turn), and passes while its commitment still stands and nothing new arrived. The target concedes with time:
/// u(t) = P_min + (P_max − P_min)(1 − t^(1/e)), as in <see cref="TimeDependentBidding"/>.
/// </summary>
public abstract class ShuttlePrincipal : IShuttleParty
{
    private NegotiatorContext? _context;
    private ShuttleInbox? _inbox;
    private int[] _recipients = [];
    private int _nextRecipient;
    private Outcome? _committed;
    private Outcome? _lastSent;
    private int _lastSentRound = -1;
    private double _floor = double.NegativeInfinity;

    /// <summary>Creates a principal with concession exponent <paramref name="exponent"/> (e ≥ 0).</summary>
    protected ShuttlePrincipal(double exponent)
    {
        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent)) throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The concession exponent must be finite and ≥ 0.");
        Exponent = exponent;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The concession exponent e.</summary>
    public double Exponent { get; }

    /// <summary>The current negotiation's context.</summary>
    protected NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <summary>The most recent package that reached this party from anyone, or null.</summary>
    protected Outcome? LastReceived { get; private set; }

    /// <inheritdoc />
    public virtual void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _inbox = new ShuttleInbox(context);
        var table = context.Table;
        int me = context.PartyIndex;
        _recipients = [.. table.Mediators.Where(m => table.CanSend(me, m, out _)).Concat(table.Principals.Where(p => p != me && table.CanSend(me, p, out _)))];
        _nextRecipient = 0;
        _committed = null;
        _lastSent = null;
        _lastSentRound = -1;
        _floor = double.NegativeInfinity;
        RatifierObjected = 0;
        LastReceived = null;
    }

    /// <summary>
    /// The target utility at normalised time <paramref name="t"/>: it concedes with time, but never to a package no better
    /// for this principal than one its own ratifier turned down (<see cref="RatifierFloor"/>).
    /// </summary>
    public double TargetUtility(double t)
    {
        var (min, max) = TimeDependentBidding.Range(Context, t);
        return Math.Max(TimeDependentBidding.Target(t, Exponent, min, max), Math.Min(_floor, max));
    }

    /// <summary>
    /// After its ratifier turned down a package its negotiators committed to: this principal's utility for that package
    /// plus the smallest gain one of the ratifier's objected issues can give it (one value better for it there), the least
    /// the ratifier's objection asks for; −∞ before any refusal. The target never falls below it, so the negotiators
    /// stop offering or accepting what the ratifier already refused and ask for more where it objected.
    /// </summary>
    public double RatifierFloor => _floor;

    /// <summary>The issues its ratifier objected to in any refusal so far (a bit per issue; 0 before any refusal).</summary>
    protected ulong RatifierObjected { get; private set; }

    // Raises the floor after the ratifier refused `package`, objecting to `objected` (a bit per issue).
    private void HearRefusal(Outcome package, ulong objected)
    {
        var context = Context;
        var space = context.Space;
        var utility = context.Profile.Utility;
        var values = new int[space.IssueCount];
        space.Decode(package, values);
        double u = utility.Utility(values);
        double step = double.PositiveInfinity;
        for (int pass = 0; pass < 2 && double.IsPositiveInfinity(step); pass++)
            for (int i = 0; i < values.Length; i++)
            {
                // The objected issues first; when none of them can be improved for this principal, any issue.
                if (pass == 0 && (i >= 64 || (objected & (1UL << i)) == 0)) continue;
                int keep = values[i];
                for (int v = 0; v < space.Radices[i]; v++)
                {
                    if (v == keep) continue;
                    values[i] = v;
                    double gain = utility.Utility(values) - u;
                    if (gain > 1e-12 && gain < step) step = gain;
                }
                values[i] = keep;
            }
        if (double.IsPositiveInfinity(step)) step = 1e-9;
        _floor = Math.Max(_floor, u + step);
        RatifierObjected |= objected;
        if (_committed == package) _committed = null;
    }

    /// <summary>The package to put forward at time <paramref name="t"/> (it need not be allowed; the caller makes it so), and the issues it concedes.</summary>
    protected abstract (Outcome Package, ulong Conceded) Bid(double t);

    /// <inheritdoc />
    public ShuttleMessage Act(in ShuttleState state)
    {
        var context = Context;
        double t = state.Time;
        (int From, Outcome Package, NegotiationAction Kind)? best = null;
        double bestUtility = double.NegativeInfinity;
        foreach (var m in _inbox!.New())
        {
            if (m.From == context.PartyIndex && m.Kind == NegotiationAction.Reject) HearRefusal(m.Package, m.Issues);
            if (m.Kind is NegotiationAction.Reject or NegotiationAction.Object) continue;
            LastReceived = m.Package;
            double u = context.Utility(m.Package);
            if (u > bestUtility)
            {
                bestUtility = u;
                best = (m.From, m.Package, m.Kind);
            }
        }
        // After the messages: a refusal among them raises the target (its floor).
        double target = TargetUtility(t);
        if (best is { } b && context.IsAllowed(b.Package, t) && bestUtility >= target && Reachable(b.From))
        {
            _committed = b.Package;
            return Send(new ShuttleMessage(NegotiationAction.Accept, b.From, b.Package), state.Round);
        }
        if (best is { } r && r.Kind is NegotiationAction.Propose or NegotiationAction.Relay && Reachable(r.From))
            return Send(new ShuttleMessage(NegotiationAction.Reject, r.From, r.Package, context.Objections(r.Package)), state.Round);
        if (_committed is { } c && context.Utility(c) >= target && context.IsAllowed(c, t) && _lastSentRound >= state.Round - 2) return ShuttleMessage.Pass;
        if (_recipients.Length == 0) return ShuttleMessage.Pass;

        var (package, conceded) = Bid(t);
        package = context.NearestAllowed(package, t);
        int to = _recipients[_nextRecipient];
        _nextRecipient = (_nextRecipient + 1) % _recipients.Length;
        _committed = package;
        return Send(new ShuttleMessage(conceded != 0 ? NegotiationAction.Concede : NegotiationAction.Offer, to, package, conceded), state.Round);
    }

    private bool Reachable(int party) => Array.IndexOf(_recipients, party) >= 0;

    private ShuttleMessage Send(ShuttleMessage message, int round)
    {
        _lastSent = message.Package;
        _lastSentRound = round;
        return message;
    }
}

/// <summary>A time-dependent shuttle principal: puts forward the package with the lowest own utility at or above its target.</summary>
public sealed class TimeDependentShuttlePrincipal : ShuttlePrincipal
{
    private int _hint;
    private readonly string _name;

    /// <summary>Creates one with concession exponent <paramref name="exponent"/> (Boulware 0.2, linear 1, Conceder 2).</summary>
    public TimeDependentShuttlePrincipal(double exponent, string? name = null) : base(exponent) =>
        _name = name ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TimeDependent(e={exponent})");

    /// <inheritdoc />
    public override string Name => _name;

    /// <inheritdoc />
    public override void Initialize(NegotiatorContext context)
    {
        base.Initialize(context);
        _hint = context.Index.Count - 1;
    }

    /// <inheritdoc />
    protected override (Outcome Package, ulong Conceded) Bid(double t)
    {
        var index = Context.Index;
        int rank = index.RankAtLeast(TargetUtility(t), _hint);
        if (rank >= index.Count) rank = index.Count - 1;
        _hint = rank;
        return (index.OutcomeAt(rank), 0);
    }
}

/// <summary>
/// A shuttle principal that concedes on its least important issues first: it starts from its best package and, as its
/// target falls, gives the other side the values it last asked for (the last package that reached it) issue by issue,
/// from the issue whose loss costs it least to the one that costs it most, as far as the target allows. It sends these as
/// conditional concessions ("I give these issues if you give the rest").
/// </summary>
public sealed class LeastImportantFirstPrincipal : ShuttlePrincipal
{
    private int[] _order = [];
    private int[] _best = [];

    /// <summary>Creates one with concession exponent <paramref name="exponent"/> for its target (default 1, linear).</summary>
    public LeastImportantFirstPrincipal(double exponent = 1.0) : base(exponent) { }

    /// <inheritdoc />
    public override string Name => "LeastImportantFirst";

    /// <inheritdoc />
    public override void Initialize(NegotiatorContext context)
    {
        base.Initialize(context);
        var space = context.Space;
        int n = space.IssueCount;
        _best = new int[n];
        space.Decode(context.Index.Best, _best);
        var values = (int[])_best.Clone();
        var utility = context.Profile.Utility;
        double top = utility.Utility(values);
        var loss = new double[n];
        for (int i = 0; i < n; i++)
        {
            double worst = top;
            for (int v = 0; v < space.Radices[i]; v++)
            {
                values[i] = v;
                worst = Math.Min(worst, utility.Utility(values));
            }
            values[i] = _best[i];
            loss[i] = top - worst;
        }
        _order = [.. Enumerable.Range(0, n).OrderBy(i => loss[i]).ThenBy(i => i)];
    }

    /// <summary>Issue indices from least to most important to this party.</summary>
    public IReadOnlyList<int> ConcessionOrder => _order;

    /// <inheritdoc />
    protected override (Outcome Package, ulong Conceded) Bid(double t)
    {
        var context = Context;
        var space = context.Space;
        int n = space.IssueCount;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        Span<int> asked = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        _best.CopyTo(values);
        if (LastReceived is not { } received) return (space.Encode(values), 0);
        space.Decode(received, asked);
        double target = TargetUtility(t);
        var utility = context.Profile.Utility;
        ulong conceded = 0;
        // The issues its ratifier objected to are conceded last: first every other issue in order of importance.
        ulong objected = RatifierObjected;
        for (int k = 0; k < 2 * _order.Length; k++)
        {
            int i = _order[k % _order.Length];
            bool late = i < 64 && (objected & (1UL << i)) != 0;
            if (late != (k >= _order.Length)) continue;
            if (values[i] == asked[i]) continue;
            int keep = values[i];
            values[i] = asked[i];
            if (utility.Utility(values) >= target)
            {
                if (i < 64) conceded |= 1UL << i;
                continue;
            }
            values[i] = keep;
            break;
        }
        return (space.Encode(values), conceded);
    }
}
