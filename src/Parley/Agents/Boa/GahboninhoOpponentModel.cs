using Parley.Outcomes;

namespace Parley.Agents.Boa;

/// <summary>
/// Gahboninho's opponent model (ANAC 2011; GENIUS's <c>agents.anac.y2011.Gahboninho.OpponnentModel</c>), one
/// <see cref="GahboninhoEstimate"/> per other party: an issue the opponent keeps steady matters to it, so an issue's
/// weight is inversely proportional to the spread of the opponent's choices in it, and a value is worth what the
/// opponent chose it (its first choice with a bonus). Gahboninho feeds it from the opponent's second offer on.
/// </summary>
public sealed class GahboninhoOpponentModel : PerPartyOpponentModel<GahboninhoEstimate>
{
    /// <inheritdoc />
    protected override GahboninhoEstimate CreateEstimate(OutcomeSpace space) => new(space);
}

/// <summary>
/// One opponent as Gahboninho models it. Every distinct offer (repeats teach nothing) updates each issue:
/// <list type="bullet">
/// <item><b>Discrete issues</b>: a value's importance is how often the opponent chose it, plus, for its very first
/// choice, a bonus of ⌊updates / values⌋; the value's expected utility is its importance over the largest. The issue's
/// variance is the spread of the choices over the importance ranks.</item>
/// <item><b>Integer and real issues</b>: the choices fall into 21 bins; the variance is Σ count · (distance of the bin
/// from the mean bin / 20)²; the best value is the bound nearer the opponent's first choice's far side, and a value is
/// worth 1 − |value − best| (clamped to [0, 1]).</item>
/// <item><b>Weights</b>: an issue without variance counts 1, the least varied non-zero one 1/3, the others
/// (minimal variance / 3) / variance; normalised to sum 1 (all equal while no issue varies).</item>
/// </list>
/// Quirks of the original kept, as they shape the estimates: the importance ranks come from a map keyed by importance,
/// so values of equal importance share one rank (the highest-numbered value stands for them) and ranks ascend from the
/// least important; the rank variance weighs ranks by plain counts, the mean by importances; the numeric bins divide by
/// the upper bound, not the range (out-of-range bins, where the original throws, are clamped), and a numeric value's
/// worth is not normalised by the range. Before any offer every weight is 0.
/// </summary>
public sealed class GahboninhoEstimate : IOpponentEstimate
{
    private const double ZeroVarianceToMinimalVarianceWeight = 3;
    private const int NumericResolution = 21;

    private readonly OutcomeSpace _space;
    private readonly HashSet<Outcome> _seen = [];
    private readonly double[] _weights;
    private readonly double[] _variances;
    private readonly int[] _values;
    // Discrete issues (null entries for numeric ones).
    private readonly int[]?[] _occurrences;
    private readonly int[] _firstOption, _updates, _mostImportant;
    private readonly long[] _rankScratch;
    // Numeric issues (null entries for discrete ones).
    private readonly double[]?[] _numericValues;
    private readonly int[]?[] _frequencies;
    private readonly double[] _min, _max, _first, _binSum;

