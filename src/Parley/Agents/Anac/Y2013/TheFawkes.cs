using System.Runtime.CompilerServices;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2013;

/// <summary>
/// TheFawkes, winner of ANAC 2013 (Koen Hindriks's students' "Group 3" agent, built on OMAC by Chen and Weiss), after
/// GENIUS's <c>agents.anac.y2013.TheFawkes</c>: a BOA agent of four parts. Bilateral and deterministic: it draws no
/// random number, so under a round deadline it repeats GENIUS's sessions offer by offer.
/// <list type="bullet">
/// <item><b>Opponent model</b> (<c>TheFawkes_OM</c>): a frequency model of the opponent's preferences (GENIUS's
/// HardHeaded frequency model with learning coefficient 0.8, <see cref="HardHeadedFrequencyModel"/>), and a model of its
/// concession (<see cref="WaveletConcessionModel"/>): a wavelet decomposition of the utility to us of its offers over
/// time, smoothed by a cubic spline α, predicts the estimated received utility û(t) = α(t)·(1 + σ(ratio)).</item>
/// <item><b>Bidding</b> (<c>Fawkes_Offering</c>): the reserved utility function (formula 7)
/// R(t) = RV + (1 − t^(1/β))(u_max·δ^ν − RV), β = 0.002 (concession rate), ν = 0.2 (risk factor), δ the discount factor;
/// over the next ten time steps of the window w (the largest gap between two opponent offers) it looks for the time
/// t̂ where the discounted û most exceeds the discounted R (optimistic); failing that, the time where they are closest,
/// used only if ρ⁻¹·û exceeds R there (ρ = 0.8, the tolerance threshold; pessimistic); failing that the target is R(t).
/// Otherwise the target moves from its previous bid's utility towards û(t̂) as t approaches t̂ (formula 14). The
/// response mechanism offers, among the bids worth at least (1 − t/10 − k/(10·bids made))·target, the one the
/// frequency model rates best for the opponent.</item>
/// <item><b>Opponent model strategy</b> (<c>TheFawkes_OMS</c>): when the chosen bid would be worth to us what each of
/// its last ten bids was, it takes the second-best bid instead and counts it in k (the inertia, starting at 1).</item>
/// <item><b>Acceptance</b> (<c>AC_TheFawkes</c>, AC_next ∨ AC_time ∧ AC_const(MAX_w)): never below the mean utility of all
/// outcomes; accept when the offer is worth at least its next bid, or, in the last window (t ≥ 1 − w), at least the
/// best offer of the last ten windows.</item>
/// </list>
/// Quirks of the original kept because the transcripts depend on them:
/// <list type="bullet">
/// <item>The opponent model sorts GENIUS's opponent bid history newest first in place, so the acceptance condition's
/// "last opponent bid" is the opponent's <em>first</em> offer from its second offer on: TheFawkes accepts when the
/// opponent's first offer would have been acceptable (and then accepts the offer on the table).</item>
/// <item>The acceptance condition asks the bidding strategy for the next bid again, so the inertia counter and the
/// last ten bids see two choices per turn; and the bid objects carry the time they were last chosen, so when this
/// turn's first choice is the previous bid, the second one sees the previous bid made now (formula 14's factor is then
/// 0/0 or 1).</item>
/// <item>Java's <c>Double.MIN_VALUE</c> (the smallest positive double) marks "no optimistic time found", so a
/// difference of exactly 0 is not optimistic.</item>
/// </list>
/// Time is GENIUS's (<see cref="GeniusTime"/>); the concession model's time index is the total rounds of a round
/// deadline, else 100 per second of the time limit. At a table of more than two it treats all other parties' offers as
/// one opponent's (GENIUS runs it bilaterally only).
/// </summary>
public sealed class TheFawkes : GeniusTurnAgent, IHasOpponentModel
{
    private const double Beta = 0.002, Rho = 0.8, Nu = 0.2, LearningCoefficient = 0.8;
    private const int InertiaMemory = 10;

