using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Cli.Output;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Web.Scenarios;

namespace Parley.Web.Api;

/// <summary><c>/api/scenarios/{name}/report.html</c>: the analyst's report on a scenario at one date, as <c>parley report</c> writes it.</summary>
internal static class ReportEndpoints
{
    /// <summary>Reports are exact analysis plus seeded runs: the same request always gives the same page, so each is built once.</summary>
    private static readonly ConcurrentDictionary<(string Name, string At), Lazy<string>> Built = new();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scenarios/{name}/report.html", (string name, string? at, ScenarioCatalog catalog) =>
        {
            if (catalog.Find(name) is null) return Problems.NotFound($"no scenario called '{Runs.RunService.Shorten(name)}'; GET /api/scenarios lists them");
            DateOnly? date = null;
            double time = 0;
            if (!string.IsNullOrEmpty(at))
            {
                if (DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
                else if (double.TryParse(at, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) && t is >= 0 and <= 1) time = t;
                else return Problems.BadRequest($"at: '{Runs.RunService.Shorten(at)}' is neither a date (YYYY-MM-DD) nor a normalised time in [0, 1]");
            }
            Scenario scenario;
            try { scenario = catalog.Read(name)!; }
            catch (ScenarioFormatException e) { return Problems.Unreadable($"scenario '{name}' cannot be read: {catalog.Redact(e.Message)}"); }
            var key = (name, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? time.ToString("R", CultureInfo.InvariantCulture));
            var lazy = Built.GetOrAdd(key, _ => new Lazy<string>(() => ReportDocument.From(ReportBuilder.Build(scenario, new ReportOptions(date, time, 0, true))).ToHtml()));
            try
            {
                return Results.Content(lazy.Value, "text/html; charset=utf-8");
            }
            catch (ArgumentException e)
            {
                Built.TryRemove(key, out _);
                return Problems.BadRequest(e.Message);
            }
        });
    }
}