    /// <summary>Creates the estimate for <paramref name="space"/> (every issue enumerable).</summary>
    public GahboninhoEstimate(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!space.IsDiscrete) throw new ArgumentException("Gahboninho's opponent model needs enumerable issues.", nameof(space));
        _space = space;
        int n = space.IssueCount;
        _weights = new double[n];
        _variances = new double[n];
        _values = new int[n];
        _occurrences = new int[n][];
        _firstOption = new int[n];
        _updates = new int[n];
        _mostImportant = new int[n];
        _numericValues = new double[n][];
        _frequencies = new int[n][];
        _min = new double[n];
        _max = new double[n];
        _first = new double[n];
        _binSum = new double[n];
        int largest = 1;
        for (int i = 0; i < n; i++)
        {
            var issue = space.Issues[i];
            _firstOption[i] = -1;
            _mostImportant[i] = 1;
            switch (issue)
            {
                case IntegerIssue integer:
                    _numericValues[i] = [.. Enumerable.Range(0, issue.ValueCount).Select(v => (double)integer.ValueAt(v))];
                    (_min[i], _max[i]) = (integer.Min, integer.Max);
                    _frequencies[i] = new int[NumericResolution];
                    break;
                case RealIssue real:
                    _numericValues[i] = [.. Enumerable.Range(0, issue.ValueCount).Select(real.ValueAt)];
                    (_min[i], _max[i]) = (real.Min, real.Max);
                    _frequencies[i] = new int[NumericResolution];
                    break;
                default:
                    _occurrences[i] = new int[issue.ValueCount];
                    largest = Math.Max(largest, issue.ValueCount);
                    break;
            }
        }
        _rankScratch = new long[largest];
    }

    /// <summary>Distinct offers learned from.</summary>
    public int Offers { get; private set; }

    /// <summary>The issue weights (in issue order; 0 before any offer).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Learns from the party's next offer; an offer seen before is ignored.</summary>
    public void Observe(Outcome offer)
    {
        if (!_seen.Add(offer)) return;
        Offers++;
        _space.Decode(offer, _values);
        int n = _weights.Length;
        double total = 0, minimalNonZero = double.MaxValue;
        int zeroCount = 0;
        for (int i = 0; i < n; i++)
        {
            _variances[i] = _occurrences[i] is null ? UpdateNumeric(i, _numericValues[i]![_values[i]]) : UpdateDiscrete(i, _values[i]);
            double variance = _variances[i];
            total += variance;
            if (variance == 0) zeroCount++;
            else minimalNonZero = Math.Min(variance, minimalNonZero);
        }
        // Variances counted in units of a third of the minimal non-zero variance; one unit per zero-variance issue.
        total /= minimalNonZero * (1.0 / ZeroVarianceToMinimalVarianceWeight);
        total += zeroCount;
        bool allEqual = total == zeroCount;
        double weightCount = 0;
        if (!allEqual)
        {
            double varianceUnit = minimalNonZero / ZeroVarianceToMinimalVarianceWeight;
            for (int i = n - 1; i >= 0; i--)
            {
                _weights[i] = _variances[i] == 0 ? 1 : varianceUnit / _variances[i];
                weightCount += _weights[i];
            }
        }
        for (int i = n - 1; i >= 0; i--)
            _weights[i] = allEqual ? 1.0 / n : _weights[i] / weightCount;
    }

    private double Importance(int issue, int option)
    {
        var occurrences = _occurrences[issue]!;
        int firstOptionBonus = _updates[issue] / occurrences.Length; // the first choice likely is the opponent's best
        return option == _firstOption[issue] ? occurrences[option] + firstOptionBonus : occurrences[option];
    }

    private double UpdateDiscrete(int issue, int option)
    {
        var occurrences = _occurrences[issue]!;
        int k = occurrences.Length;
        _updates[issue]++;
        if (_firstOption[issue] == -1) _firstOption[issue] = option;
        occurrences[option]++;
        // The original sorts the options in a TreeMap keyed by importance: equal importances keep the last option.
        var byImportance = _rankScratch.AsSpan(0, k);
        int most = 0, totalImportance = 0;
        for (int o = 0; o < k; o++)
        {
            int importance = (int)Importance(issue, o);
            most = Math.Max(most, importance);
            totalImportance += importance;
            byImportance[o] = ((long)importance << 32) | (uint)o;
        }
        _mostImportant[issue] = most;
        byImportance.Sort();
        int ranks = 0;
        for (int j = 0; j < k; j++) // keep the last option of each importance, in ascending importance
            if (j == k - 1 || byImportance[j] >> 32 != byImportance[j + 1] >> 32) byImportance[ranks++] = byImportance[j];
        double meanRank = 0;
        for (int r = 0; r < ranks; r++) meanRank += r * Importance(issue, (int)(uint)byImportance[r]);
        meanRank /= totalImportance;
        double variance = 0;
        for (int r = 0; r < ranks; r++)
        {
            double distance = (meanRank - r) / k;
            variance += occurrences[(int)(uint)byImportance[r]] * (distance * distance);
        }
        return variance / totalImportance;
    }

    private int Bin(int issue, double value) =>
        Math.Clamp((int)((value - _min[issue]) / (_max[issue] / (NumericResolution - 1))), 0, NumericResolution - 1);

    private double UpdateNumeric(int issue, double value)
    {
        var frequencies = _frequencies[issue]!;
        _updates[issue]++;
        if (_firstOption[issue] == -1)
        {
            _firstOption[issue] = 0;
            _first[issue] = _max[issue] - value >= value - _min[issue] ? _max[issue] : _min[issue];
        }
        int bin = Bin(issue, value);
        frequencies[bin]++;
        _binSum[issue] += bin;
        double mean = _binSum[issue] / _updates[issue];
        double variance = 0;
        for (int b = 0; b < NumericResolution; b++)
        {
            double distance = (mean - b) / (NumericResolution - 1);
            variance += frequencies[b] * distance * distance;
        }
        return variance;
    }

    /// <summary>The expected utility to the opponent of value <paramref name="value"/> of issue <paramref name="issue"/>.</summary>
    public double ValueUtility(int issue, int value) =>
        _occurrences[issue] is null
            ? Math.Min(1, Math.Max(0, 1 - Math.Abs(_numericValues[issue]![value] - _first[issue])))
            : Importance(issue, value) / _mostImportant[issue];

    /// <summary>The estimated utility of <paramref name="outcome"/>: Σ weight · value utility.</summary>
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
        for (int i = 0; i < _weights.Length; i++) u += _weights[i] * ValueUtility(i, values[i]);
        return u;
    }
}
