using System.Diagnostics.CodeAnalysis;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>A built-in negotiator's registry name and a one-line description (for --help).</summary>
public sealed record NegotiatorInfo(string Name, string Description);

/// <summary>Resolves built-in negotiators by name (case-insensitive), e.g. for the command line.</summary>
public static class NegotiatorRegistry
{
    private static readonly (NegotiatorInfo Info, Func<INegotiator> Create)[] Entries =
    [
        (new("boulware", "Time-dependent, e = 0.2: concedes late; AC_next."), Negotiators.Boulware),
        (new("linear", "Time-dependent, e = 1: concedes linearly in time; AC_next."), Negotiators.Linear),
        (new("conceder", "Time-dependent, e = 2: concedes early; AC_next."), Negotiators.Conceder),
        (new("hardliner", "Never concedes: always offers its best outcome; accepts only offers as good."), Negotiators.Hardliner),
        (new("titfortat", "Relative tit-for-tat: mirrors the opponents' concession in its own utility; AC_next."), Negotiators.TitForTat),
        (new("hardheaded", "Boulware target (e = 0.1); a frequency opponent model picks the bid opponents like best near it; AC_next."), Negotiators.HardHeaded),
        (new("random", "Seeded random offers above its reserved value; AC_next."), Negotiators.Random),
        (new("nice", "Offers its best outcome; accepts any offer at least its reserved value."), Negotiators.Nice),
        (new("micro", "MiCRO: concedes one outcome for each new distinct opponent offer."), Negotiators.Micro),
    ];

    /// <summary>Every built-in negotiator, in a fixed order.</summary>
    public static IReadOnlyList<NegotiatorInfo> Available { get; } = Entries.Select(e => e.Info).ToArray();

    /// <summary>Prefix of the parameterised time-dependent name: <c>timedependent:E</c> with concession exponent E ≥ 0.</summary>
    public const string TimeDependentPrefix = "timedependent:";

    /// <summary>
    /// A new instance of the negotiator called <paramref name="name"/> (case-insensitive; also
    /// <c>timedependent:E</c> for any exponent E ≥ 0, e.g. <c>timedependent:0.5</c>), or false.
    /// </summary>
    public static bool TryCreate(string name, [NotNullWhen(true)] out INegotiator? negotiator)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        foreach (var (info, create) in Entries)
        {
            if (string.Equals(info.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                negotiator = create();
                return true;
            }
        }
        if (trimmed.StartsWith(TimeDependentPrefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(trimmed.AsSpan(TimeDependentPrefix.Length), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out double e)
            && e >= 0 && double.IsFinite(e))
        {
            negotiator = Negotiators.TimeDependent(e);
            return true;
        }
        negotiator = null;
        return false;
    }

    /// <summary>A new instance of the negotiator called <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names when unknown.</summary>
    public static INegotiator Create(string name) =>
        TryCreate(name, out var negotiator)
            ? negotiator
            : throw new ArgumentException($"Unknown negotiator '{name}'. Available: {string.Join(", ", Available.Select(a => a.Name))}, or {TimeDependentPrefix}E for a concession exponent E ≥ 0.", nameof(name));
}
