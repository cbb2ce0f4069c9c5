namespace Parley.Agents.Negotiators;

/// <summary>Factories for the built-in negotiators. Each call returns a new, independent instance.</summary>
public static class Negotiators
{
    /// <summary>Time-dependent negotiator with concession exponent <paramref name="exponent"/> and AC_next.</summary>
    public static ComposedNegotiator TimeDependent(double exponent, string? name = null) =>
        new(name ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TimeDependent(e={exponent})"), new TimeDependentBidding(exponent), AcceptanceStrategy.Next());

    /// <summary>Boulware: time-dependent with e = 0.2 (concedes late), AC_next.</summary>
    public static ComposedNegotiator Boulware() => TimeDependent(0.2, "Boulware");

    /// <summary>Linear: time-dependent with e = 1, AC_next.</summary>
    public static ComposedNegotiator Linear() => TimeDependent(1.0, "Linear");

    /// <summary>Conceder: time-dependent with e = 2 (concedes early), AC_next.</summary>
    public static ComposedNegotiator Conceder() => TimeDependent(2.0, "Conceder");

    /// <summary>Hardliner: always offers its best outcome (e = 0), accepts only offers at least as good.</summary>
    public static ComposedNegotiator Hardliner() => TimeDependent(0.0, "Hardliner");

    /// <summary>Relative tit-for-tat in own utility, AC_next.</summary>
    public static ComposedNegotiator TitForTat() => new("TitForTat", new TitForTatBidding(), AcceptanceStrategy.Next());

    /// <summary>HardHeaded-style: Boulware target (e = 0.1), frequency opponent model picks within a 0.05 band, AC_next.</summary>
    public static ComposedNegotiator HardHeaded() =>
        new("HardHeaded", new ModelGuidedBidding(), AcceptanceStrategy.Next(), new FrequencyOpponentModel());

    /// <summary>Random: uniformly random outcomes above its reserved value (seeded), AC_next.</summary>
    public static ComposedNegotiator Random() => new("Random", new RandomBidding(), AcceptanceStrategy.Next());

    /// <summary>Nice: offers its best outcome, accepts any offer at least its reserved value.</summary>
    public static ComposedNegotiator Nice() => new("Nice", new TimeDependentBidding(0.0), AcceptanceStrategy.Constant(double.NegativeInfinity));

    /// <summary>MiCRO: concedes one outcome per new distinct opponent offer.</summary>
    public static MicroNegotiator Micro() => new();
}
