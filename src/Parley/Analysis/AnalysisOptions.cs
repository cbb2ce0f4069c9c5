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

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <see cref="SearchEffort"/> is a positive finite number and <see cref="MaxPoints"/> is not negative.</summary>
    internal void Validate()
    {
        if (!double.IsFinite(SearchEffort) || SearchEffort <= 0)
            throw new ArgumentOutOfRangeException(nameof(SearchEffort), SearchEffort, "SearchEffort must be a positive number (1 = default).");
        if (MaxPoints < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxPoints), MaxPoints, "MaxPoints must be 0 or more.");
    }
}