    private SortedOutcomeSpace _sorted = null!;
    private Tables _tables = null!;
    private HardHeadedFrequencyEstimate _model = null!;
    private WaveletConcessionModel _concession = null!;
    private readonly BidHistory _opponentBids = new();
    private double[][] _terms = [];           // the frequency model's weight · count / max count per issue and value
    private bool _termsStale;
    // The last scan of ChooseForOpponent (valid while the terms stay): the acceptance condition asks for the next bid
    // again in the same turn, usually over the same positions.
    private int _scanFirst = -1, _scanEnd = -1, _scanBest, _scanSecond;
    private int _issues, _seen;
    private double _reservation, _bestUtility, _discount, _riskAdjustedBest; // u_max·δ^ν
    private double _earlyReserved;             // R(t) while 1 − t^(1/β) is exactly 1: RV + (u_max·δ^ν − RV)
    // The last search over the next ten windows (valid while no offer arrived and the time is the same).
    private bool _estimateStale = true;
    private double _estimateAt, _estimatedTime, _estimatedUtility;
    private int _ownBids, _ownLast;            // own bids made; sorted position of the last one
    private double _ownLastTime;               // the time its bid object was last chosen (GENIUS's BidDetails.setTime)
    private readonly double[] _lastTen = new double[InertiaMemory]; // utilities of the OMS's last ten choices (ring)
    private int _lastTenCount, _lastTenNext, _secondBestCount;
    private OpponentModelView? _view;

    /// <inheritdoc />
    public override string Name => "TheFawkes";

    /// <summary>TheFawkes's frequency model of the opponent's preferences.</summary>
    public IOpponentModel OpponentModel => _view ??= new OpponentModelView(() => CurrentContext, (party, outcome) =>
        CurrentContext is { } c && party != c.PartyIndex && _model is { Offers: > 0 } m ? m.Utility(outcome) : null);

    /// <summary>The model of the opponent's concession (for inspection).</summary>
    public WaveletConcessionModel ConcessionModel => _concession;

