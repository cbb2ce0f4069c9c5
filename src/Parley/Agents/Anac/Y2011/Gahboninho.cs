using System.Globalization;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;

namespace Parley.Agents.Anac.Y2011;

/// <summary>
/// Gahboninho, ANAC 2011 (Ben Adar, Sofy and Elimelech, "Gahboninho: strategy for balancing pressure and compromise in
/// automated negotiation", in Complex Automated Negotiations, 2013), after GENIUS's
/// <c>agents.anac.y2011.Gahboninho.Gahboninho</c>. Bilateral. A bully: it makes the opponent pay for every concession
/// and concedes only when the opponent turns out to be stubborn, or in a panic at the very end.
/// <list type="bullet">
/// <item><b>Bid map</b> (built on the opponent's first offer): every outcome whose every issue is worth at least the
/// opponent's first choice in it (each issue's values in a random order), keyed by utility; an outcome whose utility is
/// already a key is nudged by 0.002 / r, r a random integer remainder of 9 999 999 (of either sign). A bid of utility
/// at least x is the one of the least key ≥ x (its best bid when none).</item>
/// <item><b>Learning phase</b>: its first bid is its best (its second too when it moves first); then, until t = 0.15,
/// 41 bids of at least 0.925 + 0.075·k/40, k = 40 … 0, so the opponent can learn its preferences; an offer worth over
/// 0.95 is accepted while any of these remain.</item>
/// <item><b>Noise</b> ("niceness"): every 20 opponent offers it compares the opponent's value frequencies with its own;
/// an opponent that searches (more similar than before) or concedes (a new best offer, or a new worst by the opponent
/// model) raises the noise, a stubborn one lowers it (by a rate set by the size of the space, 0.003 to 0.015).
/// Noise starts at 0.4 times the discount factor.</item>
/// <item><b>Pressure and compromise</b>: the next offer's utility lies between Min = d^(2t)·max(best opponent offer,
/// floor) and Max = d^(2t)(1 + 6·noise·d⁵) (divided by Min in the later phases), Max − (Max − Min)·t, moving by at most
/// 0.0009 down (0.001 and more near the end) and 0.005 up per call. The floor falls in phases: 0.9125 until
/// t = 0.85d, 0.84 until 0.92d, 0.775 until 0.94d, 0.7 until 0.985, then the opponent's best offer (3.5/8 when that is
/// below 3/8) until the <b>panic</b>, the last rounds, when it offers the opponent's best offer itself (the
/// <b>frenzy</b>).</item>
/// <item><b>Acceptance</b>: an offer worth at least a compromising factor (0.95; 0.94, 0.93, 0.91, … in the later
/// phases) times the next offer's utility.</item>
/// <item><b>Filtering</b>: once t &gt; 0.9d it keeps of a bid map over 200 bids only the bids (one per utility) the
/// opponent model (<see cref="GahboninhoOpponentModel"/>) rates at least 0.84 of the best seen going down the map,
/// unless fewer than 20 remain.</item>
/// </list>
/// Behaviour-shaping quirks of the original kept: the next offer's utility is recomputed (its state moving on) both for
/// the acceptance test and for the bid, and the acceptance test uses the previous call's compromising factor; the
/// fourth phase tests t ≤ 0.985·d^(2t) where d was meant; the opponent's first offer teaches the opponent model nothing
/// and every 21st offer (the one that closes a 20-offer window) counts for neither the statistics nor the best offer;
/// the opponent's best offer is put into the bid map, replacing any bid of the same key; the value lists are shuffled by
/// inserting each value at a random position before the last, so the first value always ends last. The original's
/// construction is cut off at 5 % of the negotiation time; under a round deadline time stands still during it, so it
/// enumerates everything — here up to <see cref="BidMapLimit"/> bids (<see cref="UntabulatedBidMapLimit"/> where utilities
/// are not tabulated). Time is GENIUS's (<see cref="GeniusTime"/>);
/// its unseeded <c>java.util.Random</c>s are the context's seeded source. Issues are enumerated in domain order (the
/// original's follows a hash map of issues, which matters only for which of two equal-utility bids is nudged).
/// </summary>
public sealed class Gahboninho : GeniusTurnAgent, IHasOpponentModel
{
    /// <summary>
    /// The most bids the bid map holds when the utility index tabulates the space (the original stops building after 5 %
    /// of the negotiation time; here after this many bids, more than any shared ANAC scenario needs).
    /// </summary>
    public const int BidMapLimit = 1 << 20;

