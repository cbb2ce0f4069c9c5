using Parley.Agents.Anac.Y2015;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2016;

/// <summary>
/// Caduceus, winner of ANAC 2016 (Güneş, Arditi, Aydoğan: "Collective voice of experts in multilateral negotiation"),
/// after GENIUS's <c>agents.anac.y2016.caduceus.Caduceus</c>. Multilateral. A portfolio of expert agents whose votes are
/// weighted by expertise scores:
/// <list type="bullet">
/// <item><b>Best-offer phase</b>: before 83 % of the deadline (times the discount factor) it offers its best bid and
/// asks no expert.</item>
/// <item><b>Voting</b>: afterwards every expert (ParsAgent, RandomDance, kawaii, Atlas3 and the authors' own Caduceus
/// agent, scores 500, 10, 5, 3, 1, normalised) chooses its action as if it were negotiating alone, having heard every
/// message. Caduceus accepts when the experts that accept outscore those that offer; when the offering experts
/// outscore, it offers one of their bids drawn with probability proportional to their scores; on a tie (nobody
/// accepts or offers) its best bid.</item>
/// </list>
/// With these scores ParsAgent alone outweighs the others together, so ParsAgent decides whether to accept, and its bid
/// is offered at least 96 % of the time. Each expert keeps its own state and its own seeded random source (derived
/// from the context's seed), as each has its own generator in GENIUS; the experts hear every message but not what
/// Caduceus finally did, since in GENIUS a party hears only the others. The experts are Parley's re-implementations,
/// found by name (<c>parsagent</c>, <c>atlas3</c>, …); an expert Parley does not have (yet) abstains, so does not vote:
/// <see cref="Experts"/> lists those present.
/// The original's null bid when the floating-point sum of the normalised scores falls short of the random draw (GENIUS
/// would then fail) becomes the last offering expert's bid. Time is GENIUS's: the best-offer phase lasts while the
/// 1-based round is below (R + 1)·0.83·δ under a round deadline.
/// </summary>
public sealed class Caduceus : GeniusTurnAgent
{
    private const double BestOfferShare = 0.83;

    /// <summary>An expert of the portfolio: its name, its expertise score (before normalising) and how to make it.</summary>
    /// <param name="Name">The expert's name (its registry name where Parley has it).</param>
    /// <param name="Score">Its score, before normalising over all experts.</param>
    /// <param name="Create">Makes a fresh expert, or returns null when Parley does not have it.</param>
    public sealed record Expert(string Name, double Score, Func<INegotiator?> Create);

    /// <summary>The original's portfolio, in its order.</summary>
    public static IReadOnlyList<Expert> OriginalExperts { get; } =
    [
        new("parsagent", 500, () => NegotiatorRegistry.TryCreate("parsagent", out var n) ? n : null),
        new("randomdance", 10, () => new RandomDance()),
        new("kawaii", 5, () => new Kawaii()),
        new("atlas3", 3, () => new Atlas3()),
        new("caduceus2016", 1, () => new Caduceus2016()),
    ];

    private readonly Expert[] _portfolio;
    private readonly double[] _scores;               // normalised over the whole portfolio
    private INegotiator?[] _experts = [];
    private readonly List<int> _offering = [];
    private readonly List<Outcome> _offeredBids = [];
    private Outcome _best;
    private double _bestOfferUntil;                   // in GENIUS's current time (1-based round, or seconds as a share)
    private bool _rounds;

    /// <summary>Caduceus with the original's portfolio.</summary>
    public Caduceus() : this(OriginalExperts) { }

    /// <summary>Caduceus with the given portfolio of experts.</summary>
    public Caduceus(IReadOnlyList<Expert> portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (portfolio.Count == 0) throw new ArgumentException("The portfolio needs at least one expert.", nameof(portfolio));
        _portfolio = [.. portfolio];
        double sum = 0;
        foreach (var e in _portfolio)
        {
            if (!(e.Score > 0) || double.IsInfinity(e.Score)) throw new ArgumentException($"Expert {e.Name}: the score must be positive, got {e.Score}.", nameof(portfolio));
            sum += e.Score;
        }
        _scores = [.. _portfolio.Select(e => e.Score / sum)];
    }

    /// <inheritdoc />
    public override string Name => "Caduceus";

    /// <summary>The names of the experts present in the current negotiation (those Parley has).</summary>
    public IReadOnlyList<string> Experts => [.. _portfolio.Where((_, i) => i < _experts.Length && _experts[i] is not null).Select(e => e.Name)];

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        _experts = new INegotiator?[_portfolio.Length];
        for (int i = 0; i < _portfolio.Length; i++)
        {
            var expert = _portfolio[i].Create();
            if (expert is null) continue;
            // Each expert is a party of its own in GENIUS, with its own random generator: here a seed derived from ours.
            expert.Initialize(new NegotiatorContext(context.PartyIndex, context.PartyCount, context.Profile, context.History,
                context.Options, unchecked(context.Seed * 31 + i + 1), context.Index, context.Table));
            _experts[i] = expert;
        }
        if (_experts.All(e => e is null)) throw new InvalidOperationException("Caduceus: none of its experts is available.");
        _best = SortedOutcomeSpace.For(context.Index).FirstBest; // GENIUS's getMaxUtilityBid
        double d = context.Profile.DiscountFactor;
        double share = BestOfferShare * (d > 0 && d <= 1 ? d : 1);
        _rounds = GeniusTime.TotalRounds(context) is not null;
        _bestOfferUntil = GeniusTime.TotalRounds(context) is int total ? total * share : share;
    }

    /// <inheritdoc />
    protected override void Decide(in SaoState state)
    {
        Accepting = false;
        Bid = _best;
        double current = _rounds ? state.Round + 1 : state.Time; // GENIUS's getCurrentTime: the 1-based round, or elapsed share
        if (current < _bestOfferUntil) return;

        double acceptScore = 0, offerScore = 0;
        _offering.Clear();
        _offeredBids.Clear();
        bool canAccept = state.StandingOffer is not null && state.Proposer != Context.PartyIndex;
        for (int i = 0; i < _experts.Length; i++)
        {
            if (_experts[i] is not { } expert) continue;
            if (canAccept)
            {
                var response = expert.Respond(state, state.StandingOffer!.Value);
                if (response == SaoResponse.Accept) { acceptScore += _scores[i]; continue; }
                if (response == SaoResponse.WalkAway) continue; // EndNegotiation: neither accepts nor offers
            }
            _offeredBids.Add(expert.Propose(state));
            _offering.Add(i);
            offerScore += _scores[i];
        }
        if (acceptScore > offerScore) Accepting = true;
        else if (offerScore > acceptScore) Bid = RandomizedBid();
    }

    /// <summary>One of the offering experts' bids, drawn with probability proportional to their scores.</summary>
    private Outcome RandomizedBid()
    {
        double sum = 0;
        foreach (int i in _offering) sum += _scores[i];
        double pick = Context.Random.NextDouble(), accumulated = 0;
        for (int k = 0; k < _offering.Count; k++)
        {
            accumulated += _scores[_offering[k]] / sum;
            if (pick < accumulated) return _offeredBids[k];
        }
        return _offeredBids[^1];
    }
}
