using System.Diagnostics.CodeAnalysis;
using Parley.Agents.Negotiators;
using Parley.Parties;

namespace Parley.Agents.Mediators;

/// <summary>Resolves built-in single-text mediators by name (case-insensitive), e.g. for the command line.</summary>
public static class MediatorRegistry
{
    private static readonly (NegotiatorInfo Info, Func<ITextMediator> Create)[] Entries =
    [
        (new("hillclimber", "Klein-style hill climbing: changes one or two issues of the text, keeps a change only when no principal vetoes it."), () => new HillClimbingMediator()),
        (new("logrolling", "Hill climbing that remembers each principal's vetoes (issues taken as independent) and trades a change one side vetoed for one the other vetoed; puts the text for agreement once no change or trade improves it."), () => new LogrollingMediator()),
        (new("nash", "Climbs like the hill climber but tries first the changes on the issues objected to by the principal who vetoed most; at a local optimum moves the text toward those who reject it: steers to a balanced (Nash-like) deal."), () => new NashSeekingMediator()),
        (new("staked", "Has its own stake α (from the scenario): starts from its favourite text and proposes the changes it prefers, with probability α a random one."), () => new StakedMediator()),
    ];

    /// <summary>Every built-in mediator, in a fixed order.</summary>
    public static IReadOnlyList<NegotiatorInfo> Available { get; } = Entries.Select(e => e.Info).ToArray();

    /// <summary>A new instance of the mediator called <paramref name="name"/>, or false.</summary>
    public static bool TryCreate(string name, [NotNullWhen(true)] out ITextMediator? mediator)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (info, create) in Entries)
        {
            if (string.Equals(info.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mediator = create();
                return true;
            }
        }
        mediator = null;
        return false;
    }

    /// <summary>A new instance of the mediator called <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names when unknown.</summary>
    public static ITextMediator Create(string name) =>
        TryCreate(name, out var mediator)
            ? mediator
            : throw new ArgumentException($"Unknown single-text mediator '{name}'. Available: {string.Join(", ", Available.Select(a => a.Name))}.", nameof(name));
}
