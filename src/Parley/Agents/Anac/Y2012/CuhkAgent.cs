using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;

namespace Parley.Agents.Anac.Y2012;

/// <summary>
/// CUHKAgent, winner of ANAC 2012 (Hao and Leung, "CUHKAgent: an adaptive negotiation strategy for bilateral
/// negotiations over multiple items", in Novel Insights in Agent-based Complex Automated Negotiation, 2014), after
/// GENIUS's <c>agents.anac.y2012.CUHKAgent.CUHKAgent</c>. Bilateral.
/// <list type="bullet">
/// <item><b>Concede-to-time degree</b> λ: 0.08 + 0.92·d^β (β = 1.8, 1.5 or 1.2 as the discount factor d is above 0.75,
/// above 0.5 or not), raised by 0.1(1 − λ₀)·c¹⁰ when the opponent's concession degree c (<see cref="CuhkOpponentModel"/>)
/// is high.</item>
/// <item><b>Utility threshold</b>: until t = λ it falls from its best utility towards best·d / d^λ as (t/λ)²; afterwards
/// best·d / d^t (so without discounting it never concedes by itself). In undiscounted spaces over 3 000 outcomes it stays
/// within 0.05 of its best (0.25 from t = 0.98 over 10 000).</item>
/// <item><b>Bids</b>: the opponent's best offer when that reaches the threshold; else, among its bids between the
/// threshold and its best (kept in bands of 0.01 of utility: all outcomes of spaces under 20 000, else 20 001 drawn at
/// random), the one the opponent model says the opponent named most (200 sampled when more, ties broken at random, one
/// at random 5 % of the time).</item>
/// <item><b>Acceptance</b>: an offer at least the threshold or its next bid; or, once the opponent's best offer is worth
/// (discounted) more than its best times d after λ, or more than the discounted threshold, an offer within 0.01 of the
/// opponent's best. It ends the negotiation when its reserved value beats its next bid or the threshold.</item>
/// <item><b>Last chance</b>: it estimates the rounds left from the longest gap between its turns; with fewer than 5 left
/// after t = 0.9985 (under a round deadline: the last round) it offers the opponent's best offer.</item>
/// </list>
/// Behaviour-shaping quirks of the original kept: deciding whether to end the negotiation resets the flag that would make
/// it concede to the opponent's best offer, so it never does (nor, in the last round, accepts for being "tough"); the
/// utility bands are [k·0.01, (k + 1)·0.01] for k below ⌊best/0.01⌋ (a best utility just under 1 has 99 bands and its best
/// bid only in the top band's list, where it comes first); the bid ranges between two utilities take the bands from
/// ⌊lower/0.01⌋ to ⌊upper/0.01⌋ − 1, its best bid alone when none. Time is GENIUS's (<see cref="GeniusTime"/>; under a
/// round deadline its clock is the round number, as GENIUS's discrete timeline's); its unseeded
/// <c>java.util.Random</c>s are the context's seeded source.
/// </summary>
public sealed class CuhkAgent : GeniusTurnAgent, IHasOpponentModel
{
    private const double MinConcedeToDiscountingFactor = 0.08, Alpha1 = 2, BandWidth = 0.01;
    private const int EnumerationLimit = 20_000, RandomSearchBids = 20_000;

    private readonly CuhkOpponentModel _model = new();
    private CuhkOpponentBidHistory _history = null!;
    private Bands _bands = null!;
    private int _opponent, _seen;
    private Outcome _maxBid;
    private Outcome? _opponentBest, _opponentLast;
    private bool _proposed;
    private double _maximumUtility, _utilityThreshold, _discount, _domainSize, _reservation;
    private double _concedeToDiscountingFactor, _concedeToDiscountingFactorOriginal;
    private double _totalTime, _timeLeftBefore, _timeLeftAfter, _maximumTimeOfOpponent, _maximumTimeOfOwn;

    /// <inheritdoc />
    public override string Name => "CUHKAgent";

    /// <summary>CUHKAgent's frequency model of the opponent's offers.</summary>
    public IOpponentModel OpponentModel => _model;

    /// <summary>The current utility threshold.</summary>
    public double UtilityThreshold => _utilityThreshold;

