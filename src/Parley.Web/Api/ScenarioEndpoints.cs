using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Plots;
using Parley.Scenarios;
using Parley.Web.Scenarios;

namespace Parley.Web.Api;

/// <summary><c>/api/scenarios</c>: the catalog, one scenario with its analysis, its utility plane and its deal-space picture.</summary>
internal static class ScenarioEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scenarios");
        group.MapGet("/", (ScenarioCatalog catalog) => Results.Json(catalog.Entries().Select(e => Summary(catalog, e.Key))));
        group.MapGet("/{name}", (string name, ScenarioCatalog catalog) => With(catalog, name, entry => Results.Json(ScenarioJson.Detail(entry))));
        group.MapGet("/{name}/plane", (string name, ScenarioCatalog catalog) => With(catalog, name, entry =>
            entry.Plane is { } plane ? Results.Json(ScenarioJson.Plane(plane)) : Problems.NotFound($"scenario '{name}' has no utility plane: it needs two principals and a discrete outcome space")));
        group.MapGet("/{name}/plot.svg", (string name, ScenarioCatalog catalog) => Picture(catalog, name, svg: true));
        group.MapGet("/{name}/plot.png", (string name, ScenarioCatalog catalog) => Picture(catalog, name, svg: false));
    }

    private static object Summary(ScenarioCatalog catalog, string name)
    {
        try { return ScenarioJson.Summary(name, catalog.Read(name)!); }
        catch (ScenarioFormatException e) { return new { name, error = catalog.Redact(e.Message) }; }
    }

    private static IResult Picture(ScenarioCatalog catalog, string name, bool svg) => With(catalog, name, entry =>
    {
        if (entry.Plane is not { } plane) return Problems.NotFound($"scenario '{name}' has no utility plane: it needs two principals and a discrete outcome space");
        var buffer = new MemoryStream();
        ChartFile.Write(buffer, svg, 1000, 650, PlaneChart.DealSpace(plane));
        return Results.Bytes(buffer.ToArray(), svg ? "image/svg+xml" : "image/png");
    });

    /// <summary>Runs <paramref name="found"/> on the scenario called <paramref name="name"/>; 404 when there is none, 422 when it cannot be read.</summary>
    private static IResult With(ScenarioCatalog catalog, string name, Func<CatalogScenario, IResult> found)
    {
        try
        {
            return catalog.Load(name) is { } entry ? found(entry) : Problems.NotFound($"no scenario called '{Runs.RunService.Shorten(name)}'; GET /api/scenarios lists them");
        }
        catch (ScenarioFormatException e)
        {
            return Problems.Unreadable($"scenario '{name}' cannot be read: {catalog.Redact(e.Message)}");
        }
    }
}
