using Parley.Outcomes;

namespace Parley.Agents.Boa;

/// <summary>
/// GENIUS's BOA <c>ScalableBayesianModel</c>: the scalable Bayesian opponent model of Hindriks and Tykhonov ("Opponent
/// modelling in automated multi-issue negotiation using Bayesian learning", AAMAS 2008), GENIUS's
/// <c>BayesianOpponentModelScalable</c>, one <see cref="ScalableBayesianEstimate"/> per other party. (GENIUS's
/// unscalable <c>BayesianModel</c>, one hypothesis per weight ordering and evaluator combination, builds no hypothesis
/// for discrete issues in GENIUS 10.4 and fails on every update, so the scalable one is the Bayesian model here.)
/// </summary>
public sealed class ScalableBayesianModel : PerPartyOpponentModel<ScalableBayesianEstimate>
{
    /// <inheritdoc />
    protected override ScalableBayesianEstimate CreateEstimate(OutcomeSpace space) => new(space);
}

/// <summary>
/// One opponent as GENIUS's scalable Bayesian model sees it. Per issue, independent hypotheses:
/// <list type="bullet">
/// <item><b>Weight hypotheses</b>: 11 weights 0, 0.1, …, 1 with prior ∝ (1 − (j + 1)/11)³.</item>
/// <item><b>Evaluator hypotheses</b> over the issue's m values (in domain order): uphill 1000·j + 1, downhill
/// 1000·(m − j − 1) + 1 and, for m &gt; 2, the triangles with peak k = 1 … m − 2 (1000·j / k below the peak,
/// 1000·(m − j − 1)/(m − k − 1) + 1 from it, in integer arithmetic as in GENIUS), each divided by its maximum;
/// uniform prior.</item>
/// </list>
/// On each offer not seen before, the likelihood of a hypothesis is a Gaussian (σ = 0.25) of the relative distance
/// between the utility it gives the offer (the hypothesis for its issue, the expectations for the others) and the
/// utility the opponent is assumed to concede to, which starts at 1 and drops 0.003 per new offer. The first offer
/// updates only the evaluators. The estimate is the expected utility Σ E[w_i]·E[eval_i], rescaled by its minimum and
/// maximum over the outcome space (GENIUS's <c>getNormalizedUtility</c>; min starts at 1, max at 0).
/// <para>As in GENIUS: repeated offers are ignored; once an estimate is NaN (the likelihoods underflow), it reports 0
/// and the model stops learning (GENIUS's "crashed" state).</para>
/// </summary>
public sealed class ScalableBayesianEstimate : IOpponentEstimate
{
    private const int WeightHypotheses = 11;
    private const double Sigma = 0.25, ConcessionStep = 0.003;

    private readonly OutcomeSpace _space;
    private double[][] _weightProbability;                       // [issue][j]
    private double[][] _nextWeightProbability;                   // the update's output, swapped in at its end
    private readonly double[][][] _evaluations;                  // [issue][hypothesis][value], normalised
    private double[][] _evaluationProbability;                   // [issue][hypothesis]
    private double[][] _nextEvaluationProbability;
    private readonly double[] _expectedWeights;
    private readonly double[][] _expectedEvaluation;             // [issue][value]
    private readonly double[][] _terms;                          // [issue][value]: E[w]·E[eval], the additive terms
    private readonly HashSet<Outcome> _seen = [];
    private readonly int[] _values;
    private readonly double[] _offerWeight, _offerEvaluation, _offerTerm; // per issue, for the offer being learned from
    private readonly double[] _likelihood;                       // per hypothesis of one issue
    private double _previousBidUtility = 1;
    private double _min, _max;

