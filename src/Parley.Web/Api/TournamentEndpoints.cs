using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Plots;
using Parley.Tournaments.Reports;
using Parley.Tournaments.Storage;

namespace Parley.Web.Api;

/// <summary><c>/api/tournament</c>: the leaderboard, per-scenario summary and pairwise table of the results database given with <c>--db</c>.</summary>
internal static class TournamentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tournament", (ViewerOptions options) => WithReport(options, report => Results.Json(Json(report))));
        app.MapGet("/api/tournament/plot.svg", (ViewerOptions options) => WithReport(options, report =>
        {
            var buffer = new MemoryStream();
            ChartFile.Write(buffer, svg: true, Math.Max(1000, 160 * report.Leaderboard.Count), 650, LeaderboardChart.Build(report));
            return Results.Bytes(buffer.ToArray(), "image/svg+xml");
        }));
    }

    private static IResult WithReport(ViewerOptions options, Func<TournamentReport, IResult> found)
    {
        if (options.ResultsDatabase is not { } db) return Problems.NotFound("no results database: start the viewer with 'parley serve --db results.db' (written by 'parley tournament run')");
        try
        {
            using var store = TournamentStore.OpenSqlite(db, readOnly: true);
            if (store.Find() is not { } stored) return Problems.NotFound($"{Path.GetFileName(db)} holds no tournament yet");
            return found(TournamentReport.Build(stored, store.ReadResults(stored.Id)));
        }
        catch (StoreException)
        {
            return Problems.Unreadable($"{Path.GetFileName(db)} cannot be read as a Parley results database");
        }
    }

    private static object Json(TournamentReport report)
    {
        int k = report.PairwiseNames.Count;
        return new
        {
            tournament = report.Tournament,
            planned = report.Planned,
            stored = report.Stored,
            leaderboard = report.Leaderboard.Select(r => new
            {
                name = r.Name, negotiations = r.Negotiations, meanUtility = ScenarioJson.Finite(r.MeanUtility), ci95 = ScenarioJson.Finite(r.Ci95),
                agreementRate = r.AgreementRate, meanDistanceToPareto = r.MeanDistanceToPareto, meanDistanceToNash = r.MeanDistanceToNash,
                meanWelfare = ScenarioJson.Finite(r.MeanWelfare), failures = r.Failures,
            }),
            scenarios = report.Scenarios.Select(s => new
            {
                name = s.Name, negotiations = s.Negotiations, agreementRate = s.AgreementRate, meanWelfare = ScenarioJson.Finite(s.MeanWelfare),
                meanDistanceToPareto = s.MeanDistanceToPareto, failures = s.Failures, best = s.Best,
            }),
            pairwise = new
            {
                names = report.PairwiseNames,
                winRate = Enumerable.Range(0, k).Select(a => Enumerable.Range(0, k).Select(b => ScenarioJson.Finite(report.WinRate[a, b]))),
                encounters = Enumerable.Range(0, k).Select(a => Enumerable.Range(0, k).Select(b => report.Encounters[a, b])),
            },
        };
    }
}
