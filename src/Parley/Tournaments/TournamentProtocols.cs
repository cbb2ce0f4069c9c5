using System.Diagnostics.CodeAnalysis;

namespace Parley.Tournaments;

/// <summary>The one place that maps a tournament's protocol name to the code that runs one negotiation.</summary>
public static class TournamentProtocols
{
    /// <summary>Protocol names a tournament file may give.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sao", "single-text", "shuttle"];

    /// <summary>The protocol for <paramref name="settings"/>, or false when its name is unknown.</summary>
    public static bool TryResolve(ProtocolSettings settings, [NotNullWhen(true)] out ITournamentProtocol? protocol)
    {
        ArgumentNullException.ThrowIfNull(settings);
        protocol = settings.Name.ToLowerInvariant() switch
        {
            "sao" => new SaoTournamentProtocol(settings),
            "single-text" or "shuttle" => new MediatedTournamentProtocol(settings),
            _ => null,
        };
        return protocol is not null;
    }

    /// <summary>The protocol for <paramref name="settings"/>; throws <see cref="ArgumentException"/> when unknown.</summary>
    public static ITournamentProtocol Resolve(ProtocolSettings settings) =>
        TryResolve(settings, out var p) ? p : throw new ArgumentException($"Unknown protocol '{settings.Name}'; expected one of: {string.Join(", ", Names)}.");
}
