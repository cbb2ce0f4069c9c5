using Parley.Agents;
using Parley.Scenarios;

namespace Parley.Protocols.Sao;

/// <summary>Runs stacked-alternating-offers negotiations: the entry point for the library and the CLI.</summary>
public static class Negotiation
{
    /// <summary>
    /// Runs one negotiation of <paramref name="scenario"/> with one negotiator per party (scenario party order; party 0
    /// moves first). Negotiator failures end the negotiation and are recorded in the result, never thrown; invalid
    /// arguments throw <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="scenario">The scenario; its outcome space must be indexable.</param>
    /// <param name="negotiators">One distinct negotiator instance per party, in party order; each is initialised afresh.</param>
    /// <param name="options">Deadlines, per-turn budget and seed.</param>
    /// <param name="time">Clock for deadlines and budgets (default <see cref="TimeProvider.System"/>).</param>
    public static NegotiationResult Run(Scenario scenario, IReadOnlyList<INegotiator> negotiators, SaoOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiators);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (scenario.Parties.Length < 2) throw new ArgumentException($"Scenario '{scenario.Name}' has {scenario.Parties.Length} parties; a negotiation needs at least two.");
        if (negotiators.Count != scenario.Parties.Length)
            throw new ArgumentException($"Scenario '{scenario.Name}' has {scenario.Parties.Length} parties but {negotiators.Count} negotiators were given.");
        if (!scenario.Space.IsDiscrete) throw new ArgumentException($"Scenario '{scenario.Name}' has a continuous issue; discretise its real issues.");
        for (int i = 0; i < negotiators.Count; i++)
        {
            if (negotiators[i] is null) throw new ArgumentException($"Negotiator {i} is null.");
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(negotiators[i], negotiators[j]))
                    throw new ArgumentException($"Negotiators {j} and {i} are the same instance; negotiators are stateful, give each party its own.");
        }
        return new SaoEngine(scenario, negotiators, options, time ?? TimeProvider.System).Run();
    }

    /// <summary>The seed of party <paramref name="party"/> derived from the session seed (SplitMix64 mixing).</summary>
    public static int DeriveSeed(int sessionSeed, int party)
    {
        ulong z = unchecked((ulong)(uint)sessionSeed * 0x9E3779B97F4A7C15UL + (ulong)(party + 1) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }
}
