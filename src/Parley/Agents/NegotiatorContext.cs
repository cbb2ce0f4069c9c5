using Parley.Outcomes;
using Parley.Preferences;
using Parley.Protocols.Sao;

namespace Parley.Agents;

/// <summary>
/// What a negotiator may know: its own profile (never anyone else's), the outcome space, the table, the deadline, the
/// history of actions (without utilities) and its own seed. One per party per negotiation.
/// </summary>
public sealed class NegotiatorContext
{
    /// <summary>Creates a context; the engine does this, tests may too.</summary>
    public NegotiatorContext(int partyIndex, int partyCount, Profile profile, OfferHistory history, SaoOptions options, int seed, UtilityIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        PartyIndex = partyIndex;
        PartyCount = partyCount;
        Profile = profile;
        History = history;
        Options = options;
        Seed = seed;
        Index = index ?? UtilityIndex.For(profile.Utility);
        Random = new Random(seed);
    }

    /// <summary>This party's index in table order.</summary>
    public int PartyIndex { get; }

    /// <summary>Number of parties at the table.</summary>
    public int PartyCount { get; }

    /// <summary>This party's own preferences.</summary>
    public Profile Profile { get; }

    /// <summary>The outcome space.</summary>
    public OutcomeSpace Space => Profile.Utility.Space;

    /// <summary>A fast index of this party's own utility (shared read-only across negotiations).</summary>
    public UtilityIndex Index { get; }

    /// <summary>All actions so far, without utilities.</summary>
    public OfferHistory History { get; }

    /// <summary>The protocol options (deadlines).</summary>
    public SaoOptions Options { get; }

    /// <summary>This negotiator's seed, derived from the session seed and the party index.</summary>
    public int Seed { get; }

    /// <summary>A random source seeded with <see cref="Seed"/>; the only randomness a negotiator should use.</summary>
    public Random Random { get; }

    /// <summary>The undiscounted reserved value at normalised time <paramref name="t"/>.</summary>
    public double ReservedValue(double t) => Profile.ReservedValue.At(t);

    /// <summary>This party's undiscounted utility of <paramref name="outcome"/>.</summary>
    public double Utility(Outcome outcome) => Index.Utility(outcome);
}
