using System.Runtime.Intrinsics;
using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;

namespace Parley.Agents.Anac.Y2011;

/// <summary>
/// IAMhaggler2011, third at ANAC 2011 (Williams, Robu, Gerding and Jennings, University of Southampton), after GENIUS's
/// <c>agents.anac.y2011.IAMhaggler2011.IAMhaggler2011</c> and the paper "Using Gaussian processes to optimise
/// concession in complex negotiations against unknown opponents" (IJCAI 2011). Bilateral. Its parts:
/// <list type="bullet">
/// <item><b>Opponent concession</b>: time is cut into 36 slots; for every finished slot the best utility (for
/// IAMhaggler) the opponent offered in it is a data point at the slot's centre.</item>
/// <item><b>Gaussian process regression</b> of those points minus the line from the first point to 0.9 at t = 1
/// (<see cref="GaussianProcessRegression"/>: Matérn 3/2 covariance plus noise, hyperparameters marginalised by Bayesian
/// Monte Carlo over 11 length scales around 0.252, 11 signal levels around 0.166 and noise 0.01, as the original's
/// priors), refitted when a slot ends, predicting the opponent's future concession (mean and variance) at 101 times.</item>
/// <item><b>Expected best agreement</b>: for each future time and each of 100 utility levels, the probability that the
/// opponent offers that much (from the prediction), weighted by a risk-averse utility u³ and the discount d^t; the time
/// whose expected utility is highest, and at that time the utility level maximising the cumulative expectation, give the
/// point (t*, u*).</item>
/// <item><b>Target</b>: 1 − t/2 in the first slot; afterwards it moves on a straight line from the last target towards
/// (t*, u*) at every turn.</item>
/// <item><b>Bidding</b>: a random outcome within ±0.025 of the target (the band widened by 0.01 after every 500 failed
/// draws), or the opponent's best offer once the target falls to it.</item>
/// <item><b>Acceptance</b>: an offer that, times 1.02, is worth at least its last bid, or 0.9, or its planned bid.</item>
/// </list>
/// The regression is refitted only at slot boundaries, as in the original, and everything that depends only on the
/// slot times (per hyperparameter sample the Cholesky factor, the predictive variances) is computed once per process.
/// Kept from the original: the first opponent offer, answered with the best bid, is not recorded in the slot data; the
/// previous target is not updated when it answers with the opponent's best offer. The original's random bid draws
/// (a new uniform outcome until one falls in the band; the band grows by 0.01 after 500 misses) are drawn here in the
/// same distribution without enumerating misses: per band, success within 500 draws with probability 1 − (1 − k/N)^500
/// for k of the N outcomes in it, then one of the k uniformly. Time is GENIUS's (<see cref="GeniusTime"/>); its unseeded
/// <c>java.util.Random</c> is the context's seeded source.
/// </summary>
public sealed class IAMhaggler2011 : GeniusTurnAgent
{
    private const double RiskParameter = 3.0, MaximumAspiration = 0.9, AcceptMultiplier = 1.02;
    private const int TimeSlots = 36, UtilitySampleCount = 100, TimeSampleCount = 100;
    private const double BandHalfWidth = 0.025;

    private static readonly double[] UtilitySamples = [.. Enumerable.Range(0, UtilitySampleCount).Select(i => 1.0 - (i + 0.5) / (UtilitySampleCount + 1.0))];
    private static readonly double[] TimeSamples = [.. Enumerable.Range(0, TimeSampleCount + 1).Select(i => i / (double)TimeSampleCount)];
    private static readonly double[] SlotCentres = [.. Enumerable.Range(0, TimeSlots).Select(s => (s + 0.5) / TimeSlots)];

    /// <summary>The original's priors and covariance, on its slot centres and time samples; built once.</summary>
    private static readonly Lazy<GaussianProcessRegression> Regression = new(() => new GaussianProcessRegression(
        new HyperparameterPrior(11, 0.252, 0.5), new HyperparameterPrior(11, 0.166, 0.5), new HyperparameterPrior(1, 0.01, 1.0),
        SlotCentres, TimeSamples));

    private static readonly double[] RiskUtility = RiskFunction();

