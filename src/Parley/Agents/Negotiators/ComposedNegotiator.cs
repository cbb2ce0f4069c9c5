using Parley.Agents.Voters;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Negotiators;

/// <summary>
/// A negotiator composed of a bidding strategy, an acceptance strategy and an optional opponent model (the BOA
/// architecture). Before each decision every new offer by another party is fed to the opponent model. It accepts when
/// the acceptance strategy says so — but never an offer worth less to it than its reserved value at that time — and
/// otherwise proposes the bidding strategy's bid (computed once per turn, so AC_next and the counter-offer agree).
/// Never walks away. Never accepts or offers an outcome that crosses its red lines or uses a withdrawn value.
/// The acceptance strategy sees the other parties' offers so far (<see cref="AcceptanceInput.OpponentBids"/>), so the BOA
/// conditions that look back (<see cref="Boa.AcceptanceCondition.CombiMaxInWindow"/>, via
/// <see cref="Boa.AcceptanceCondition.AsStrategy"/>) work here.
/// It also votes under the single-negotiating-text protocol (<see cref="IVoter"/>) with the same parts: a text worse for
/// it than the text the mediator revises is vetoed, a text its acceptance strategy accepts is accepted, any other is
/// rejected naming the issues that cost it most.
/// </summary>
public class ComposedNegotiator : INegotiator, IVoter, IHasOpponentModel
{
    private NegotiatorContext? _context;
    private int _seen;
    private int _bidStep = -1;
    private Outcome _bid;
    private readonly Boa.BidHistory _opponentBids = new();

    /// <summary>Composes a negotiator.</summary>
    public ComposedNegotiator(string name, IBiddingStrategy bidding, AcceptanceStrategy acceptance, IOpponentModel? opponentModel = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bidding);
        ArgumentNullException.ThrowIfNull(acceptance);
        Name = name;
        Bidding = bidding;
        Acceptance = acceptance;
        OpponentModel = opponentModel;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>What to offer.</summary>
    public IBiddingStrategy Bidding { get; }

    /// <summary>When to accept.</summary>
    public AcceptanceStrategy Acceptance { get; }

    /// <summary>The opponent model, if any.</summary>
    public IOpponentModel? OpponentModel { get; }

    /// <summary>The current negotiation's context (null before <see cref="Initialize"/>).</summary>
    protected NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <inheritdoc />
    public virtual void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _seen = 0;
        _bidStep = -1;
        _opponentBids.Clear();
        OpponentModel?.Initialize(context);
        Bidding.Initialize(context, OpponentModel);
    }

    /// <inheritdoc />
    public virtual Outcome Propose(in SaoState state)
    {
        Observe();
        return Bid(state);
    }

    /// <inheritdoc />
    public virtual SaoResponse Respond(in SaoState state, Outcome offer)
    {
        Observe();
        var context = Context;
        double offered = context.Index.Utility(offer);
        double reserved = context.ReservedValue(state.Time);
        if (offered < reserved || !context.IsAllowed(offer, state.Time)) return SaoResponse.Reject;
        double next = context.Index.Utility(Bid(state));
        return Acceptance.ShouldAccept(new AcceptanceInput(state.Time, state.Round, offered, next, reserved, _opponentBids))
            ? SaoResponse.Accept
            : SaoResponse.Reject;
    }

    private Outcome Bid(in SaoState state)
    {
        if (_bidStep != state.Step)
        {
            _bid = Bidding.NextBid(state);
            if (Context.HasLimits && !Context.IsAllowed(_bid, state.Time)) _bid = Context.NearestAllowed(_bid, state.Time);
            _bidStep = state.Step;
        }
        return _bid;
    }

    /// <inheritdoc />
    public virtual TextVote Vote(in SingleTextState state, Outcome text)
    {
        Observe();
        var context = Context;
        double t = state.Time;
        double offered = context.Index.Utility(text);
        if (TextVotes.Vetoes(context, state, text, offered)) return new TextVote(TextAnswer.Veto, context.Objections(text));
        double reserved = context.ReservedValue(t);
        var asked = SaoState.Initial(Math.Max(2, context.PartyCount)) with { Time = t, Step = state.Round };
        if (offered >= reserved)
        {
            double next = context.Index.Utility(Bid(asked));
            if (Acceptance.ShouldAccept(new AcceptanceInput(t, state.Round, offered, next, reserved))) return new TextVote(TextAnswer.Accept);
        }
        return new TextVote(TextAnswer.Reject, context.Objections(text));
    }

    private void Observe()
    {
        var context = Context;
        var history = context.History;
        int count = history.Count;
        for (; _seen < count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            _opponentBids.Add(new Boa.BidDetails(offer, context.Index.Utility(offer), entry.Time));
            OpponentModel?.Observe(entry.Party, offer, entry.Time);
        }
    }
}
