using Parley.Outcomes;

namespace Parley.Agents.Boa;

/// <summary>
/// GENIUS's BOA <c>HardHeadedFrequencyModel</c> (the opponent model of HardHeaded, ANAC 2011, as the BOA framework
/// packages it), one <see cref="HardHeadedFrequencyEstimate"/> per other party. It learns from the second offer of a
/// party on: issues the party left unchanged gain weight, the values it offered gain one count.
/// </summary>
public sealed class HardHeadedFrequencyModel : PerPartyOpponentModel<HardHeadedFrequencyEstimate>
{
    /// <summary>Creates the model.</summary>
    /// <param name="learningCoefficient">GENIUS's <c>l</c> (0.2): the weight added to unchanged issues before renormalising.</param>
    public HardHeadedFrequencyModel(double learningCoefficient = HardHeadedFrequencyEstimate.DefaultLearningCoefficient)
    {
        if (!(learningCoefficient > 0)) throw new ArgumentOutOfRangeException(nameof(learningCoefficient), learningCoefficient, "The learning coefficient must be positive.");
        LearningCoefficient = learningCoefficient;
    }

    /// <summary>GENIUS's learning coefficient <c>l</c>.</summary>
    public double LearningCoefficient { get; }

    /// <inheritdoc />
    protected override HardHeadedFrequencyEstimate CreateEstimate(OutcomeSpace space) => new(space, LearningCoefficient);
}

/// <summary>
/// One opponent as GENIUS's <c>HardHeadedFrequencyModel</c> sees it: an additive utility with issue weights (equal at
/// first) and value counts (1 at first), evaluated as Σ weight · count / max count, capped at 1.
/// <para>Learning, from the party's second offer on (the first offer teaches nothing, as in GENIUS): with n issues,
/// golden value g = l / n and u unchanged issues, every issue's weight becomes (w + g) / (1 + g·u) when unchanged and
/// below 1 − n·g / (1 + g·u), else w / (1 + g·u); then the counts of the values just offered grow by one.</para>
/// <para>GENIUS writes each new weight through <c>AdditiveUtilitySpace.setWeight</c>, which at once renormalises every
/// weight with its slider correction (w − (Σw − 1)(w + 0.05) / (Σw + 0.05·n), at least 0) and keeps the new weight only
/// while the weights sum to within (0.98, 1.02), one issue at a time in issue order. That shapes the weights, so it is
/// reproduced here.</para>
/// </summary>
public sealed class HardHeadedFrequencyEstimate : IOpponentEstimate
{
    /// <summary>GENIUS's default learning coefficient.</summary>
    public const double DefaultLearningCoefficient = 0.2;

    private const double SliderCorrection = 0.05; // GENIUS's RENORMALCORR
    private readonly OutcomeSpace _space;
    private readonly double _golden;
    private readonly double[] _weights;
    private readonly int[][] _counts;
    private readonly int[] _maxCounts;
    private readonly int[] _last, _current;

    /// <summary>Creates the estimate for a discrete <paramref name="space"/>.</summary>
    public HardHeadedFrequencyEstimate(OutcomeSpace space, double learningCoefficient = DefaultLearningCoefficient)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!space.IsDiscrete) throw new ArgumentException("The HardHeaded frequency model needs discrete issues.", nameof(space));
        _space = space;
        int n = space.IssueCount;
        _golden = learningCoefficient / n;
        _weights = new double[n];
        Array.Fill(_weights, 1.0 / n);
        _counts = new int[n][];
        for (int i = 0; i < n; i++) { _counts[i] = new int[space.Radices[i]]; Array.Fill(_counts[i], 1); }
        _maxCounts = new int[n];
        Array.Fill(_maxCounts, 1);
        _last = new int[n];
        _current = new int[n];
    }

    /// <summary>Offers observed.</summary>
    public int Offers { get; private set; }

    /// <summary>The learned issue weights (in issue order).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The count of value <paramref name="value"/> of issue <paramref name="issue"/> (1 before any learning).</summary>
    public int Count(int issue, int value) => _counts[issue][value];

    /// <summary>Learns from the party's next offer.</summary>
    public void Observe(Outcome offer)
    {
        _space.Decode(offer, _current);
        Offers++;
        if (Offers >= 2) Learn();
        _current.CopyTo(_last, 0);
    }

    private void Learn()
    {
        int n = _weights.Length, unchanged = 0;
        for (int i = 0; i < n; i++) if (_current[i] == _last[i]) unchanged++;
        double totalSum = 1.0 + _golden * unchanged;
        double maximumWeight = 1.0 - n * _golden / totalSum;
        for (int i = 0; i < n; i++)
        {
            double weight = _weights[i];
            bool unchangedIssue = _current[i] == _last[i];
            SetWeight(i, unchangedIssue && weight < maximumWeight ? (weight + _golden) / totalSum : weight / totalSum);
        }
        for (int i = 0; i < n; i++)
        {
            int c = ++_counts[i][_current[i]];
            if (c > _maxCounts[i]) _maxCounts[i] = c;
        }
    }

    // GENIUS's AdditiveUtilitySpace.setWeight with every weight unlocked: set, renormalise all, revert this one if the
    // sum left (0.98, 1.02).
    private void SetWeight(int issue, double weight)
    {
        double old = _weights[issue];
        _weights[issue] = weight;
        int n = _weights.Length;
        if (n == 1) _weights[0] = 1.0;
        else
        {
            double sum = 0;
            foreach (double w in _weights) sum += w;
            double diff = sum - 1.0, corrected = sum + SliderCorrection * n;
            for (int i = 0; i < n; i++)
            {
                double w = _weights[i] - diff * (_weights[i] + SliderCorrection) / corrected;
                _weights[i] = w < 0 ? 0 : w;
            }
        }
        double check = 0;
        foreach (double w in _weights) check += w;
        if (!(check > 0.98 && check < 1.02)) _weights[issue] = old;
    }

    /// <summary>The estimated utility of <paramref name="outcome"/>: Σ weight · count / max count, at most 1.</summary>
    public double Utility(Outcome outcome)
    {
        int n = _weights.Length;
        Span<int> values = n <= OutcomeSpace.StackallocLimit ? stackalloc int[n] : new int[n];
        _space.Decode(outcome, values);
        return Utility(values);
    }

    /// <summary>As <see cref="Utility(Outcome)"/> for one value index per issue.</summary>
    public double Utility(ReadOnlySpan<int> values)
    {
        double u = 0;
        for (int i = 0; i < _weights.Length; i++) u += Term(i, values[i]);
        return u > 1 ? 1 : u;
    }

    /// <summary>
    /// Value <paramref name="value"/>'s share of the estimated utility: issue <paramref name="issue"/>'s weight · count /
    /// max count. <see cref="Utility(ReadOnlySpan{int})"/> sums these in issue order, so callers that tabulate them per
    /// learning step get the same utilities to the bit.
    /// </summary>
    public double Term(int issue, int value) => _weights[issue] * ((double)_counts[issue][value] / _maxCounts[issue]);
}
