using System.Collections.Immutable;

namespace Parley.Scenarios;

/// <summary>
/// A reference package worth evaluating by name (a draft, a proposal on the table): one value index per issue.
/// </summary>
/// <param name="Name">The package's name, unique in the scenario (e.g. "Paris framework (28 Jan)").</param>
/// <param name="Values">One value index per issue, in issue order.</param>
public sealed record NamedPackage(string Name, ImmutableArray<int> Values)
{
    /// <summary>The date the package was put forward, if known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Where the package is reported (free text), or which of its values are modelling choices.</summary>
    public string? Source { get; init; }
}
