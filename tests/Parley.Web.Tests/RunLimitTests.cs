using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Parley.Plots;
using Parley.Web.Runs;

namespace Parley.Web.Tests;

/// <summary>Concurrent runs are limited: with every slot taken, a new run is refused with 429 and a message, and is accepted again once one finishes.</summary>
public sealed class RunLimitTests
{
    [Fact]
    public async Task Run_AllSlotsBusy_Is429ThenAcceptedWhenOneFinishes()
    {
        var gate = new ManualResetEventSlim();
        var blocking = new RunProtocol("sao", "held until the test lets it go", (scenario, names, rounds, seed, limit) =>
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            var record = new RunRecord(scenario.Name, null, [.. scenario.Principals.Select(p => p.Name)], [], null, 0, 0, "timedOut");
            return new FinishedRun(record, [.. names], null, null);
        });
        var options = ViewerFixture.Options(TestPaths.Scenarios) with { MaxConcurrentRuns = 1 };
        await using var app = ViewerServer.Build(options, [blocking]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var request = new { scenario = "Laptop", negotiators = new[] { "boulware" }, rounds = 10 };

        var noDatabase = await http.GetAsync("/api/tournament");
        Assert.Equal(HttpStatusCode.NotFound, noDatabase.StatusCode);
        Assert.Contains("--db", await noDatabase.Content.ReadAsStringAsync());

        var first = await http.PostAsJsonAsync("/api/runs", request);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await http.PostAsJsonAsync("/api/runs", request);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.Contains("already running", await second.Content.ReadAsStringAsync());

        gate.Set();
        string resultUrl = (await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("result").GetString()!;
        var finished = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(resultUrl);
        Assert.Equal("timedOut", finished.GetProperty("status").GetString());
        var again = await http.PostAsJsonAsync("/api/runs", request);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
