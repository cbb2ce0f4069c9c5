using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2010;

/// <summary>
/// AgentK, winner of ANAC 2010 (Kawaguchi, Fujita and Ito, "AgentK: Compromising strategy based on estimated maximum
/// utility for automated negotiating agents", 2012), after GENIUS's <c>agents.anac.y2010.AgentK.Agent_K</c>.
/// <para>
/// <b>Estimated maximum utility.</b> From the mean μ and deviation σ = √(12·variance) of the utilities of the offers
/// received so far, the agent estimates the best utility it can still expect from the opponent,
/// <c>emax = μ + (1 − μ)·σ</c>. <b>Target.</b> A compromise curve 1 − t^α·(1 − emax) with α = 1 + τ + 10μ − 2τμ
/// (tremor τ = 2), stretched by the ratio (σ + 0.1)/(1 − pre-target) and pulled down towards emax near the deadline,
/// gives the acceptance target; the bid target uses β = α + U(−τ/2, τ/2). <b>Acceptance probability.</b>
/// p = t^α/5 + (u − emax) + (u − target), cut to 0 below 0.1; the offer is accepted when p exceeds a uniform draw.
/// <b>Bidding.</b> A random earlier opponent offer worth more than the target if there is one, else random outcomes
/// until one reaches the bid target (lowering the bid target by 0.01 after every 500 failed draws).
/// </para>
/// Time is GENIUS's (<see cref="GeniusTime"/>); the original's four unseeded <c>Random</c>s are the context's seeded one.
/// As in the original, an integer issue's random value never takes its upper bound (<c>nextInt(upper − lower)</c>), and
/// the lowered bid target persists until the next offer resets it.
/// </summary>
public sealed class AgentK : INegotiator
{
    private const double Tremor = 2.0;
    private NegotiatorContext? _context;
    private readonly Dictionary<Outcome, int> _offered = [];   // the opponent's distinct offers: position in the arrays below
    private double[] _offeredUtilities = [];                    // their utilities and outcomes, in the order first offered
    private Outcome[] _offeredOutcomes = [];
    private int[] _values = [];
    private double _target, _bidTarget, _sum, _sum2;
    private int _count;