    /// <summary>The most bids when every utility must be computed (spaces the index does not tabulate), so a turn stays within Parley's turn budget.</summary>
    public const int UntabulatedBidMapLimit = 1 << 15;

    private const int PlayerCount = 8, TotalFirstActions = 40, CountdownLength = 20, FilterMinimum = 200;
    private const double DiscretisationSteps = 20;

    private readonly GahboninhoOpponentModel _model = new();
    private readonly BidMap _bids = new();
    private int _opponent, _seen, _opponentOffers, _roundCount, _firstActions;
    private bool _bidsFiltered;
    private Outcome _opponentLast, _maxBid;
    private double _discount;
    private int[] _values = [];

    // Pressure and compromise (GENIUS's IssueManager).
    private double _noise, _noiseDecreaseRate, _nextOfferUtility, _compromisingFactor, _previousRecommendation,
        _maximalUtilityDecreaseRate, _timeDiffStart, _timeDiffEnd, _roundCountBeforePanic;
    private bool _firstOfferGiven, _inFrenzy;

    // The opponent's offers: best for us, worst and best by the opponent model in the current window.
    private double _bestEverOpponentUtility, _previousCountdownBestUtility, _worstOpponentModelled,
        _previousWorstOpponentModelled, _previousRoundWorstOpponentModelled, _previousAverageDistance;
    private Outcome? _bestEverOpponentBid;
    private int _countdownToStatisticsRefreshing, _outgoingBids;
    private ValueStatistics _statistics = null!;

    /// <inheritdoc />
    public override string Name => "Gahboninho";

    /// <summary>Gahboninho's opponent model (issue weights from the spread of the opponent's choices).</summary>
    public IOpponentModel OpponentModel => _model;

    /// <summary>Bids in the bid map (0 before the opponent's first offer).</summary>
    public int BidMapCount => _bids.Count;

    /// <summary>The current noise ("niceness") estimate of the opponent, in [0, 1].</summary>
    public double Noise => _noise;

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        if (context.PartyCount != 2) throw new NotSupportedException("Gahboninho is a bilateral agent: it negotiates with exactly one opponent.");
        if (!context.Space.IsDiscrete) throw new NotSupportedException("Gahboninho needs enumerable issues.");
        _opponent = 1 - context.PartyIndex;
        _model.Initialize(context);
        _bids.Clear();
        _seen = _opponentOffers = _roundCount = 0;
        _firstActions = TotalFirstActions;
        _bidsFiltered = false;
        _values = new int[context.Space.IssueCount];
        double d = context.Profile.DiscountFactor;
        _discount = d <= 0.001 || d > 1 ? 1 : d;
        _maxBid = MaxBidWithNoCost(context);

        _noise = 0.4 * _discount;
        _noiseDecreaseRate = 0.01;
        _nextOfferUtility = 1;
        _compromisingFactor = 0.95;
        _previousRecommendation = 1;
        _maximalUtilityDecreaseRate = 0.0009;
        _timeDiffStart = _timeDiffEnd = -1;
        _roundCountBeforePanic = 1;
        _firstOfferGiven = _inFrenzy = false;

