using System.Globalization;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Plots;
using Parley.Scenarios;
using Parley.Web.Scenarios;

namespace Parley.Web.Api;

/// <summary>The JSON shapes of scenarios in the API (see docs/api.md). Utilities that are not finite are written as null.</summary>
internal static class ScenarioJson
{
    public static object Summary(string name, Scenario scenario) => new
    {
        name,
        title = scenario.Name,
        description = scenario.Description,
        outcomeCount = scenario.Space.Cardinality?.ToString(CultureInfo.InvariantCulture),
        issues = scenario.Space.IssueCount,
        parties = scenario.Parties.Select(p => new { name = p.Name, role = Role(p) }),
    };

    public static object Detail(CatalogScenario entry)
    {
        var (name, scenario, analysis, _) = entry;
        var space = scenario.Space;
        return new
        {
            name,
            title = scenario.Name,
            description = scenario.Description,
            outcomeCount = space.Cardinality?.ToString(CultureInfo.InvariantCulture),
            issues = space.Issues.Select(i => new
            {
                name = i.Name,
                values = i.Cardinality?.ToString(CultureInfo.InvariantCulture),
                examples = i.IsEnumerable ? Enumerable.Range(0, Math.Min(i.ValueCount, 12)).Select(i.FormatValue) : [],
            }),
            parties = scenario.Parties.Select(p => new
            {
                name = p.Name,
                role = Role(p),
                reservedValue = Finite(p.Profile.ReservedValue.Initial),
                reservedValueCurve = p.Profile.ReservedValue.IsConstant ? null : p.Profile.ReservedValue.Points.Select(v => new { t = v.Time, value = v.Value, source = v.Source }),
                discountFactor = p.Profile.DiscountFactor,
                source = p.Source,
                positionSources = p.PositionSources,
            }),
            warnings = scenario.Warnings,
            dates = scenario.Timeline.IsDated
                ? new { start = scenario.Timeline.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), deadline = scenario.Timeline.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                : null,
            report = $"/api/scenarios/{Uri.EscapeDataString(name)}/report.html",
            analysis = Analysis(entry),
        };
    }

    /// <summary>The analysis of a scenario: method, frontier size and exactness, Nash, Kalai–Smorodinsky and max-welfare points.</summary>
    public static object Analysis(CatalogScenario entry)
    {
        var (_, scenario, analysis, _) = entry;
        var space = scenario.Space;
        return new
        {
            method = analysis.Method,
            principals = scenario.Principals.Select(p => p.Name),
            frontier = new { exact = analysis.Frontier.Exact, points = analysis.Frontier.PointCount.ToString(CultureInfo.InvariantCulture) },
            nash = Point(space, analysis.Nash),
            kalaiSmorodinsky = Point(space, analysis.KalaiSmorodinsky),
            maxWelfare = Point(space, analysis.MaxWelfare),
        };
    }

    public static object Plane(DealSpace plane) => new
    {
        xParty = plane.XParty,
        yParty = plane.YParty,
        outcomeCount = plane.OutcomeCount?.ToString(CultureInfo.InvariantCulture),
        sampled = plane.Sampled,
        outcomes = plane.Outcomes.Select(Pair),
        frontier = plane.Frontier.Select(Pair),
        frontierExact = plane.FrontierExact,
        frontierProjected = plane.FrontierProjected,
        nash = plane.Nash is { } n ? Pair(n) : null,
        kalaiSmorodinsky = plane.KalaiSmorodinsky is { } k ? Pair(k) : null,
        reserved = Pair(plane.Reserved),
    };

    private static double?[] Pair(PlanePoint p) => [Finite(Math.Round(p.X, 4)), Finite(Math.Round(p.Y, 4))];

    private static object? Point(OutcomeSpace space, DealPoint? point) => point is null ? null : new
    {
        utilities = point.Utilities.Select(Finite),
        outcome = space.Describe(point.Values.AsSpan()).ToDictionary(kv => kv.Key, kv => kv.Value),
    };

    private static string Role(Party p) => p.Role == PartyRole.Mediator ? "mediator" : "principal";

    internal static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
