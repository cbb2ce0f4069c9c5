using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2017;

/// <summary>
/// PonPokoAgent, winner of ANAC 2017 (Takahashi), after GENIUS's <c>agents.anac.y2017.ponpokoagent.PonPokoAgent</c>.
/// Multilateral. At the start it samples 30 000 random outcomes (duplicates dropped) and draws one of five
/// <b>threshold patterns</b>: pairs of curves (high, low) over time, some of them oscillating (|sin 20t|, |sin 40t|).
/// <b>Acceptance:</b> the latest offer is accepted when it is worth more than the low threshold. <b>Bidding:</b> a
/// uniformly random sampled outcome between the two thresholds; when there is none, the low threshold comes down by
/// 0.0001 until there is. Time is GENIUS's (<see cref="GeniusTime"/>); GENIUS's wall-clock-seeded random sources are the
/// context's seeded one. The original's unbounded lowering loop is kept, but finds the first non-empty band by binary
/// search instead of rescanning the sample.
/// </summary>
public sealed class PonPokoAgent : INegotiator
{
    private const int SampleSize = 30_000;
    private const int PatternCount = 5;
    private NegotiatorContext? _context;
    private double[] _utilities = [];   // sampled outcomes' utilities, ascending
    private Outcome[] _outcomes = [];
    private int _pattern;

    /// <inheritdoc />
    public string Name => "PonPokoAgent";

    /// <summary>The threshold pattern drawn for this negotiation (0–4).</summary>
    public int Pattern => _pattern;

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        var random = context.Random;
        var space = context.Space;
        var index = context.Index;
        if (index.IsExact && index.Count <= 4 * SampleSize)
        {
            // Uniform draws per issue are uniform draws over the (tabulated) space: mark the drawn outcomes and read
            // them off the utility index, already sorted, without hashing or sorting.
            var drawn = new bool[index.Count];
            for (int i = 0; i < SampleSize; i++) drawn[random.Next(index.Count)] = true;
            var marked = new List<int>();
            for (int rank = 0; rank < index.Count; rank++)
                if (drawn[(int)index.OutcomeAt(rank).Index]) marked.Add(rank);
            _outcomes = [.. marked.Select(index.OutcomeAt)];
            _utilities = [.. marked.Select(index.UtilityAt)];
        }
        else
        {
            var values = new int[space.IssueCount];
            var sample = new HashSet<Outcome>();
            for (int i = 0; i < SampleSize; i++)
            {
                for (int k = 0; k < values.Length; k++) values[k] = random.Next(space.Issues[k].ValueCount);
                sample.Add(space.Encode(values));
            }
            _outcomes = [.. sample];
            _utilities = Array.ConvertAll(_outcomes, index.Utility);
            Array.Sort(_utilities, _outcomes);
        }
        _pattern = random.Next(PatternCount);
    }

    private NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <summary>The (high, low) thresholds of <paramref name="pattern"/> at GENIUS time <paramref name="t"/>.</summary>
    public static (double High, double Low) Thresholds(int pattern, double t) => pattern switch
    {
        0 => (1 - 0.1 * t, 1 - 0.1 * t - 0.1 * Math.Abs(Math.Sin(t * 40))),
        1 => (1, 1 - 0.22 * t),
        2 => (1 - 0.1 * t, 1 - 0.1 * t - 0.15 * Math.Abs(Math.Sin(t * 20))),
        3 => (1 - 0.05 * t, t > 0.99 ? 1 - 0.3 * t : 1 - 0.1 * t),
        4 => (1 - 0.15 * t * Math.Abs(Math.Sin(t * 20)), 1 - 0.21 * t * Math.Abs(Math.Sin(t * 20))),
        _ => (1 - 0.1 * t, 1 - 0.2 * Math.Abs(Math.Sin(t * 40))),
    };

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        var context = Context;
        var (_, low) = Thresholds(_pattern, GeniusTime.Of(context, state));
        return context.Index.Utility(offer) > low && context.IsAllowed(offer, state.Time) ? SaoResponse.Accept : SaoResponse.Reject;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        var context = Context;
        var (high, low) = Thresholds(_pattern, GeniusTime.Of(context, state));
        // Sampled outcomes with utility ≤ high: indices [0, end).
        int end = UpperBound(_utilities, high);
        if (end == 0) end = 1; // nothing at or below high: the original would loop for ever; take the worst sampled outcome
        while (_utilities[end - 1] < low) low -= 0.0001;
        int start = LowerBound(_utilities, low);
        var bid = _outcomes[start + context.Random.Next(end - start)];
        return context.NearestAllowed(bid, state.Time); // the bid itself when allowed
    }

    /// <summary>First index whose value is &gt; x.</summary>
    private static int UpperBound(double[] a, double x)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (a[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /// <summary>First index whose value is ≥ x.</summary>
    private static int LowerBound(double[] a, double x)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
