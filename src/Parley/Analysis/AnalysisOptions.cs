namespace Parley.Analysis;

/// <summary>Options for <see cref="ScenarioAnalyzer.Analyze"/>.</summary>
/// <param name="Seed">Seed for the randomised search used on spaces that cannot be enumerated (deterministic per seed).</param>
/// <param name="SearchEffort">Relative effort of that search, a positive number (1 = default, a few seconds at most on the ANAC 2014 spaces); the number of search starts scales with it.</param>
/// <param name="MaxPoints">Most frontier points listed in <see cref="ParetoFrontier.Points"/> (0 or more; default
/// <see cref="DefaultMaxPoints"/>). A larger frontier is listed as that many points spread evenly along it, both extremes
/// and the bargaining solutions included; the solutions are always computed over the whole frontier.</param>
public sealed record AnalysisOptions(int Seed = 0, double SearchEffort = 1.0, int MaxPoints = AnalysisOptions.DefaultMaxPoints)
{
    /// <summary>Default of <see cref="MaxPoints"/>.</summary>
    public const int DefaultMaxPoints = 10_000;

    /// <summary>The default <see cref="Budget"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wall-time budget of the exact branch-and-bound frontier (hyper-rectangle and mixed profiles); null for none. When
    /// it runs out the best frontier found is returned, not proven complete, with a certified <see cref="ParetoFrontier.Gap"/>.
    /// </summary>
    public TimeSpan? Budget { get; init; } = DefaultBudget;

    /// <summary>Largest number of search nodes of the branch-and-bound frontier (null for no limit); a deterministic alternative to <see cref="Budget"/>.</summary>
    public long? NodeLimit { get; init; }

    /// <summary>The clock the <see cref="Budget"/> is measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless every option is in range.</summary>
    internal void Validate()
    {
        if (!double.IsFinite(SearchEffort) || SearchEffort <= 0)
            throw new ArgumentOutOfRangeException(nameof(SearchEffort), SearchEffort, "SearchEffort must be a positive number (1 = default).");
        if (MaxPoints < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxPoints), MaxPoints, "MaxPoints must be 0 or more.");
        if (Budget is { } budget && budget <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Budget), budget, "Budget must be a positive duration (or null for none).");
        if (NodeLimit is < 1)
            throw new ArgumentOutOfRangeException(nameof(NodeLimit), NodeLimit, "NodeLimit must be at least 1 (or null for none).");
        ArgumentNullException.ThrowIfNull(Clock);
    }
}