    /// <summary>Each utility level's band edges u ∓ interval/2 (the original's left-to-right operations, so the same doubles).</summary>
    private static readonly double[] LowerEdges = [.. UtilitySamples.Select(u => u - 1.0 / UtilitySampleCount / 2.0)],
        UpperEdges = [.. UtilitySamples.Select(u => u + 1.0 / UtilitySampleCount / 2.0)];

    private GaussianProcessRegression.Workspace? _workspace;
    private readonly double[] _means = new double[TimeSampleCount + 1], _variances = new double[TimeSampleCount + 1];
    private readonly double[] _columnValue = new double[TimeSampleCount + 1]; // Σ_y P(accept y at t_j) u(y, t_j)
    private readonly int[] _bestRow = new int[TimeSampleCount + 1];           // per column, −1 until computed
    private readonly double[] _discount = new double[TimeSampleCount + 1];
    private readonly double[] _erfScratch = new double[UtilitySampleCount];
    private readonly double[] _residuals = new double[TimeSlots];
    private readonly List<double> _slotTimes = [], _slotUtilities = [];
    private bool _havePrediction;
    private int _bestFrom = -1;                 // the first future column _best was found for (−1: stale)
    private (double Time, double Utility) _best;
    private int _predictedFrom;
    private double _lastRegressionTime, _lastRegressionUtility;
    private double _maxUtilityInSlot;
    private int _lastSlot;
    private double _maxUtility, _previousTarget;
    private Outcome? _bestReceived;
    private Outcome? _myLastBid;
    private bool _started;

    /// <inheritdoc />
    public override string Name => "IAMhaggler2011";

    /// <summary>The target utility of the last turn that computed one (NaN before).</summary>
    public double LastTarget { get; private set; } = double.NaN;

    /// <summary>The times and opponent utilities the regression was last fitted to (one per finished slot).</summary>
    public IReadOnlyList<double> SlotTimes => _slotTimes;

    /// <inheritdoc cref="SlotTimes"/>
    public IReadOnlyList<double> SlotUtilities => _slotUtilities;

    /// <summary>The predicted opponent concession (mixture mean, variance) at the time samples i/100 from the last fit; entries before the current time are stale.</summary>
    public ReadOnlySpan<double> PredictedMeans => _means;

