using Parley.Parties;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// Runs negotiations under any protocol: the entry point for the library and the CLI. Every protocol goes through the same
/// session runner (deadlines, budgets, failures, events, transcript) and returns the same <see cref="NegotiationResult"/>.
/// </summary>
public static partial class Negotiation
{
    /// <summary>
    /// Runs one stacked-alternating-offers negotiation of <paramref name="scenario"/> with one negotiator per principal
    /// (scenario order; the first principal moves first). SAOP has no seat for mediators: they are left out, exactly as
    /// <c>parley negotiate --protocol sao</c> leaves them out (see <see cref="Seating.PrincipalsOnly"/>). Negotiator
    /// failures end the negotiation and are recorded in the result, never thrown; invalid arguments throw
    /// <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="scenario">The scenario; its outcome space must be indexable.</param>
    /// <param name="negotiators">One distinct negotiator instance per principal, in party order; each is initialised afresh.</param>
    /// <param name="options">Deadlines, per-turn budget and seed.</param>
    /// <param name="time">Clock for deadlines and budgets (default <see cref="TimeProvider.System"/>).</param>
    public static NegotiationResult Run(Scenario scenario, IReadOnlyList<INegotiator> negotiators, SaoOptions options, TimeProvider? time = null) =>
        Run(scenario, negotiators, options, time, recycled: null);

    /// <summary>As <see cref="Run(Scenario, IReadOnlyList{INegotiator}, SaoOptions, TimeProvider?)"/>, recording into <paramref name="recycled"/> (emptied first) when given, so a caller that keeps only results allocates no transcript per negotiation.</summary>
    internal static NegotiationResult Run(Scenario scenario, IReadOnlyList<INegotiator> negotiators, SaoOptions options, TimeProvider? time, Transcript? recycled)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiators);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var seated = Seating.PrincipalsOnly(scenario);
        CheckTable(seated, negotiators, "principals", seated.Parties.Length);
        var protocol = new SaoProtocol(negotiators, seated.Space);
        return new SessionRunner<SaoProtocol, SaoState>(seated, protocol, negotiators.Select(n => n.Name).ToArray(), options, time ?? TimeProvider.System, recycled).Run();
    }

    /// <summary>How many of the scenario's parties are principals.</summary>
    internal static int PrincipalCount(Scenario scenario)
    {
        int count = 0;
        foreach (var party in scenario.Parties) if (party.Role == PartyRole.Principal) count++;
        return count;
    }

    /// <summary>Checks what every protocol needs of a table: at least two principals, one distinct negotiator per seat, an indexable space.</summary>
    internal static void CheckTable<T>(Scenario scenario, IReadOnlyList<T> negotiators, string seats, int seatCount) where T : class
    {
        int principals = PrincipalCount(scenario);
        if (principals < 2) throw new ArgumentException($"Scenario '{scenario.Name}' has {principals} principal(s); a negotiation needs at least two.");
        if (scenario.Parties.Length > 64) throw new ArgumentException($"Scenario '{scenario.Name}' has {scenario.Parties.Length} parties; a table holds at most 64.");
        if (negotiators.Count != seatCount)
            throw new ArgumentException($"Scenario '{scenario.Name}' has {seatCount} {seats} but {negotiators.Count} negotiators were given.");
        if (!scenario.Space.IsDiscrete) throw new ArgumentException($"Scenario '{scenario.Name}' has a continuous issue; discretise its real issues.");
        for (int i = 0; i < negotiators.Count; i++)
        {
            if (negotiators[i] is null) throw new ArgumentException($"Negotiator {i} is null.");
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(negotiators[i], negotiators[j]))
                    throw new ArgumentException($"Negotiators {j} and {i} are the same instance; negotiators are stateful, give each party its own.");
        }
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