    /// <summary>How often the opponent model strategy has fallen back to the second-best bid (the inertia k), starting at 1.</summary>
    public int SecondBestCount => _secondBestCount;

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        var space = context.Space;
        if (!space.IsDiscrete) throw new ArgumentException("TheFawkes needs discrete issues (as in GENIUS).");
        _sorted = SortedOutcomeSpace.For(context.Index);
        _tables = PerSpace.GetValue(_sorted, BuildTables);
        _issues = space.IssueCount;
        _model = new HardHeadedFrequencyEstimate(space, LearningCoefficient);
        _terms = [.. space.Issues.Select(i => new double[i.ValueCount])];
        _termsStale = true;
        _scanFirst = _scanEnd = -1;
        double factor = GeniusTime.TotalRounds(context) is int total ? total
            : context.Options.TimeLimit is { } limit ? 100 * limit.TotalSeconds : 1000;
        _concession = new WaveletConcessionModel(factor);
        _opponentBids.Clear();
        _seen = 0;
        _reservation = context.ReservedValue(0);
        _bestUtility = _sorted.UtilityAt(0);
        double d = context.Profile.DiscountFactor;
        _discount = d > 0 && d <= 1 ? d : 1; // the original's fix: a factor of 0 means none
        _riskAdjustedBest = _bestUtility * Math.Pow(_discount, Nu);
        _earlyReserved = _reservation + 1.0 * (_riskAdjustedBest - _reservation);
        _estimateStale = true;
        _ownBids = 0;
        _ownLast = -1;
        _ownLastTime = 0;
        _lastTenCount = _lastTenNext = 0;
        _secondBestCount = 1;
    }

    /// <summary>Per sorted outcome space: each position's value indices, and the mean utility of all outcomes.</summary>
    private sealed record Tables(int[] Values, double MeanUtility);

    private static readonly ConditionalWeakTable<SortedOutcomeSpace, Tables> PerSpace = new();

    private static Tables BuildTables(SortedOutcomeSpace sorted)
    {
        var space = sorted.Index.Function.Space;
        int n = space.IssueCount, count = sorted.Count;
        var values = new int[(long)count * n];
        double total = 0;
        for (int p = 0; p < count; p++)
        {
            space.Decode(sorted.OutcomeAt(p), values.AsSpan(p * n, n));
            total += sorted.UtilityAt(p); // GENIUS sums over its sorted outcome space, in this order
        }
        return new Tables(values, total / count);
    }

    private void Receive()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            double time = GeniusTime.OfRound(context, entry.Round, entry.Time);
            double utility = context.Index.Utility(offer);
            _opponentBids.Add(new BidDetails(offer, utility, time));
            _model.Observe(offer);
            _concession.Observe(utility, time);
            _termsStale = true;
            _estimateStale = true;
        }
    }

    // BOAagentBilateral.chooseAction: the opening bid, else the next bid; then, once the opponent has offered, the
    // acceptance condition (which asks for the next bid once more).
    protected override void Decide(in SaoState state)
    {
        Receive();
        double time = GeniusTime.Of(Context, state);
        int bid = _ownBids == 0 ? Chosen(0, time) : NextBid(time);
        Bid = _sorted.OutcomeAt(bid);
        Accepting = _opponentBids.Count > 0 && Acceptable(time);
        if (Accepting) return;
        _ownBids++;
        _ownLast = bid;
        _ownLastTime = time;
    }

    // The bid object at a sorted position carries the time it was last chosen; only the previous bid's time is read.
    private int Chosen(int position, double time)
    {
        if (position == _ownLast) _ownLastTime = time;
        return position;
    }

    /// <summary>Fawkes_Offering.determineNextBid: the opening (best) bid until the opponent has offered twice, then the response mechanism.</summary>
    /// (Bilaterally it has always bid once by then; at a larger table it may not have, and then it opens.)
    private int NextBid(double time) =>
        Chosen(_opponentBids.Count > 1 && _ownBids > 0 ? ResponseMechanism(TargetUtility(time), time) : 0, time);

    /// <summary>The bids worth at least the corrected target; the opponent model strategy picks one.</summary>
    private int ResponseMechanism(double targetUtility, double time)
    {
        double timeCorrection = 1 - time / 10.0;
        double inertiaCorrection = _secondBestCount / (_ownBids * 10.0);
        double lowerBound = (timeCorrection - inertiaCorrection) * targetUtility;
        var (first, end) = _sorted.IndicesInRange(lowerBound, double.MaxValue);
        if (end <= first) return _ownLast; // "no solution: our own last bid again" (GENIUS's range is never empty)
        return ChooseForOpponent(first, end);
    }

    /// <summary>
    /// TheFawkes_OMS.getBid: the bid of positions [first, end) the frequency model rates best for the opponent (the
    /// first of equals, as GENIUS's stable sort leaves them); the second best when each of the last ten choices was worth
    /// to us what the best is.
    /// </summary>
    private int ChooseForOpponent(int first, int end)
    {
        RefreshTerms();
        var (best, second) = first == _scanFirst && end == _scanEnd ? (_scanBest, _scanSecond) : Scan(first, end);
        double bestUtility = _sorted.UtilityAt(best);
        bool allEqual = true;
        for (int i = 0; i < _lastTenCount; i++)
            if (_lastTen[i] != bestUtility) allEqual = false;
        int chosen = best;
        if (allEqual)
        {
            _secondBestCount++;
            if (end - first > 1) chosen = second;
        }
        _lastTen[_lastTenNext] = _sorted.UtilityAt(chosen);
        _lastTenNext = (_lastTenNext + 1) % InertiaMemory;
        if (_lastTenCount < InertiaMemory) _lastTenCount++;
        return chosen;
    }

    // The best and second-best positions of [first, end) for the opponent (the first of equals).
    private (int Best, int Second) Scan(int first, int end)
    {
        var values = _tables.Values;
        int n = _issues, best = -1, second = -1;
        double bestValue = double.NegativeInfinity, secondValue = double.NegativeInfinity;
        for (int p = first; p < end; p++)
        {
            var v = values.AsSpan(p * n, n);
            double u = 0;
            for (int i = 0; i < n; i++) u += _terms[i][v[i]];
            if (u > 1) u = 1;
            if (u > bestValue)
            {
                second = best; secondValue = bestValue;
                best = p; bestValue = u;
            }
            else if (u > secondValue)
            {
                second = p; secondValue = u;
            }
        }
        (_scanFirst, _scanEnd, _scanBest, _scanSecond) = (first, end, best, second);
        return (best, second);
    }

    private void RefreshTerms()
    {
        if (!_termsStale) return;
        _termsStale = false;
        _scanFirst = _scanEnd = -1;
        for (int i = 0; i < _terms.Length; i++)
            for (int v = 0; v < _terms[i].Length; v++) _terms[i][v] = _model.Term(i, v);
    }

    /// <summary>The target utility: formulas 9–14 of the paper over the next ten windows.</summary>
    private double TargetUtility(double currentTime)
    {
        // The search over the next ten windows depends on the time and the opponent model only: the acceptance
        // condition's second ask in the same turn finds the same estimate.
        if (_estimateStale || currentTime != _estimateAt)
        {
            (_estimatedTime, _estimatedUtility) = EstimateOverWindows(currentTime);
            _estimateAt = currentTime;
            _estimateStale = false;
        }
        double estimatedTime = _estimatedTime, estimatedUtility = _estimatedUtility;
        if (estimatedUtility == -1) return ReservedUtility(currentTime); // formula 14-1
        double previousUtility = _sorted.UtilityAt(_ownLast);
        double factor = (currentTime - estimatedTime) / (_ownLastTime - estimatedTime);
        return estimatedUtility + (previousUtility - estimatedUtility) * factor; // formula 14-2
    }

    // Formulas 9–13: the optimistic time and estimate where the discounted estimate most exceeds the discounted reserved
    // utility, else the pessimistic one where they are closest (if ρ⁻¹ times it exceeds it), else (−1, −1).
    private (double Time, double Utility) EstimateOverWindows(double currentTime)
    {
        // Java's Double.MIN_VALUE is the smallest positive double (C#'s double.Epsilon), not the most negative one.
        const double javaMinValue = double.Epsilon;
        double maxDiff = javaMinValue, minDiff = double.MaxValue;
        double optimisticTime = 0, optimisticUtility = 0, pessimisticTime = 0, pessimisticUtility = 0;
        // δ^t and R(t) at the pessimistic time (at t = 0 when none is found: δ^0 = 1).
        double pessimisticDiscount = 1, pessimisticReserved = ReservedUtility(0);
        double window = _concession.TimeWindow;
        for (double time = currentTime; time < Math.Min(currentTime + window * 10, 1); time += window)
        {
            // utility · δ^t, δ^t computed once for both (the same value each time); without discounting it is exactly 1.
            double discount = DiscountAt(time);
            double reservedUtility = ReservedUtility(time);
            double reserved = reservedUtility * discount;
            double estimated = _concession.EstimatedUtility(time);
            double discountedEstimate = estimated * discount;
            double diff = discountedEstimate - reserved;
            if (discountedEstimate >= reserved && diff > maxDiff)
            {
                maxDiff = diff;
                optimisticTime = time;
                optimisticUtility = estimated;
            }
            if (maxDiff == javaMinValue && Math.Abs(diff) < minDiff) // once optimistic, never pessimistic
            {
                minDiff = Math.Abs(diff);
                pessimisticTime = time;
                pessimisticUtility = estimated;
                pessimisticDiscount = discount;
                pessimisticReserved = reservedUtility;
            }
        }
        if (maxDiff != javaMinValue) return (optimisticTime, optimisticUtility);
        double xsi = Math.Pow(Rho, -1) * (pessimisticUtility * pessimisticDiscount) / (pessimisticReserved * pessimisticDiscount);
        return xsi > 1 ? (pessimisticTime, pessimisticUtility) : (-1, -1);
    }

    /// <summary>The reserved utility function (formula 7): RV + (1 − t^(1/β))(u_max·δ^ν − RV).</summary>
    /// (Below t = 0.92, t^500 &lt; 10^−18 and 1 − t^500 is exactly 1, so the power is skipped: the same value.)
    private double ReservedUtility(double time) => time >= 0 && time < 0.92 ? _earlyReserved
        : _reservation + (1 - Math.Pow(time, 1 / Beta)) * (_riskAdjustedBest - _reservation);

    // δ^t; without discounting exactly 1 (utility · 1 is utility), so the power is skipped.
    private double DiscountAt(double time) => _discount == 1 ? 1 : Math.Pow(_discount, time);

    /// <summary>AC_TheFawkes (see the class summary: its "last opponent bid" is the opponent's first offer).</summary>
    private bool Acceptable(double time)
    {
        double lastOpponentBidUtility = _opponentBids[0].MyUtility;
        double myNextBidUtility = _sorted.UtilityAt(NextBid(time));
        if (lastOpponentBidUtility < _tables.MeanUtility) return false;
        if (lastOpponentBidUtility >= myNextBidUtility) return true;
        double window = _concession.TimeWindow;
        if (time < 1 - window) return false;
        // The best offer of the last ten windows (GENIUS would fail on an empty window: every offer there worth 0).
        return lastOpponentBidUtility >= _opponentBids.InWindow(time - window * 10, time).Best;
    }
}
