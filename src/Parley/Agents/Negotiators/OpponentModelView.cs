using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// A read-only <see cref="IOpponentModel"/> over a model an agent keeps inside (AgentLG's counts, AgreeableAgent2018's
/// frequency models), so that it can be measured: the agent learns by itself, so <see cref="Initialize"/> and
/// <see cref="Observe"/> do nothing here.
/// </summary>
/// <param name="context">The agent's current context (null before its first negotiation).</param>
/// <param name="predict">The agent's estimate of a party's utility of an outcome, or null when it has no model of that party.</param>
internal sealed class OpponentModelView(Func<NegotiatorContext?> context, Func<int, Outcome, double?> predict) : IOpponentModel
{
    /// <inheritdoc />
    public void Initialize(NegotiatorContext context) { }

    /// <inheritdoc />
    public void Observe(int party, Outcome offer, double time) { }

    /// <inheritdoc />
    public double PredictUtility(int party, Outcome outcome) => predict(party, outcome) ?? 0.5;

    /// <inheritdoc />
    public double PredictUtility(Outcome outcome)
    {
        double sum = 0;
        int n = 0;
        if (context() is { } c)
            for (int p = 0; p < c.PartyCount; p++)
                if (p != c.PartyIndex && predict(p, outcome) is { } u) { sum += u; n++; }
        return n == 0 ? 0.5 : sum / n;
    }
}
