namespace Parley.Agents.Negotiators;

/// <summary>Factories for the built-in negotiators. Each call returns a new, independent instance.</summary>
public static class Negotiators
{
    /// <summary>Time-dependent negotiator with concession exponent <paramref name="exponent"/> and AC_next.</summary>
    public static ComposedNegotiator TimeDependent(double exponent, string? name = null) =>
        new(name ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TimeDependent(e={exponent})"), new TimeDependentBidding(exponent), AcceptanceStrategy.Next());

    /// <summary>Boulware: GENIUS's <c>BoulwareNegotiationParty</c> (<see cref="TimeDependentParty"/>, e = 0.2: concedes late).</summary>
    public static TimeDependentParty Boulware() => new(0.2, "Boulware");

    /// <summary>Linear: GENIUS's time-dependent party with e = 1 (<see cref="TimeDependentParty"/>).</summary>
    public static TimeDependentParty Linear() => new(1.0, "Linear");

    /// <summary>Conceder: GENIUS's <c>ConcederNegotiationParty</c> (<see cref="TimeDependentParty"/>, e = 2: concedes early).</summary>
    public static TimeDependentParty Conceder() => new(2.0, "Conceder");

    /// <summary>Parley's own time-dependent rule with e = 0.2 (<see cref="TimeDependentBidding"/>: lowest bid at or above a
    /// target scaled between the reserved value and the best utility; AC_next): what <c>boulware</c> was before it became GENIUS's party.</summary>
    public static ComposedNegotiator ClassicBoulware() => TimeDependent(0.2, "BoulwareClassic");

    /// <summary>Parley's own time-dependent rule with e = 1 (see <see cref="ClassicBoulware"/>).</summary>
    public static ComposedNegotiator ClassicLinear() => TimeDependent(1.0, "LinearClassic");

    /// <summary>Parley's own time-dependent rule with e = 2 (see <see cref="ClassicBoulware"/>).</summary>
    public static ComposedNegotiator ClassicConceder() => TimeDependent(2.0, "ConcederClassic");

    /// <summary>GENIUS's ANAC 2010–2014 baseline <c>TimeDependentAgentBoulware</c> (<see cref="TimeDependentAgent"/>, e = 0.2).</summary>
    public static TimeDependentAgent Boulware2010() => new(0.2, "Boulware2010");

    /// <summary>GENIUS's <see cref="TimeDependentAgent"/> with e = 1.</summary>
    public static TimeDependentAgent Linear2010() => new(1.0, "Linear2010");

    /// <summary>GENIUS's ANAC 2010–2014 baseline <c>TimeDependentAgentConceder</c> (<see cref="TimeDependentAgent"/>, e = 2).</summary>
    public static TimeDependentAgent Conceder2010() => new(2.0, "Conceder2010");

    /// <summary>Hardliner: always offers its best outcome (e = 0), accepts only offers at least as good.</summary>
    public static ComposedNegotiator Hardliner() => TimeDependent(0.0, "Hardliner");

    /// <summary>Relative tit-for-tat in own utility, AC_next.</summary>
    public static ComposedNegotiator TitForTat() => new("TitForTat", new TitForTatBidding(), AcceptanceStrategy.Next());

    /// <summary>HardHeaded-style: Boulware target (e = 0.1), frequency opponent model picks within a 0.05 band, AC_next.</summary>
    public static ComposedNegotiator HardHeaded() =>
        new("HardHeadedStyle", new ModelGuidedBidding(), AcceptanceStrategy.Next(), new FrequencyOpponentModel());

    /// <summary>Random: uniformly random outcomes above its reserved value (seeded), AC_next.</summary>
    public static ComposedNegotiator Random() => new("Random", new RandomBidding(), AcceptanceStrategy.Next());

    /// <summary>Nice: offers its best outcome, accepts any offer at least its reserved value.</summary>
    public static ComposedNegotiator Nice() => new("Nice", new TimeDependentBidding(0.0), AcceptanceStrategy.Constant(double.NegativeInfinity));

    /// <summary>MiCRO: concedes one outcome per new distinct opponent offer.</summary>
    public static MicroNegotiator Micro() => new();
}
