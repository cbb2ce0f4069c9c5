using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Boa;

/// <summary>What a BOA opponent model keeps of one other party: it learns from that party's offers and estimates its utility.</summary>
public interface IOpponentEstimate
{
    /// <summary>Offers learned from.</summary>
    int Offers { get; }

    /// <summary>Learns from the party's next offer.</summary>
    void Observe(Outcome offer);

    /// <summary>The estimated utility of <paramref name="outcome"/> to the party.</summary>
    double Utility(Outcome outcome);
}

/// <summary>
/// A BOA opponent model as an <see cref="IOpponentModel"/>: one <typeparamref name="TEstimate"/> per other party at the
/// table, made anew by <see cref="Initialize"/>; the prediction for "the opponents" is the mean over those that have offered.
/// </summary>
public abstract class PerPartyOpponentModel<TEstimate> : IOpponentModel where TEstimate : class, IOpponentEstimate
{
    private NegotiatorContext? _context;
    private TEstimate?[] _parties = [];

    /// <summary>A fresh estimate for one party over <paramref name="space"/>.</summary>
    protected abstract TEstimate CreateEstimate(OutcomeSpace space);

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _parties = new TEstimate?[context.PartyCount];
        for (int p = 0; p < context.PartyCount; p++)
            if (p != context.PartyIndex) _parties[p] = CreateEstimate(context.Space);
    }

    /// <summary>The estimate of <paramref name="party"/>.</summary>
    public TEstimate Estimate(int party) =>
        _context is null ? throw new InvalidOperationException("Initialize has not been called.")
        : (uint)party < (uint)_parties.Length && _parties[party] is { } e ? e
        : throw new ArgumentOutOfRangeException(nameof(party), party, "Not another party at this table.");

    /// <inheritdoc />
    public void Observe(int party, Outcome offer, double time) => Estimate(party).Observe(offer);

    /// <inheritdoc />
    public double PredictUtility(int party, Outcome outcome) => Estimate(party).Utility(outcome);

    /// <inheritdoc />
    public double PredictUtility(Outcome outcome)
    {
        if (_context is null) throw new InvalidOperationException("Initialize has not been called.");
        double sum = 0;
        int n = 0;
        foreach (var e in _parties)
        {
            if (e is null || e.Offers == 0) continue;
            sum += e.Utility(outcome);
            n++;
        }
        return n == 0 ? 0.5 : sum / n;
    }
}
