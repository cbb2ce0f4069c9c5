using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Agents.Negotiators;
using Parley.Plots;
using Parley.Web.Runs;

namespace Parley.Web.Api;

/// <summary>
/// <c>/api/runs</c>: start a negotiation, watch its offers arrive as server-sent events, read its result; and the
/// negotiators and protocols a run can use.
/// </summary>
internal static class RunEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/negotiators", (string? protocol) => Results.Json(RunProtocols.Negotiators(protocol ?? "sao").Select(a => new { name = a.Name, description = a.Description })));
        app.MapGet("/api/protocols", (RunService runs) => Results.Json(runs.Protocols.Select(p => new { name = p.Name, description = p.Description })));
        app.MapPost("/api/runs", async (HttpRequest http, RunService runs) =>
        {
            RunRequest? request;
            try { request = await http.ReadFromJsonAsync<RunRequest>(Json, http.HttpContext.RequestAborted); }
            catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return Problems.BadRequest("expected a JSON body: {\"scenario\": …, \"negotiators\": […], \"rounds\": …, \"seed\": …}");
            }
            var (run, refusal) = runs.Start(request);
            if (refusal is not null) return Problems.Status(refusal.Status, refusal.Message);
            return Results.Json(new { id = run!.Id, events = $"/api/runs/{run.Id}/events", result = $"/api/runs/{run.Id}" }, statusCode: 201);
        });
        app.MapGet("/api/runs/{id}", async (string id, RunService runs, CancellationToken abort) =>
        {
            if (runs.Find(id) is not { } run) return Problems.NotFound($"no run '{RunService.Shorten(id)}' (runs are kept while the server runs, the latest {runs.Options.KeptRuns})");
            try { return Results.Json(Result(run, await run.Completion.WaitAsync(abort))); }
            catch (RunRefusedException e) { return Problems.BadRequest(e.Message); }
        });
        app.MapGet("/api/runs/{id}/events", async (string id, HttpContext http, RunService runs) =>
        {
            if (runs.Find(id) is not { } run) return Problems.NotFound($"no run '{RunService.Shorten(id)}'");
            await Stream(http, run, runs.Options);
            return Results.Empty;
        });
    }

    /// <summary>The run's transcript as server-sent events (<c>offer</c> …, then <c>result</c>), paced so it can be watched.</summary>
    private static async Task Stream(HttpContext http, RunState run, ViewerOptions options)
    {
        var abort = http.RequestAborted;
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.FlushAsync(abort);
        FinishedRun finished;
        try { finished = await run.Completion.WaitAsync(abort); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Send(http, "failure", new { message = e is RunRefusedException ? e.Message : "the negotiation failed: " + e.Message }, abort);
            return;
        }
        var entries = Thin(finished.Record.Entries, options.MaxStreamedEntries);
        var pause = entries.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(options.StreamDuration.Ticks / entries.Count, TimeSpan.FromMilliseconds(50).Ticks));
        foreach (var (index, entry) in entries)
        {
            await Send(http, "offer", new
            {
                index, round = entry.Round, time = Math.Round(entry.Time, 4), actor = entry.Actor, action = entry.Action,
                utilities = entry.HasOutcome ? entry.Utilities.Select(u => ScenarioJson.Finite(Math.Round(u, 4))) : null,
                to = entry.Recipients.IsDefaultOrEmpty ? null : entry.Recipients[0],
            }, abort);
            if (pause > TimeSpan.Zero) await Task.Delay(pause, abort);
        }
        await Send(http, "result", Result(run, finished), abort);
    }

    private static object Result(RunState run, FinishedRun finished) => new
    {
        id = run.Id,
        scenario = run.Scenario,
        parties = finished.Record.Parties,
        negotiators = finished.Negotiators,
        status = finished.Record.Status,
        agreement = finished.Agreement?.ToDictionary(kv => kv.Key, kv => kv.Value),
        utilities = finished.Record.Agreement?.Select(ScenarioJson.Finite),
        rounds = finished.Record.Rounds,
        entries = finished.Record.Entries.Length,
        failure = finished.Failure,
    };

    /// <summary>At most <paramref name="max"/> entries spread evenly over the transcript, the last ones always included.</summary>
    internal static IReadOnlyList<(int Index, RunEntry Entry)> Thin(IReadOnlyList<RunEntry> entries, int max)
    {
        if (entries.Count <= max) return [.. entries.Select((e, i) => (i, e))];
        var chosen = new SortedSet<int>();
        for (int k = 0; k < max - 2; k++) chosen.Add((int)((long)k * (entries.Count - 2) / (max - 2)));
        chosen.Add(entries.Count - 2);
        chosen.Add(entries.Count - 1);
        return [.. chosen.Select(i => (i, entries[i]))];
    }

    private static async Task Send(HttpContext http, string type, object data, CancellationToken abort)
    {
        await http.Response.WriteAsync($"event: {type}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", abort);
        await http.Response.Body.FlushAsync(abort);
    }
}
