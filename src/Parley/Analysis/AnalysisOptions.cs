namespace Parley.Analysis;

/// <summary>Options for <see cref="ScenarioAnalyzer.Analyze"/>.</summary>
/// <param name="Seed">Seed for the randomised search used on spaces that cannot be enumerated (deterministic per seed).</param>
/// <param name="SearchEffort">Relative effort of that search, a positive number (1 = default, a few seconds at most on the ANAC 2014 spaces); the number of search starts scales with it.</param>
public sealed record AnalysisOptions(int Seed = 0, double SearchEffort = 1.0)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <see cref="SearchEffort"/> is a positive finite number.</summary>
    internal void Validate()
    {
        if (!double.IsFinite(SearchEffort) || SearchEffort <= 0)
            throw new ArgumentOutOfRangeException(nameof(SearchEffort), SearchEffort, "SearchEffort must be a positive number (1 = default).");
    }
}