    /// <summary>The current concede-to-time degree λ.</summary>
    public double ConcedeToDiscountingFactor => _concedeToDiscountingFactor;

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        if (context.PartyCount != 2) throw new NotSupportedException("CUHKAgent is a bilateral agent: it negotiates with exactly one opponent.");
        if (!context.Space.IsDiscrete) throw new NotSupportedException("CUHKAgent needs enumerable issues.");
        _opponent = 1 - context.PartyIndex;
        _model.Initialize(context);
        _history = _model.Estimate(_opponent);
        _seen = 0;
        _opponentBest = _opponentLast = null;
        _proposed = false;
        _domainSize = (double)context.Space.Cardinality!.Value;
        _maxBid = SortedOutcomeSpace.For(context.Index).FirstBest; // GENIUS's getMaxUtilityBid
        _maximumUtility = _utilityThreshold = context.Index.Utility(_maxBid);
        double d = context.Profile.DiscountFactor;
        _discount = d <= 1 && d > 0 ? d : 1;
        _bands = _domainSize < EnumerationLimit ? EnumeratedBands.GetValue(context.Index, _ => Bands.Enumerated(context.Index, _maxBid))
            : Bands.Sampled(context, _maxBid);
        // The concede-to-time degree from the discount factor.
        double beta = _discount > 0.75 ? 1.8 : _discount > 0.5 ? 1.5 : 1.2;
        _concedeToDiscountingFactor = _concedeToDiscountingFactorOriginal =
            MinConcedeToDiscountingFactor + (1 - MinConcedeToDiscountingFactor) * Math.Pow(_discount, beta);
        // The clock: under a round deadline GENIUS's discrete timeline counts rounds (from 1 of R + 1).
        _totalTime = GeniusTime.TotalRounds(context) ?? 1;
        _timeLeftAfter = GeniusTime.TotalRounds(context) is null ? 0 : 1;
        _timeLeftBefore = 0;
        _maximumTimeOfOpponent = _maximumTimeOfOwn = 0;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<UtilityIndex, Bands> EnumeratedBands = new();

    private double U(Outcome o) => Context.Index.Utility(o);

    private double Discounted(double u, double t) => _discount < 1 ? u * Math.Pow(_discount, t) : u;

    private double CurrentTime(in SaoState state) => GeniusTime.TotalRounds(Context) is null ? state.Time : state.Round + 1;

    protected override void Decide(in SaoState state)
    {
        var context = Context;
        double t = GeniusTime.Of(context, state);
        _timeLeftBefore = CurrentTime(state);
        _reservation = Math.Max(0, context.ReservedValue(state.Time));
        Accepting = false;
        bool received = ReceiveOffers();
        Outcome bid;
        if (_opponentLast is not { } offer) bid = _maxBid; // it proposes first: its best bid
        else
        {
            if (received)
            {
                _history.Observe(offer);
                // GENIUS's OpponentBidHistory.addBid: the first offer, then any offer strictly better for it.
                if (_history.DistinctOffers == 1 || U(offer) > U(_opponentBest!.Value)) _opponentBest = offer;
                UpdateConcedeDegree();
            }
            if (!_proposed) bid = _maxBid;
            else if (EstimateRoundLeft(opponent: true, state) > 10)
            {
                bid = BidToOffer(t);
                Respond(offer, bid, t);
            }
            else if (t > 0.9985 && EstimateRoundLeft(opponent: true, state) < 5)
            {
                // The last chance: the best offer the opponent ever made.
                bid = _opponentBest!.Value;
                if (U(bid) < 0.85 && EstimateRoundLeft(opponent: true, state) >= 2)
                    bid = _history.ChooseBid(_bands.Between(_maximumUtility - 0.15, _maximumUtility - 0.02), context.Random);
                Respond(offer, bid, t);
            }
            else
            {
                // Still some time: stay tough with its usual bid.
                bid = BidToOffer(t);
                Respond(offer, bid, t);
            }
        }
        _proposed = true;
        Bid = bid;
        _timeLeftAfter = CurrentTime(state);
        EstimateRoundLeft(opponent: false, state);
    }