    /// <summary>Creates the estimate with the priors for a discrete <paramref name="space"/>.</summary>
    public ScalableBayesianEstimate(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!space.IsDiscrete) throw new ArgumentException("The scalable Bayesian model here needs discrete issues.", nameof(space));
        _space = space;
        int n = space.IssueCount;
        _values = new int[n];
        _weightProbability = new double[n][];
        _nextWeightProbability = new double[n][];
        _nextEvaluationProbability = new double[n][];
        _offerWeight = new double[n];
        _offerEvaluation = new double[n];
        _offerTerm = new double[n];
        int hypotheses = WeightHypotheses;
        _evaluations = new double[n][][];
        _evaluationProbability = new double[n][];
        _expectedWeights = new double[n];
        _expectedEvaluation = new double[n][];
        _terms = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var prior = new double[WeightHypotheses];
            double total = 0;
            for (int j = 0; j < WeightHypotheses; j++)
            {
                double f = 1.0 - (j + 1.0) / WeightHypotheses;
                prior[j] = f * f * f;
                total += prior[j];
            }
            for (int j = 0; j < WeightHypotheses; j++) prior[j] /= total;
            _weightProbability[i] = prior;
            _evaluations[i] = EvaluatorHypotheses(space.Radices[i]);
            _evaluationProbability[i] = new double[_evaluations[i].Length];
            _nextWeightProbability[i] = new double[WeightHypotheses];
            _nextEvaluationProbability[i] = new double[_evaluations[i].Length];
            hypotheses = Math.Max(hypotheses, _evaluations[i].Length);
            Array.Fill(_evaluationProbability[i], 1.0 / _evaluations[i].Length);
            _expectedEvaluation[i] = new double[space.Radices[i]];
            _terms[i] = new double[space.Radices[i]];
        }
        _likelihood = new double[hypotheses];
        Refresh();
    }

    /// <summary>New offers learned from (repeats are not counted).</summary>
    public int Offers { get; private set; }

    /// <summary>True once an estimate came out NaN: GENIUS's model then reports 0 and learns no more.</summary>
    public bool Crashed { get; private set; }

    /// <summary>The expected weight of <paramref name="issue"/> (the weights need not sum to 1).</summary>
    public double ExpectedWeight(int issue) => _expectedWeights[issue];

    private static double WeightOf(int j) => (double)j / (WeightHypotheses - 1);

    // Uphill, downhill and the triangles, as GENIUS builds them (integer evaluations), each divided by its maximum.
    private static double[][] EvaluatorHypotheses(int m)
    {
        var raw = new List<int[]>
        {
            Enumerable.Range(0, m).Select(j => 1000 * j + 1).ToArray(),
            Enumerable.Range(0, m).Select(j => 1000 * (m - j - 1) + 1).ToArray(),
        };
        if (m > 2)
            for (int k = 1; k < m - 1; k++)
                raw.Add(Enumerable.Range(0, m).Select(j => j < k ? 1000 * j / k : 1000 * (m - j - 1) / (m - k - 1) + 1).ToArray());
        return [.. raw.Select(e =>
        {
            double max = e.Max();
            return e.Select(v => max < 0.00001 ? 0.0 : v / max).ToArray();
        })];
    }

    /// <summary>Learns from the party's next offer (ignored when it offered it before, or after a crash).</summary>
    public void Observe(Outcome offer)
    {
        if (Crashed || !_seen.Add(offer)) return;
        Offers++;
        _space.Decode(offer, _values);
        if (Offers > 1) UpdateWeights();
        UpdateEvaluators();
        _previousBidUtility -= ConcessionStep;
        Refresh();
    }

    private double Likelihood(double utility)
    {
        double x = (_previousBidUtility - utility) / _previousBidUtility;
        return 1.0 / (Sigma * Math.Sqrt(2.0 * Math.PI)) * Math.Exp(-(x * x) / (2.0 * Sigma * Sigma));
    }

    private double ExpectedEvaluation(int issue)
    {
        var p = _evaluationProbability[issue];
        var hyps = _evaluations[issue];
        int v = _values[issue];
        double e = 0;
        for (int h = 0; h < hyps.Length; h++) e += p[h] * hyps[h][v];
        return e;
    }

    private double CurrentExpectedWeight(int issue)
    {
        var p = _weightProbability[issue];
        double w = 0;
        for (int j = 0; j < p.Length; j++) w += p[j] * WeightOf(j);
        return w;
    }

    // E[w]·E[eval] of the offer per issue, for the partial utilities below; each update reads the probabilities before
    // it (it writes new ones only at its end), so these are computed once per update.
    private void OfferTerms()
    {
        for (int j = 0; j < _values.Length; j++)
        {
            _offerWeight[j] = CurrentExpectedWeight(j);
            _offerEvaluation[j] = ExpectedEvaluation(j);
            _offerTerm[j] = _offerWeight[j] * _offerEvaluation[j];
        }
    }

    // Σ over the other issues of E[w]·E[eval] of the offer, in issue order, as GENIUS's getPartialUtility.
    private double PartialUtility(int without)
    {
        double u = 0;
        for (int j = 0; j < _offerTerm.Length; j++)
        {
            if (j == without) continue;
            u += _offerTerm[j];
        }
        return u;
    }

    private void UpdateWeights()
    {
        int n = _values.Length;
        OfferTerms();
        for (int j = 0; j < n; j++)
        {
            double evaluation = _offerEvaluation[j], partial = PartialUtility(j), norm = 0;
            var p = _weightProbability[j];
            var likelihood = _likelihood;
            for (int i = 0; i < p.Length; i++)
            {
                likelihood[i] = Likelihood(WeightOf(i) * evaluation + partial);
                norm += p[i] * likelihood[i];
            }
            var updated = _nextWeightProbability[j];
            for (int i = 0; i < p.Length; i++) updated[i] = p[i] * likelihood[i] / norm;
        }
        (_weightProbability, _nextWeightProbability) = (_nextWeightProbability, _weightProbability);
    }

    private void UpdateEvaluators()
    {
        int n = _values.Length;
        OfferTerms();
        for (int i = 0; i < n; i++)
        {
            double partial = PartialUtility(i), weight = _offerWeight[i], norm = 0;
            var p = _evaluationProbability[i];
            var hyps = _evaluations[i];
            var likelihood = _likelihood;
            int v = _values[i];
            for (int h = 0; h < hyps.Length; h++)
            {
                likelihood[h] = Likelihood(partial + weight * hyps[h][v]);
                norm += p[h] * likelihood[h];
            }
            var updated = _nextEvaluationProbability[i];
            for (int h = 0; h < hyps.Length; h++) updated[h] = p[h] * likelihood[h] / norm;
        }
        (_evaluationProbability, _nextEvaluationProbability) = (_nextEvaluationProbability, _evaluationProbability);
    }

    // Expected weights and evaluation tables, and GENIUS's findMinMaxUtility (min from 1, max from 0). An additive sum's
    // extremes over the space are the sums of the issues' extremes, taken in the same order, so no enumeration is needed.
    private void Refresh()
    {
        double min = 0, max = 0;
        for (int i = 0; i < _expectedWeights.Length; i++)
        {
            _expectedWeights[i] = CurrentExpectedWeight(i);
            var table = _expectedEvaluation[i];
            var p = _evaluationProbability[i];
            var hyps = _evaluations[i];
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int v = 0; v < table.Length; v++)
            {
                double e = 0;
                for (int h = 0; h < hyps.Length; h++) e += p[h] * hyps[h][v];
                table[v] = e;
                double term = _expectedWeights[i] * e;
                _terms[i][v] = term;
                if (term < lo || double.IsNaN(term)) lo = term;
                if (term > hi || double.IsNaN(term)) hi = term;
            }
            min += lo;
            max += hi;
        }
        _min = double.IsNaN(min) ? min : Math.Min(1.0, min);
        _max = double.IsNaN(max) ? max : Math.Max(0.0, max);
    }

    /// <summary>The expected utility Σ E[w_i]·E[eval_i] of <paramref name="values"/>, not rescaled.</summary>
    public double ExpectedUtility(ReadOnlySpan<int> values)
    {
        double u = 0;
        for (int j = 0; j < _terms.Length; j++) u += _terms[j][values[j]];
        return u;
    }

    /// <summary>The estimated utility of <paramref name="outcome"/>, rescaled to [0, 1] by the extremes over the space (0 once crashed).</summary>
    public double Utility(Outcome outcome)
    {
        int n = _expectedWeights.Length;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        _space.Decode(outcome, values);
        return Utility(values);
    }

    /// <summary>As <see cref="Utility(Outcome)"/> for one value index per issue.</summary>
    public double Utility(ReadOnlySpan<int> values)
    {
        double value = (ExpectedUtility(values) - _min) / (_max - _min);
        if (double.IsNaN(value))
        {
            Crashed = true;
            return 0.0;
        }
        return value;
    }
}