    /// <inheritdoc />
    public string Name => "AgentK";

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _offered.Clear();
        _values = new int[context.Space.IssueCount];
        _target = 1.0;
        _bidTarget = 1.0;
        _sum = _sum2 = 0;
        _count = 0;
    }

    private NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        var context = Context;
        double p = AcceptProbability(offer, GeniusTime.Of(context, state));
        return p > context.Random.NextDouble() && context.IsAllowed(offer, state.Time) ? SaoResponse.Accept : SaoResponse.Reject;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        var context = Context;
        var random = context.Random;
        Outcome bid;
        // The opponent's distinct offers above the target, in the order first offered (the original's map iteration):
        // counted, then the one drawn found, over flat arrays.
        var utilities = _offeredUtilities;
        int offered = _offered.Count, above = 0;
        double target = _target;
        for (int i = 0; i < offered; i++) if (utilities[i] > target) above++;
        if (above > 0)
        {
            int pick = (int)Math.Floor(random.NextDouble() * above), i = 0;
            for (; ; i++)
                if (utilities[i] > target && pick-- == 0) break;
            bid = _offeredOutcomes[i];
        }
        else
        {
            bid = SearchBid(context, random);
        }
        return context.NearestAllowed(bid, state.Time); // the bid itself when allowed
    }

    /// <summary>
    /// The original's search: random outcomes until one reaches the bid target, the target lowered by 0.01 after every
    /// 501 failed draws. On a tabulated space without integer issues (whose draws skip the upper bound) the same
    /// distribution is drawn directly: the 501 draws at a level all fail with probability (1 − K/N)^501 (K outcomes
    /// reach the target), and a successful draw is uniform over those K.
    /// </summary>
    private Outcome SearchBid(NegotiatorContext context, Random random)
    {
        var index = context.Index;
        if (double.IsNaN(_bidTarget)) return index.Best; // the original finds no bid and accepts instead
        if (index.IsExact && !context.Space.Issues.Any(i => i is IntegerIssue))
        {
            int n = index.Count;
            while (true)
            {
                int reaching = n - index.RankAtLeast(_bidTarget);
                if (reaching > 0 && random.NextDouble() >= Math.Pow(1 - (double)reaching / n, 501))
                    return index.OutcomeAt(n - reaching + random.Next(reaching));
                if (reaching == n) return index.OutcomeAt(random.Next(n));
                _bidTarget -= 0.01;
            }
        }
        double found = 0.0;
        int loop = 0;
        var bid = index.Best;
        while (found < _bidTarget)
        {
            if (loop > 500)
            {
                _bidTarget -= 0.01;
                loop = 0;
            }
            bid = RandomOutcome(context, random);
            found = index.Utility(bid);
            loop++;
        }
        return bid;
    }

    private Outcome RandomOutcome(NegotiatorContext context, Random random)
    {
        var issues = context.Space.Issues;
        for (int i = 0; i < issues.Length; i++)
        {
            int n = issues[i].ValueCount;
            // GENIUS: an integer issue draws lower + nextInt(upper − lower): never the upper bound.
            _values[i] = issues[i] is IntegerIssue && n > 1 ? random.Next(n - 1) : random.Next(n);
        }
        return context.Space.Encode(_values);
    }

    /// <summary>Updates the statistics with <paramref name="offer"/> and returns the probability of accepting it at GENIUS time <paramref name="time"/>.</summary>
    private double AcceptProbability(Outcome offer, double time)
    {
        var context = Context;
        double offered = context.Index.Utility(offer);
        if (_offered.TryAdd(offer, _offered.Count))
        {
            int at = _offered.Count - 1;
            if (at == _offeredUtilities.Length)
            {
                Array.Resize(ref _offeredUtilities, Math.Max(64, 2 * at));
                Array.Resize(ref _offeredOutcomes, _offeredUtilities.Length);
            }
            _offeredUtilities[at] = offered;
            _offeredOutcomes[at] = offer;
        }
        _sum += offered;
        _sum2 += offered * offered;
        _count++;
        double mean = _sum / _count;
        double variance = _sum2 / _count - mean * mean;
        double deviation = Math.Sqrt(variance * 12);
        if (double.IsNaN(deviation)) deviation = 0.0;
        double t = time * time * time;
        if (offered > 1.0) offered = 1;
        double estimateMax = mean + (1 - mean) * deviation;
        double alpha = 1 + Tremor + 10 * mean - 2 * Tremor * mean;
        double beta = alpha + context.Random.NextDouble() * Tremor - Tremor / 2;
        double preTarget = 1 - Math.Pow(time, alpha) * (1 - estimateMax);
        double preTarget2 = 1 - Math.Pow(time, beta) * (1 - estimateMax);
        double ratio = (deviation + 0.1) / (1 - preTarget);
        if (double.IsNaN(ratio) || ratio > 2.0) ratio = 2.0;
        double ratio2 = (deviation + 0.1) / (1 - preTarget2);
        if (double.IsNaN(ratio2) || ratio2 > 2.0) ratio2 = 2.0;
        _target = ratio * preTarget + 1 - ratio;
        _bidTarget = ratio2 * preTarget2 + 1 - ratio2;
        double m = t * -300 + 400;
        _target = PullTowards(_target, estimateMax, m);
        _bidTarget = PullTowards(_bidTarget, estimateMax, m);
        double utilityEvaluation = offered - estimateMax;
        double satisfy = offered - _target;
        double p = Math.Pow(time, alpha) / 5 + utilityEvaluation + satisfy;
        return p < 0.1 ? 0.0 : p;
    }

    /// <summary>A target above the estimated maximum comes down by r·f/m with f = min(1/r², m); one below is raised to it.</summary>
    private static double PullTowards(double target, double estimateMax, double m)
    {
        if (target <= estimateMax) return estimateMax;
        double r = target - estimateMax;
        double f = 1 / (r * r);
        if (f > m || double.IsNaN(f)) f = m;
        return target - r * f / m;
    }
}
