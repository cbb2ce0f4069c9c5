using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// Frequency opponent model (as in HardHeaded, ANAC 2011), one per other party. Value weight of value v of issue i =
/// count(i, v) / max_v count(i, v), counting how often the party offered it. Issue weights start equal; after each offer,
/// every issue whose value is unchanged from the party's previous offer gains <see cref="LearningRate"/>, and the weights
/// are renormalised to sum to 1. Predicted utility = Σ_i w_i · valueWeight_i(x_i) ∈ [0, 1].
/// </summary>
public sealed class FrequencyOpponentModel : IOpponentModel
{
    private NegotiatorContext? _context;
    private PartyModel?[] _parties = [];

    /// <summary>Creates the model.</summary>
    /// <param name="learningRate">Weight added to an unchanged issue after each offer (before renormalising); &gt; 0.</param>
    public FrequencyOpponentModel(double learningRate = 0.2)
    {
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        LearningRate = learningRate;
    }

    /// <summary>Weight added to unchanged issues per offer.</summary>
    public double LearningRate { get; }

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        _context = context;
        _parties = new PartyModel?[context.PartyCount];
        for (int p = 0; p < context.PartyCount; p++)
            if (p != context.PartyIndex) _parties[p] = new PartyModel(context.Space);
    }

    /// <summary>Number of offers observed from <paramref name="party"/>.</summary>
    public int OffersSeen(int party) => _parties[party]?.Offers ?? 0;

    /// <summary>The learned issue weights of <paramref name="party"/> (sum 1).</summary>
    public ReadOnlySpan<double> IssueWeights(int party) => Model(party).Weights;

    /// <inheritdoc />
    public void Observe(int party, Outcome offer, double time)
    {
        var model = Model(party);
        var space = _context!.Space;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(offer, values);
        model.Learn(values, LearningRate);
    }

    /// <inheritdoc />
    public double PredictUtility(int party, Outcome outcome)
    {
        var model = Model(party);
        if (model.Offers == 0) return 0.5;
        var space = _context!.Space;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(outcome, values);
        return model.Predict(values);
    }

    /// <inheritdoc />
    public double PredictUtility(Outcome outcome)
    {
        var space = (_context ?? throw new InvalidOperationException("Initialize has not been called.")).Space;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        space.Decode(outcome, values);
        double sum = 0;
        int n = 0;
        foreach (var model in _parties)
        {
            if (model is null || model.Offers == 0) continue;
            sum += model.Predict(values);
            n++;
        }
        return n == 0 ? 0.5 : sum / n;
    }

    private PartyModel Model(int party)
    {
        if (_context is null) throw new InvalidOperationException("Initialize has not been called.");
        if ((uint)party >= (uint)_parties.Length || _parties[party] is not { } model)
            throw new ArgumentOutOfRangeException(nameof(party), party, "Not another party at this table.");
        return model;
    }

    private sealed class PartyModel
    {
        private readonly int[][] _counts;
        private readonly int[] _maxCounts;
        private readonly int[] _last;

        public PartyModel(OutcomeSpace space)
        {
            int n = space.IssueCount;
            _counts = new int[n][];
            for (int i = 0; i < n; i++) _counts[i] = new int[space.Radices[i]];
            _maxCounts = new int[n];
            _last = new int[n];
            Weights = new double[n];
            Array.Fill(Weights, 1.0 / n);
        }

        public double[] Weights { get; }
        public int Offers { get; private set; }

        public void Learn(ReadOnlySpan<int> values, double rate)
        {
            if (Offers > 0)
            {
                double total = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] == _last[i]) Weights[i] += rate;
                    total += Weights[i];
                }
                for (int i = 0; i < values.Length; i++) Weights[i] /= total;
            }
            for (int i = 0; i < values.Length; i++)
            {
                int c = ++_counts[i][values[i]];
                if (c > _maxCounts[i]) _maxCounts[i] = c;
                _last[i] = values[i];
            }
            Offers++;
        }

        public double Predict(ReadOnlySpan<int> values)
        {
            double u = 0;
            for (int i = 0; i < values.Length; i++)
                if (_maxCounts[i] > 0) u += Weights[i] * _counts[i][values[i]] / _maxCounts[i];
            return u;
        }
    }
}