        _bestEverOpponentUtility = 0;
        _bestEverOpponentBid = null;
        _previousCountdownBestUtility = 1;
        _worstOpponentModelled = _previousWorstOpponentModelled = _previousRoundWorstOpponentModelled = 1;
        _previousAverageDistance = 0.2;
        _countdownToStatisticsRefreshing = CountdownLength;
        _outgoingBids = 0;
        _statistics = ValueStatistics.For(context.Space);
        _statistics.Reset();
    }

    private double U(Outcome o) => Context.Index.Utility(o);

    /// <summary>
    /// An issue's evaluation of value <paramref name="value"/> (GENIUS's <c>getEvaluation</c>): the evaluator's score for a
    /// linear additive utility, else the utility of <paramref name="bidding"/> with that value.
    /// </summary>
    private static double Evaluation(NegotiatorContext context, int issue, int value, int[] bidding)
    {
        if (context.Profile.Utility is LinearAdditiveUtility additive) return additive.Evaluators[issue].Score(context.Space.Issues[issue], value);
        int old = bidding[issue];
        bidding[issue] = value;
        double u = context.Profile.Utility.Utility(bidding);
        bidding[issue] = old;
        return u;
    }

    private static int[] RandomBid(NegotiatorContext context)
    {
        var bid = new int[context.Space.IssueCount];
        for (int i = 0; i < bid.Length; i++) bid[i] = context.Random.Next(context.Space.Issues[i].ValueCount);
        return bid;
    }

    /// <summary>
    /// Its best bid, issue by issue (GENIUS's <c>GetMaxBidWithNoCost</c>): each discrete issue's first value of highest
    /// evaluation, each numeric issue's better bound; the space's best outcome when that bid is worth 0.
    /// </summary>
    private static Outcome MaxBidWithNoCost(NegotiatorContext context)
    {
        var space = context.Space;
        var bidding = RandomBid(context);
        var best = new int[space.IssueCount];
        for (int i = 0; i < best.Length; i++)
        {
            var issue = space.Issues[i];
            if (issue is DiscreteIssue)
            {
                double max = 0;
                for (int v = 0; v < issue.ValueCount; v++)
                {
                    double u = Evaluation(context, i, v, bidding);
                    if (u > max) { max = u; best[i] = v; }
                }
            }
            else
            {
                int upper = issue.ValueCount - 1;
                best[i] = Evaluation(context, i, upper, bidding) > Evaluation(context, i, 0, bidding) ? upper : 0;
            }
        }
        var bid = space.Encode(best);
        return context.Index.Utility(bid) == 0 ? context.Index.Best : bid;
    }

    protected override void Decide(in SaoState state)
    {
        var context = Context;
        double time = GeniusTime.Of(context, state);
        ReceiveOffers(time);
        Accepting = false;
        bool hasOffer = _opponentOffers > 0;
        // While still showing its preferences, it is not tempted too fast: only by offers worth over 0.95.
        if (_firstActions > 0 && hasOffer && U(_opponentLast) > 0.95)
        {
            Accepting = true;
            Bid = _opponentLast;
            return;
        }
        double threshold = MinimumUtilityToAccept(time);
        if (hasOffer && U(_opponentLast) >= threshold)
        {
            Accepting = true;
            Bid = _opponentLast;
            return;
        }
        _roundCount++;
        if (!_bidsFiltered && time > _discount * 0.9) // (or t + 3 × the bid map's construction time > 1: never under GENIUS's round time)
        {
            _bidsFiltered = true;
            int desiredBidCount = (int)(_roundCount * (1 - time));
            if (_bids.Count > FilterMinimum) FilterBids(desiredBidCount, time);
        }
        Outcome bid;
        if (_opponentOffers < 2) bid = _maxBid; // the original's "previous opponent bid" is still null
        else if (_firstActions >= 0 && time < 0.15)
        {
            // Let the opponent learn its preferences: 41 bids slowly down to 0.925.
            double decrease = (1 - 0.925) / TotalFirstActions;
            bid = _bids.AtLeast(0.925 + decrease * _firstActions, _maxBid);
            _firstActions--;
        }
        else
        {
            bid = _bids.AtLeast(NextRecommendedOfferUtility(time), _maxBid);
            if (_inFrenzy) bid = _bestEverOpponentBid!.Value;
        }
        AddMyBidToStatistics(bid);
        Bid = bid;
    }

    private void ReceiveOffers(double time)
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            _opponentLast = offer;
            _opponentOffers++;
            if (_opponentOffers == 1) LearnBids(offer);
            else
            {
                ProcessOpponentBid(offer);
                _model.Observe(_opponent, offer, time);
            }
        }
    }

    /// <summary>
    /// The bid map, from the opponent's first offer: per issue the values at least as good for it as the opponent's
    /// choice, each inserted at a random position before the last; every combination, keyed by utility (collisions
    /// nudged); and the noise's decrease rate from the number of such bids.
    /// </summary>
    private void LearnBids(Outcome firstOpponentBid)
    {
        var context = Context;
        var space = context.Space;
        var opponentValues = new int[space.IssueCount];
        space.Decode(firstOpponentBid, opponentValues);
        var bidding = RandomBid(context);
        var relevant = new List<int>[space.IssueCount];
        double effectiveDomainBids = 1;
        var random = context.Random;
        for (int i = 0; i < relevant.Length; i++)
        {
            var issue = space.Issues[i];
            var list = relevant[i] = [];
            double withOpponent = Evaluation(context, i, opponentValues[i], bidding);
            double added = 0;
            void AddPossibleValue(int v) => list.Insert(list.Count > 0 ? random.Next(list.Count) : 0, v);
            switch (issue)
            {
                case IntegerIssue integer:
                {
                    long range = integer.Max - integer.Min;
                    long totalSteps = (long)Math.Min(DiscretisationSteps - 1, range);
                    long step = totalSteps == 0 ? 1 : Math.Max(1, range / totalSteps);
                    for (long v = 0; v <= range; v += step)
                        if (Evaluation(context, i, (int)v, bidding) >= withOpponent) AddPossibleValue((int)v);
                    added += Math.Abs(range);
                    break;
                }
                case RealIssue:
                    // The original samples 20 points of the interval; Parley's real issues come discretised.
                    for (int v = 0; v < issue.ValueCount; v++)
                        if (Evaluation(context, i, v, bidding) >= withOpponent) { AddPossibleValue(v); added += 1000; }
                    break;
                default:
                    for (int v = 0; v < issue.ValueCount; v++)
                        if (Evaluation(context, i, v, bidding) >= withOpponent) { AddPossibleValue(v); added += 1; }
                    break;
            }
            effectiveDomainBids *= added;
        }
        BuildBids(relevant);
        // With about 5000 opponent turns, a good bid every few turns.
        _noiseDecreaseRate = Math.Max(0.003, Math.Min(0.015, 0.01 * effectiveDomainBids / 400));
    }

    private void BuildBids(List<int>[] relevant)
    {
        var context = Context;
        var space = context.Space;
        long total = 1;
        int limit = context.Index.IsExact ? BidMapLimit : UntabulatedBidMapLimit;
        foreach (var list in relevant) total = list.Count == 0 ? 0 : Math.Min(limit, total * list.Count);
        _bids.Begin((int)total);
        if (total == 0) return;
        var position = new int[relevant.Length];
        var values = _values;
        int utilityCollisionsLeft = 200_000;
        var random = context.Random;
        for (int built = 0; built < total; built++)
        {
            for (int i = 0; i < values.Length; i++) values[i] = relevant[i][position[i]];
            var bid = space.Encode(values);
            double key = context.Index.Utility(bid);
            while (utilityCollisionsLeft > 0 && _bids.ContainsKeyWhileBuilding(key))
            {
                utilityCollisionsLeft--;
                int r = (int)random.NextInt64(int.MinValue, (long)int.MaxValue + 1); // Java's nextInt()
                key -= 0.002 / (r % 9999999);
            }
            _bids.AddWhileBuilding(key, bid);
            for (int i = values.Length - 1; i >= 0; i--) // the last issue fastest, as the original's recursion
            {
                if (++position[i] < relevant[i].Count) break;
                position[i] = 0;
            }
        }
        _bids.EndBuilding();
    }

    /// <summary>
    /// Keeps of the bid map, walking down from its top, the bids the opponent model rates at least 0.84 of the best it
    /// has rated so far, keyed by their utility (one per utility, the lowest-keyed); unless fewer than 20 (or than a
    /// tenth of <paramref name="desiredCount"/>) remain.
    /// </summary>
    private void FilterBids(int desiredCount, double time)
    {
        var estimate = _model.Estimate(_opponent);
        int top = _bids.Count - 1;
        var kept = new List<(double Key, int Order, Outcome Bid)>(_bids.Count);
        var bestBid = _bids.BidAt(top);
        double bestOpponentUtility = estimate.Utility(bestBid);
        kept.Add((_bids.KeyAt(top), 0, bestBid));
        if (time < 0.94)
            for (int p = top - 1; p >= 0; p--)
            {
                var bid = _bids.BidAt(p);
                double opponentUtility = estimate.Utility(bid);
                if (opponentUtility >= bestOpponentUtility * 0.84)
                {
                    kept.Add((U(bid), kept.Count, bid));
                    if (opponentUtility > bestOpponentUtility) bestOpponentUtility = opponentUtility;
                }
            }
        kept.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Order.CompareTo(b.Order));
        int distinct = 0;
        for (int j = 0; j < kept.Count; j++)
            if (j == kept.Count - 1 || kept[j].Key != kept[j + 1].Key) kept[distinct++] = kept[j]; // a later put replaces
        if (distinct < desiredCount / 10 || distinct < 20) return;
        _bids.Begin(distinct);
        for (int j = 0; j < distinct; j++) _bids.AddWhileBuilding(kept[j].Key, kept[j].Bid);
        _bids.EndBuilding();
    }

    private double MinimumUtilityToAccept(double time)
    {
        double factor = _compromisingFactor; // read before the call below updates it
        return factor * NextRecommendedOfferUtility(time);
    }

    /// <summary>The utility of its next offer (GENIUS's <c>GetNextRecommendedOfferUtility</c>); moves its state on.</summary>
    private double NextRecommendedOfferUtility(double time)
    {
        if (!_firstOfferGiven)
        {
            _firstOfferGiven = true;
            return 1;
        }
        double d = _discount;
        double min = Math.Pow(d, 2 * time);
        double max = min * (1 + 6 * _noise * Math.Pow(d, 5));
        bool panicNotYet = _bestEverOpponentUtility <= 2 * (1.0 / PlayerCount)
            || time <= 1 - 3 * (_timeDiffEnd - _timeDiffStart) / _roundCountBeforePanic;
        if (time < 0.85 * d)
            min *= Math.Max(_bestEverOpponentUtility, 0.9125);
        else if (time <= 0.92 * d)
        {
            _compromisingFactor = 0.94;
            min *= Math.Max(_bestEverOpponentUtility, 0.84);
            max /= min; // slows the decrease down
        }
        else if (time <= 0.94 * d)
        {
            _compromisingFactor = 0.93;
            min *= Math.Max(_bestEverOpponentUtility, 0.775);
            max /= min;
        }
        else if (time <= 0.985 * min && panicNotYet) // the original tests against d^(2t) where the discount factor was meant
        {
            _compromisingFactor = 0.91;
            _maximalUtilityDecreaseRate = 0.001;
            min *= Math.Max(_bestEverOpponentUtility, 0.7);
            max /= min;
            _timeDiffEnd = _timeDiffStart = time;
        }
        else if (time <= 0.9996 && panicNotYet) // until the last few rounds
        {
            _timeDiffEnd = time;
            _roundCountBeforePanic++;
            _maximalUtilityDecreaseRate = 0.001 + 0.01 * (time - 0.985) / 0.015;
            if (3 * (1.0 / PlayerCount) > _bestEverOpponentUtility)
            {
                min *= 3.5 * (1.0 / PlayerCount);
                _compromisingFactor = 0.8;
            }
            else
            {
                min *= _bestEverOpponentUtility;
                _compromisingFactor = 0.95;
            }
            max /= min;
        }
        else
        {
            // Panic: as low as it can go.
            _compromisingFactor = 0.92;
            if (_bestEverOpponentUtility < 2 * (1.0 / PlayerCount))
            {
                min = 2 * (1.0 / PlayerCount);
                max = 1;
            }
            else
            {
                max = min = _bestEverOpponentUtility;
                _inFrenzy = true;
            }
            _maximalUtilityDecreaseRate = 1;
        }
        // The more eager the opponent is to settle, the slower it gives up utility; the stronger the discount, the faster.
        max = Math.Max(max, min);
        _nextOfferUtility = Math.Min(1, max - (max - min) * time);
        // Slows the change down.
        if (_nextOfferUtility + _maximalUtilityDecreaseRate < _previousRecommendation)
            _nextOfferUtility = _previousRecommendation - _maximalUtilityDecreaseRate;
        else if (_nextOfferUtility - 0.005 > _previousRecommendation)
            _nextOfferUtility = _previousRecommendation + 0.005;
        _previousRecommendation = _nextOfferUtility;
        return _nextOfferUtility;
    }

    private void AddMyBidToStatistics(Outcome bid)
    {
        _outgoingBids++;
        Context.Space.Decode(bid, _values);
        _statistics.CountOutgoing(_values);
    }

    /// <summary>The noise estimate (GENIUS's <c>ProcessOpponentBid</c>), from the opponent's second offer on.</summary>
    private void ProcessOpponentBid(Outcome bid)
    {
        if (_countdownToStatisticsRefreshing > 0)
        {
            double u = U(bid);
            if (u > _bestEverOpponentUtility)
            {
                _bestEverOpponentUtility = u;
                _bestEverOpponentBid = bid;
                _bids.Put(u, bid);
            }
            double modelled = _model.Estimate(_opponent).Utility(bid);
            if (_previousRoundWorstOpponentModelled < modelled) _previousRoundWorstOpponentModelled = modelled;
            if (_worstOpponentModelled > modelled) _worstOpponentModelled = modelled;
            _countdownToStatisticsRefreshing--;
            Context.Space.Decode(bid, _values);
            _statistics.CountIncoming(_values);
            return;
        }
        double similarity = _statistics.Similarity(_outgoingBids, CountdownLength);
        if (similarity > _previousAverageDistance)
            _noise += 0.05; // the opponent is searching harder
        else if (_bestEverOpponentUtility < _previousCountdownBestUtility || _worstOpponentModelled < _previousWorstOpponentModelled)
            _noise += _noiseDecreaseRate; // apparently the opponent just gave up some of its utility
        else
        {
            _noise -= _noiseDecreaseRate;
            if (_previousRoundWorstOpponentModelled > _worstOpponentModelled * 1.2) _noise -= _noiseDecreaseRate;
            if (similarity * 1.1 < _previousAverageDistance) _noise -= _noiseDecreaseRate;
        }
        _noise = Math.Min(Math.Max(_noise, 0), 1);
        _previousAverageDistance = similarity;
        _countdownToStatisticsRefreshing = CountdownLength;
        _previousCountdownBestUtility = _bestEverOpponentUtility;
        _previousRoundWorstOpponentModelled = 1;
        _previousWorstOpponentModelled = _worstOpponentModelled;
        _statistics.ClearIncoming();
    }

    /// <summary>
    /// How often each value (numeric values: each of up to 20 steps) appeared in its own bids (ever) and in the
    /// opponent's (this window), with the issues' value counts; buckets are numbered in the order of their names
    /// (GENIUS keeps them in maps keyed by the value's string, and sums in that order).
    /// </summary>
    private sealed class ValueStatistics
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OutcomeSpace, int[][]> Buckets = new();
        private readonly int[][] _bucketOf;    // per issue: value index → bucket
        private readonly int[][] _outgoing, _incoming;
        private readonly int[] _differentValues;

        private ValueStatistics(OutcomeSpace space, int[][] bucketOf)
        {
            _bucketOf = bucketOf;
            _outgoing = [.. bucketOf.Select(b => new int[b.Length == 0 ? 0 : b.Max() + 1])];
            _incoming = [.. bucketOf.Select(b => new int[b.Length == 0 ? 0 : b.Max() + 1])];
            _differentValues = [.. space.Issues.Select(i => i switch
            {
                RealIssue => (int)DiscretisationSteps,
                IntegerIssue integer => (int)Math.Min(DiscretisationSteps, integer.Max - integer.Min + 1),
                _ => i.ValueCount,
            })];
        }

        public static ValueStatistics For(OutcomeSpace space) => new(space, Buckets.GetValue(space, BucketsOf));

        // GENIUS's EstimateValue: a discrete value's name; a numeric value's step number (value / step, not offset by
        // the lower bound, as in the original), as a string.
        private static int[][] BucketsOf(OutcomeSpace space) => [.. space.Issues.Select(issue =>
        {
            var names = new string[issue.ValueCount];
            for (int v = 0; v < names.Length; v++)
            {
                names[v] = issue switch
                {
                    IntegerIssue integer => StepName(integer.ValueAt(v), integer.Max - integer.Min, Math.Min(DiscretisationSteps, integer.Max - integer.Min + 1)),
                    RealIssue real => StepName(real.ValueAt(v), real.Max - real.Min, DiscretisationSteps),
                    _ => issue.FormatValue(v),
                };
            }
            var distinct = names.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            var rank = distinct.Select((n, r) => (n, r)).ToDictionary(x => x.n, x => x.r, StringComparer.Ordinal);
            return names.Select(n => rank[n]).ToArray();
        })];

        private static string StepName(double value, double range, double steps) =>
            (range == 0 ? 0 : (int)(value / (range / (int)steps))).ToString(CultureInfo.InvariantCulture);

        public void Reset()
        {
            foreach (var o in _outgoing) Array.Clear(o);
            ClearIncoming();
        }

        public void ClearIncoming()
        {
            foreach (var i in _incoming) Array.Clear(i);
        }

        public void CountOutgoing(ReadOnlySpan<int> values)
        {
            for (int i = 0; i < values.Length; i++) _outgoing[i][_bucketOf[i][values[i]]]++;
        }

        public void CountIncoming(ReadOnlySpan<int> values)
        {
            for (int i = 0; i < values.Length; i++) _incoming[i][_bucketOf[i][values[i]]]++;
        }

        /// <summary>
        /// Σ over issues and values seen in both its bids and the opponent's window of (1/n)(1/values)(1 − diff²), diff the
        /// difference of the value's frequencies (in single precision, as the original).
        /// </summary>
        public double Similarity(int outgoingBids, int windowLength)
        {
            double similarity = 0;
            int n = _outgoing.Length;
            for (int i = 0; i < n; i++)
            {
                var outgoing = _outgoing[i];
                var incoming = _incoming[i];
                for (int b = 0; b < outgoing.Length; b++)
                {
                    if (outgoing[b] == 0 || incoming[b] == 0) continue;
                    float outgoingValue = (float)outgoing[b] / outgoingBids;
                    float incomingValue = (float)incoming[b] / windowLength;
                    float diff = outgoingValue - incomingValue;
                    float diffSquared = diff * diff;
                    similarity += (1.0 / n) * (1.0 / _differentValues[i]) * (1 - diffSquared);
                }
            }
            return similarity;
        }
    }

    /// <summary>GENIUS's <c>TreeMap&lt;Double, Bid&gt;</c> of bids by key: sorted arrays with room to insert.</summary>
    private sealed class BidMap
    {
        private double[] _keys = [];
        private Outcome[] _bids = [];
        private readonly Dictionary<double, int> _slots = [];

        public int Count { get; private set; }

        public double KeyAt(int position) => _keys[position];

        public Outcome BidAt(int position) => _bids[position];

        public void Clear()
        {
            Count = 0;
            _slots.Clear();
        }

        public void Begin(int capacity)
        {
            Clear();
            int room = capacity + 64;
            if (_keys.Length < room || _keys.Length > 4 * room)
            {
                _keys = new double[room];
                _bids = new Outcome[room];
            }
        }

        public bool ContainsKeyWhileBuilding(double key) => _slots.ContainsKey(key);

        public void AddWhileBuilding(double key, Outcome bid)
        {
            if (_slots.TryGetValue(key, out int slot)) { _bids[slot] = bid; return; }
            _slots[key] = Count;
            _keys[Count] = key;
            _bids[Count] = bid;
            Count++;
        }

        public void EndBuilding()
        {
            Array.Sort(_keys, _bids, 0, Count);
            _slots.Clear();
        }

        /// <summary>Position of the least key ≥ <paramref name="key"/> (Count when none).</summary>
        private int Ceiling(double key)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_keys[mid] < key) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>The bid of the least key ≥ <paramref name="utility"/>, else <paramref name="fallback"/>.</summary>
        public Outcome AtLeast(double utility, Outcome fallback)
        {
            int p = Ceiling(utility);
            return p < Count ? _bids[p] : fallback;
        }

        /// <summary>Puts <paramref name="bid"/> under <paramref name="key"/>, replacing the bid of an equal key.</summary>
        public void Put(double key, Outcome bid)
        {
            int p = Ceiling(key);
            if (p < Count && _keys[p] == key) { _bids[p] = bid; return; }
            if (Count == _keys.Length)
            {
                Array.Resize(ref _keys, Math.Max(16, 2 * Count));
                Array.Resize(ref _bids, _keys.Length);
            }
            Array.Copy(_keys, p, _keys, p + 1, Count - p);
            Array.Copy(_bids, p, _bids, p + 1, Count - p);
            _keys[p] = key;
            _bids[p] = bid;
            Count++;
        }
    }
}