    /// <inheritdoc cref="PredictedMeans"/>
    public ReadOnlySpan<double> PredictedVariances => _variances;

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        _workspace ??= Regression.Value.CreateWorkspace();
        double d = Profile.NormaliseDiscount(context.Profile.DiscountFactor);
        for (int j = 0; j < _discount.Length; j++) _discount[j] = Math.Pow(d, TimeSamples[j]);
        _slotTimes.Clear();
        _slotUtilities.Clear();
        _havePrediction = false;
        _predictedFrom = 0;
        _bestFrom = -1;
        _lastRegressionTime = 0;
        _lastRegressionUtility = 1;
        _maxUtilityInSlot = 0;
        _lastSlot = -1;
        _maxUtility = 0;
        _previousTarget = 1;
        _bestReceived = null;
        _myLastBid = null;
        _started = false;
        LastTarget = double.NaN;
    }

    /// <inheritdoc />
    protected override void Decide(in SaoState state)
    {
        var context = Context;
        Accepting = false;
        if (!_started)
        {
            // The first turn, whether it opens or answers an offer: the best bid (proposeInitialBid, getMaxUtilityBid).
            _started = true;
            Bid = (_myLastBid = SortedOutcomeSpace.For(context.Index).FirstBest).Value;
            return;
        }
        if (state.StandingOffer is not { } offer || state.Proposer == context.PartyIndex)
        {
            Bid = _myLastBid!.Value; // no offer to answer: the original repeats its last action
            return;
        }
        double offered = context.Utility(offer);
        double myLast = context.Utility(_myLastBid!.Value);
        if (offered * AcceptMultiplier >= myLast || offered * AcceptMultiplier >= MaximumAspiration)
        {
            Accepting = true;
            Bid = offer;
            return;
        }
        var planned = ProposeNextBid(offer, offered, GeniusTime.Of(context, state));
        if (planned is not { } bid)
        {
            Bid = _myLastBid.Value; // the original fails (no slot data yet) and repeats its last bid
            return;
        }
        if (offered * AcceptMultiplier >= context.Utility(bid))
        {
            Accepting = true;
            Bid = offer;
            return;
        }
        Bid = bid;
        _myLastBid = bid;
    }

    private Outcome? ProposeNextBid(Outcome offer, double offered, double time)
    {
        if (offered > _maxUtility)
        {
            _bestReceived = offer;
            _maxUtility = offered;
        }
        double target = Target(offered, time);
        if (double.IsNaN(target)) return null;
        LastTarget = target;
        if (target <= _maxUtility && _previousTarget > _maxUtility) return _bestReceived;
        _previousTarget = target;
        return RandomBid(target - BandHalfWidth, target + BandHalfWidth);
    }

    /// <summary>The target at <paramref name="time"/>, recording the opponent's utility in its slot; NaN when the original fails.</summary>
    private double Target(double opponentUtility, double time)
    {
        int slot = (int)Math.Floor(time * TimeSlots);
        bool refit = _lastSlot == -1;
        if (slot != _lastSlot)
        {
            if (_lastSlot != -1)
            {
                _slotTimes.Add((_lastSlot + 0.5) / TimeSlots);
                _slotUtilities.Add(_maxUtilityInSlot);
                refit = true;
            }
            _lastSlot = slot;
            _maxUtilityInSlot = 0;
        }
        _maxUtilityInSlot = Math.Max(_maxUtilityInSlot, opponentUtility);
        if (slot == 0) return 1.0 - time / 2.0;
        if (refit)
        {
            if (_slotTimes.Count == 0) return double.NaN; // the original reads the first data point of an empty list
            Fit(FirstFutureSample(time));
        }
        if (!_havePrediction) return double.NaN;
        var (bestTime, bestUtility) = ExpectedBestAgreement(FirstFutureSample(time));
        double target = _lastRegressionUtility + (time - _lastRegressionTime) * (bestUtility - _lastRegressionUtility) / (bestTime - _lastRegressionTime);
        _lastRegressionUtility = target;
        _lastRegressionTime = time;
        return target;
    }

    private static int FirstFutureSample(double time)
    {
        int i = 0;
        while (i < TimeSamples.Length && !(TimeSamples[i] > time)) i++;
        return i;
    }

    /// <summary>Fits the regression to the slot data minus the line from the first point to 0.9 at t = 1; precomputes the future columns.</summary>
    private void Fit(int from)
    {
        var regression = Regression.Value;
        int k = _slotTimes.Count;
        double intercept = _slotUtilities[0], gradient = 0.9 - intercept;
        bool onGrid = k <= SlotCentres.Length;
        for (int i = 0; i < k && onGrid; i++) onGrid = _slotTimes[i] == SlotCentres[i];
        for (int i = 0; i < k; i++) _residuals[i] = _slotUtilities[i] - (intercept + gradient * _slotTimes[i]);
        if (onGrid)
        {
            regression.Fit(_residuals.AsSpan(0, k), _workspace!);
            regression.Predict(_workspace!, from, _means, _variances);
        }
        else
        {
            // Slots were skipped (very few turns): a regression on these inputs alone.
            var own = new GaussianProcessRegression(new HyperparameterPrior(11, 0.252, 0.5), new HyperparameterPrior(11, 0.166, 0.5),
                new HyperparameterPrior(1, 0.01, 1.0), [.. _slotTimes], TimeSamples);
            var workspace = own.CreateWorkspace();
            own.Fit(_residuals.AsSpan(0, k), workspace);
            own.Predict(workspace, from, _means, _variances);
        }
        for (int j = from; j < _means.Length; j++) _means[j] += intercept + gradient * TimeSamples[j];
        _havePrediction = true;
        _predictedFrom = from;
        _bestFrom = -1;
        for (int j = from; j < _columnValue.Length; j++)
        {
            _columnValue[j] = ColumnExpectedUtility(j);
            _bestRow[j] = -1;
        }
    }

    /// <summary>
    /// Σ over the utility levels of the probability that the opponent's offer at time sample j falls in the level's band
    /// (normalised over the sampled range), times the risk-averse, discounted utility u³·d^t. Four levels at a time, each
    /// term by the original's operations in its order, summed in level order.
    /// </summary>
    private double ColumnExpectedUtility(int j)
    {
        double s = Math.Sqrt(2 * _variances[j]), m = _means[j];
        double minp = 1.0 - 0.5 * (1 + Erf((UpperEdges[0] - m) / s));
        double maxp = 1.0 - 0.5 * (1 + Erf((LowerEdges[^1] - m) / s));
        double sum = 0;
        int first = 0, end = UtilitySampleCount;
        double range = maxp - minp;
        if (range != 0 && !double.IsNaN(range))
        {
            // Where both band edges lie beyond ±6 standard units the tabulated erf is exactly ±1 at both, so the
            // level's term is ±0 and adding it leaves the sum unchanged: the levels are decreasing, so these form a
            // prefix (edges ≥ 6) and a suffix (edges ≤ −6) that are skipped without evaluating erf.
            first = SaturatedPrefix(m, s);
            end = SaturatedSuffixStart(m, s, first);
        }
        double discount = _discount[j];
        int y = first;
        if (Vector256.IsHardwareAccelerated)
        {
            var vm = Vector256.Create(m);
            var vs = Vector256.Create(s);
            var vrange = Vector256.Create(maxp - minp);
            var vdiscount = Vector256.Create(discount);
            for (; y + 4 <= end; y += 4)
            {
                var term = Terms(y, vm, vs, vrange, vdiscount);
                sum += term.GetElement(0);
                sum += term.GetElement(1);
                sum += term.GetElement(2);
                sum += term.GetElement(3);
            }
            if (y < end && end - first >= 4)
            {
                // The last one to three levels: the four levels ending at the last, adding only those not yet added.
                var term = Terms(end - 4, vm, vs, vrange, vdiscount);
                for (int lane = 4 - (end - y); lane < 4; lane++) sum += term.GetElement(lane);
                y = end;
            }
        }
        for (; y < end; y++)
        {
            double p1 = 1.0 - 0.5 * (1 + Erf((LowerEdges[y] - m) / s));
            double p2 = 1.0 - 0.5 * (1 + Erf((UpperEdges[y] - m) / s));
            sum += (p1 - p2) / (maxp - minp) * (RiskUtility[y] * discount);
        }
        return sum;
    }

    /// <summary>The terms of levels <paramref name="at"/> … at + 3: (p1 − p2)/(maxp − minp)·(u³·d), p = 1 − ½(1 + erf((edge − m)/s)).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Terms(int at, Vector256<double> m, Vector256<double> s, Vector256<double> range, Vector256<double> discount)
    {
        var one = Vector256.Create(1.0);
        var half = Vector256.Create(0.5);
        var lower = ErrorFunction.Erf((Vector256.Create(LowerEdges.AsSpan(at, 4)) - m) / s);
        var upper = ErrorFunction.Erf((Vector256.Create(UpperEdges.AsSpan(at, 4)) - m) / s);
        var p1 = one - half * (one + lower);
        var p2 = one - half * (one + upper);
        return (p1 - p2) / range * (Vector256.Create(RiskUtility.AsSpan(at, 4)) * discount);
    }

    /// <summary>The number of leading levels whose lower band edge is ≥ 6 standard units (the original's scan, by bisection where the edges are finite and monotone).</summary>
    private static int SaturatedPrefix(double m, double s)
    {
        int lo = 0, hi = UtilitySampleCount;
        if (s > 0 && double.IsFinite(s) && double.IsFinite(m))
        {
            // (edge − m)/s is non-increasing in the level (rounding is monotone) and never NaN here.
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if ((LowerEdges[mid] - m) / s >= ErrorFunction.SaturatesBeyond) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
        while (lo < hi && (LowerEdges[lo] - m) / s >= ErrorFunction.SaturatesBeyond) lo++;
        return lo;
    }

    /// <summary>The first of the trailing levels (after <paramref name="first"/>) whose upper band edge is ≤ −6 standard units.</summary>
    private static int SaturatedSuffixStart(double m, double s, int first)
    {
        int lo = first, hi = UtilitySampleCount;
        if (s > 0 && double.IsFinite(s) && double.IsFinite(m))
        {
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if ((UpperEdges[mid] - m) / s <= -ErrorFunction.SaturatesBeyond) hi = mid;
                else lo = mid + 1;
            }
            return hi;
        }
        while (hi > lo && (UpperEdges[hi - 1] - m) / s <= -ErrorFunction.SaturatesBeyond) hi--;
        return hi;
    }

    /// <summary>The utility level maximising the cumulative expected utility (P(opponent offers at least it)·u³·d^t) at time sample j.</summary>
    private int BestRow(int j)
    {
        if (_bestRow[j] >= 0) return _bestRow[j];
        double s = Math.Sqrt(2 * _variances[j]), m = _means[j], interval = 1.0 / UtilitySampleCount;
        double minp = 1.0 - 0.5 * (1 + Erf((UtilitySamples[0] + interval / 2.0 - m) / s));
        double maxp = 1.0 - 0.5 * (1 + Erf((UtilitySamples[^1] - interval / 2.0 - m) / s));
        int bestRow = 0;
        double bestValue = 0;
        var erf = _erfScratch.AsSpan();
        for (int y = 0; y < UtilitySampleCount; y++) erf[y] = (UtilitySamples[y] - m) / s;
        ErrorFunction.Erf(erf, erf);
        for (int y = 0; y < UtilitySampleCount; y++)
        {
            double p = 1.0 - 0.5 * (1 + erf[y]);
            double value = (p - minp) / (maxp - minp) * (RiskUtility[y] * _discount[j]);
            if (value > bestValue) { bestValue = value; bestRow = y; }
        }
        return _bestRow[j] = bestRow;
    }

    /// <summary>The original's expected best agreement: the future time sample with the highest expected utility (the last on ties), and its best utility level.</summary>
    private (double Time, double Utility) ExpectedBestAgreement(int from)
    {
        if (from < _predictedFrom) from = _predictedFrom; // cannot happen: time only moves on
        if (from == _bestFrom) return _best;
        _bestFrom = from;
        int bestCol = from;
        double bestSum = 0;
        for (int j = from; j < _columnValue.Length; j++)
            if (_columnValue[j] >= bestSum) { bestSum = _columnValue[j]; bestCol = j; }
        if (bestCol >= TimeSamples.Length) bestCol = TimeSamples.Length - 1;
        return _best = (TimeSamples[bestCol], UtilitySamples[BestRow(bestCol)]);
    }

    /// <summary>The original's wrapper around Commons Math's erf (±1 beyond ±6), here the tabulated <see cref="ErrorFunction"/>.</summary>
    private static double Erf(double x) => ErrorFunction.Erf(x);

    /// <summary>The risk function u³, scaled between its values at 0 and 1 (no change for u³).</summary>
    private static double[] RiskFunction()
    {
        double min = Math.Pow(0.0, RiskParameter), max = Math.Pow(1.0, RiskParameter), range = max - min;
        return [.. UtilitySamples.Select(u => range == 0 ? u : (Math.Pow(u, RiskParameter) - min) / range)];
    }

    /// <summary>
    /// RandomBidCreator: a uniform outcome with utility in [min, max], as the original's rejection sampling draws it:
    /// each batch of 500 draws succeeds with probability 1 − (1 − k/N)^500 (k of the N outcomes in the band), otherwise
    /// max grows by 0.01; once max ≥ 1 only the lower bound counts and it falls by 0.01 per failed batch.
    /// </summary>
    private Outcome RandomBid(double min, double max)
    {
        var index = Context.Index;
        var random = Context.Random;
        while (max < 1)
        {
            int lo = index.RankAtLeast(min), hi = index.RankAtLeast(Math.BitIncrement(max));
            if (BatchSucceeds(hi - lo, index.Count, random)) return index.OutcomeAt(random.Next(lo, hi));
            max += 0.01;
        }
        while (true)
        {
            int lo = index.RankAtLeast(min);
            if (BatchSucceeds(index.Count - lo, index.Count, random)) return index.OutcomeAt(random.Next(lo, index.Count));
            min -= 0.01;
        }
    }

    private static bool BatchSucceeds(int inBand, int total, Random random)
    {
        if (inBand <= 0) return false;
        if (inBand >= total) return true;
        double success = 1.0 - Math.Pow(1.0 - inBand / (double)total, 500);
        return random.NextDouble() < success;
    }
}