    private bool ReceiveOffers()
    {
        var context = Context;
        var history = context.History;
        bool received = false;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            _opponentLast = offer;
            received = true;
        }
        return received;
    }

    /// <summary>Accept, end, or offer <paramref name="bid"/>: GENIUS's combination of the acceptance and termination tests.</summary>
    private void Respond(Outcome offer, Outcome bid, double t)
    {
        bool accept = AcceptOpponentOffer(offer, bid, t);
        bool terminate = TerminateCurrentNegotiation(bid, t);
        if (accept && !terminate) Accepting = true;
        else if (terminate && !accept) WalkingAway = true;
        else if (accept && terminate)
        {
            if (U(offer) > _reservation) Accepting = true;
            else WalkingAway = true;
        }
        // Neither: it offers its bid. (The original would now concede to the opponent's best offer when the acceptance
        // test asked for it, but the termination test has just cleared that flag.)
    }

    /// <summary>λ from the opponent's concession degree (GENIUS's <c>updateConcedeDegree</c>).</summary>
    private void UpdateConcedeDegree()
    {
        const double gamma = 10, weight = 0.1;
        double toughness = _history.ConcessionDegree();
        _concedeToDiscountingFactor = Math.Min(1, _concedeToDiscountingFactorOriginal
            + weight * (1 - _concedeToDiscountingFactorOriginal) * Math.Pow(toughness, gamma));
    }

    /// <summary>The rounds it expects are left: time left over the longest gap between its turns (plus its own longest turn).</summary>
    private int EstimateRoundLeft(bool opponent, in SaoState state)
    {
        if (opponent) _maximumTimeOfOpponent = Math.Max(_maximumTimeOfOpponent, _timeLeftBefore - _timeLeftAfter);
        else _maximumTimeOfOwn = Math.Max(_maximumTimeOfOwn, _timeLeftAfter - _timeLeftBefore);
        double round = (_totalTime - CurrentTime(state)) / (_maximumTimeOfOpponent + _maximumTimeOfOwn);
        return JavaInt(round);
    }

    /// <summary>Java's (int) cast of a double: NaN → 0, saturating at the int range (x / 0 → int.MaxValue).</summary>
    private static int JavaInt(double x) => double.IsNaN(x) ? 0 : x >= int.MaxValue ? int.MaxValue : x <= int.MinValue ? int.MinValue : (int)x;

    /// <summary>GENIUS's <c>BidToOffer</c>: updates the threshold and chooses the bid.</summary>
    private Outcome BidToOffer(double t)
    {
        double maximum = _maximumUtility, minimumOfBid;
        if (_discount == 1 && _domainSize > 3000)
        {
            // Large undiscounted spaces: concede a little, more near the deadline in the largest.
            minimumOfBid = maximum - 0.05;
            if (_discount > 1 - 0.25 && _domainSize > 10000 && t >= 0.98) minimumOfBid = maximum - 0.25;
            if (_utilityThreshold > minimumOfBid) _utilityThreshold = minimumOfBid;
        }
        else
        {
            double lambda = _concedeToDiscountingFactor;
            if (t <= lambda)
            {
                double minThreshold = maximum * _discount / Math.Pow(_discount, lambda);
                _utilityThreshold = maximum - (maximum - minThreshold) * Math.Pow(t / lambda, Alpha1);
            }
            else _utilityThreshold = maximum * _discount / Math.Pow(_discount, t);
            minimumOfBid = _utilityThreshold;
        }
        var best = _opponentBest!.Value;
        if (U(best) >= _utilityThreshold || U(best) >= minimumOfBid) return best;
        return _history.ChooseBid(_bands.Between(minimumOfBid, maximum), Context.Random);
    }

    /// <summary>GENIUS's <c>AcceptOpponentOffer</c>.</summary>
    private bool AcceptOpponentOffer(Outcome offer, Outcome bid, double t)
    {
        double current = U(offer);
        if (current >= _utilityThreshold || current >= U(bid)) return true;
        double predictMaximumUtility = _maximumUtility * _discount;
        double bestUtility = U(_opponentBest!.Value);
        double currentMaximumUtility = Discounted(bestUtility, t);
        bool opponentBestGoodEnough = (currentMaximumUtility > predictMaximumUtility && t > _concedeToDiscountingFactor)
            || currentMaximumUtility > _utilityThreshold * Math.Pow(_discount, t);
        // Then an offer about as good as the opponent's best is accepted (else the original wants to concede to that best).
        return opponentBestGoodEnough && current >= bestUtility - 0.01;
    }

    /// <summary>GENIUS's <c>TerminateCurrentNegotiation</c>: its reserved value beats its next bid or the threshold.</summary>
    private bool TerminateCurrentNegotiation(Outcome bid, double t)
    {
        double reservation = _reservation;
        if (reservation >= _utilityThreshold || reservation >= U(bid)) return true;
        return Discounted(reservation, t) > _maximumUtility * _discount && t > _concedeToDiscountingFactor;
    }

    /// <summary>
    /// Its bids in bands of 0.01 of utility (GENIUS's <c>bidsBetweenUtility</c>): band k holds the outcomes of utility in
    /// [k·0.01, (k + 1)·0.01] (the first band that fits), k below ⌊best/0.01⌋, the best bid first in the top band.
    /// Stored flat, band after band, so a range of bands is one span.
    /// </summary>
    private sealed class Bands
    {
        private readonly Outcome[] _bids;
        private readonly int[] _start; // band k is _bids[_start[k] .. _start[k + 1])
        private readonly Outcome[] _best;

        private Bands(Outcome[] bids, int[] start, Outcome best)
        {
            _bids = bids;
            _start = start;
            _best = [best];
        }

        public static Bands Enumerated(UtilityIndex index, Outcome best)
        {
            long n = index.Function.Space.Count;
            return Build(index, best, n, i => i);
        }

        /// <summary>Spaces of 20 000 outcomes or more: 20 001 outcomes drawn at random (as the original: the last value of an integer or real issue never).</summary>
        public static Bands Sampled(NegotiatorContext context, Outcome best)
        {
            var space = context.Space;
            var values = new int[space.IssueCount];
            var sample = new Outcome[RandomSearchBids + 1];
            for (int s = 0; s < sample.Length; s++)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    var issue = space.Issues[i];
                    values[i] = context.Random.Next(issue is DiscreteIssue ? issue.ValueCount : Math.Max(1, issue.ValueCount - 1));
                }
                sample[s] = space.Encode(values);
            }
            return Build(context.Index, best, sample.Length, s => sample[s]);
        }

        private static Bands Build(UtilityIndex index, Outcome best, long count, Func<long, Outcome> outcomeAt)
        {
            double maximum = index.Utility(best);
            int bands = (int)(maximum / BandWidth);
            if (bands <= 0) return new Bands([], [0], best); // the original fails to initialise here; it then offers its best bid
            var band = new int[count];
            var sizes = new int[bands + 1];
            sizes[bands - 1] = 1; // the best bid heads the top band
            for (long i = 0; i < count; i++)
            {
                double u = index.Utility(outcomeAt(i));
                int k = BandOf(u, bands);
                band[i] = k;
                if (k >= 0) sizes[k]++;
            }
            var start = new int[bands + 1];
            for (int k = 0; k < bands; k++) start[k + 1] = start[k] + sizes[k];
            var bids = new Outcome[start[bands]];
            var next = (int[])start.Clone();
            bids[next[bands - 1]++] = best;
            for (long i = 0; i < count; i++)
                if (band[i] >= 0) bids[next[band[i]]++] = outcomeAt(i);
            return new Bands(bids, start, best);
        }

        // The first k with k·0.01 ≤ u ≤ (k + 1)·0.01 (the original's test, in its arithmetic), or −1.
        private static int BandOf(double u, int bands)
        {
            int guess = (int)(u / BandWidth);
            for (int k = Math.Max(0, guess - 2); k < bands && k <= guess + 2; k++)
                if (u <= (k + 1) * BandWidth && u >= k * BandWidth) return k;
            return -1;
        }

        /// <summary>The bids of bands ⌊lower/0.01⌋ … ⌊upper/0.01⌋ − 1 (GENIUS's <c>getBidsBetweenUtility</c>); its best bid alone when none.</summary>
        public ReadOnlySpan<Outcome> Between(double lower, double upper)
        {
            int bands = _start.Length - 1;
            int range = Math.Min(JavaInt(upper / BandWidth), bands);
            int initial = Math.Max(0, JavaInt(lower / BandWidth));
            if (initial >= range || _start[initial] == _start[range]) return _best;
            return _bids.AsSpan(_start[initial], _start[range] - _start[initial]);
        }
    }
}
