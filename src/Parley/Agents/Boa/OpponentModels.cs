using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Boa;

/// <summary>What the BOA opponent models share: the mean prediction over the parties that have offered.</summary>
internal static class OpponentModels
{
    /// <summary>Mean of <paramref name="predict"/> over the estimates of parties that have made an offer; 0.5 before any.</summary>
    public static double MeanOverOffering<T>(NegotiatorContext? context, T?[] estimates, Func<T, Outcome, double> predict, Func<T, int> offers, Outcome outcome)
        where T : class
    {
        if (context is null) throw new InvalidOperationException("Initialize has not been called.");
        double sum = 0;
        int n = 0;
        foreach (var e in estimates)
        {
            if (e is null || offers(e) == 0) continue;
            sum += predict(e, outcome);
            n++;
        }
        return n == 0 ? 0.5 : sum / n;
    }
}
