using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>Options for <see cref="ScenarioAnalyzer.Analyze"/>.</summary>
/// <param name="Seed">Seed for the randomised search used on spaces that cannot be enumerated (deterministic per seed).</param>
/// <param name="SearchEffort">Relative effort of that search (1 = default, well under 10 s on the ANAC 2014 spaces).</param>
public sealed record AnalysisOptions(int Seed = 0, double SearchEffort = 1.0);

/// <summary>Computes the deal-space analysis of a scenario: frontier, Nash, Kalai–Smorodinsky and max-welfare points.</summary>
public static class ScenarioAnalyzer
{
    /// <summary>
    /// Analyses <paramref name="scenario"/> over its principals' utilities (party order of the scenario), using reserved values at t = 0.
    /// </summary>
    public static AnalysisReport Analyze(Scenario scenario, AnalysisOptions? options = null) =>
        throw new NotImplementedException("ScenarioAnalyzer.Analyze is being implemented on the analysis branch.");
}
