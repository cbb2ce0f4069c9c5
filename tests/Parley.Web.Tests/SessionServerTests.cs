using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Parley.Web.Runs;
using Parley.Web.Sessions;

namespace Parley.Web.Tests;

/// <summary>
/// Sessions as an experimenter runs them on a server of their own: set up from a condition file, recorded in the results
/// database as they happen, many at once (and no more than allowed), an abandoned seat walking away after its timeout.
/// </summary>
public sealed class SessionServerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-sessions-").FullName;
    private WebApplication? _app;
    private HttpClient _http = null!;

    private string Database => Path.Combine(_folder, "results.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "conditions"));
        File.WriteAllText(Path.Combine(_folder, "conditions", "boulware-20.yaml"), """
            description: a person as Zimbabwe against Boulware, 20 rounds, no analysis
            scenario: EnglandZimbabwe
            protocol: sao
            seats: {England: boulware, Zimbabwe: human}
            rounds: 20
            seed: 4
            seatTimeoutSeconds: 120
            """);
        File.WriteAllText(Path.Combine(_folder, "conditions", "broken.yaml"), "scenario: EnglandZimbabwe\nsurprise: 1\n");
        var options = ViewerFixture.Options(TestPaths.Scenarios) with
        {
            Sessions = new SessionSettings { ConditionsFolder = Path.Combine(_folder, "conditions"), Database = Database, MaxSessions = 12 },
        };
        _app = ViewerServer.Build(options, RunProtocols.All);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private SessionRecorder Recorder => _app!.Services.GetRequiredService<SessionService>().Recorder!;

    [Fact]
    public async Task Condition_SetsTheSessionUp_AndEveryActionIsRecordedWithItsTime()
    {
        Assert.Equal(["boulware-20", "broken"], (await _http.GetFromJsonAsync<string[]>("/api/conditions"))!);
        var created = await SessionApiTests.Create(_http, new { condition = "boulware-20" });
        string id = created.GetProperty("id").GetString()!;
        string token = SessionApiTests.Token(created, "Zimbabwe");
        var state = await SessionApiTests.State(_http, id, token, s => s.GetProperty("yourTurn").GetBoolean());
        Assert.Equal(20, state.GetProperty("deadline").GetProperty("rounds").GetInt32());
        Assert.Equal(120, state.GetProperty("deadline").GetProperty("seatTimeoutSeconds").GetDouble());
        Assert.False(state.GetProperty("analyst").GetBoolean());
        var best = state.GetProperty("you").GetProperty("best");
        await _http.PostAsJsonAsync($"/api/sessions/{id}/events", new { token, kind = "view", detail = "history" });
        var edit = await (await _http.PostAsJsonAsync($"/api/sessions/{id}/events", new { token, kind = "edit", outcome = best })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1.0, edit.GetProperty("utility").GetDouble(), 4);
        Assert.Empty(edit.GetProperty("redLines").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsJsonAsync($"/api/sessions/{id}/actions", new { token, action = "offer", outcome = best })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsJsonAsync($"/api/sessions/{id}/actions", new { token, action = "accept" })).StatusCode);
        await SessionApiTests.State(_http, id, token, s => s.GetProperty("status").GetString() != "running");

        // The database holds the session, how it ended, and every action in order with its time: the person's and the engine's.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Recorder.Stored(id).Status is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal("agreed", Recorder.Stored(id).Status);
        var actions = Recorder.Actions(id);
        Assert.Equal(Enumerable.Range(0, actions.Count), actions.Select(a => a.Seq));
        Assert.Contains(actions, a => a is { Source: "person", Kind: "created" } && a.Detail!.Contains("seed 4", StringComparison.Ordinal));
        Assert.Contains(actions, a => a is { Source: "person", Kind: "view", Detail: "history" });
        Assert.Contains(actions, a => a is { Source: "person", Kind: "edit" } && a.Outcome!.Contains("Size of Fund="));
        Assert.Contains(actions, a => a is { Source: "person", Kind: "move", Detail: "accept" });
        var engine = actions.Where(a => a.Source == "engine").ToArray();
        Assert.Equal(["offer", "offer", "offer", "accept"], engine.Select(a => a.Kind));
        Assert.All(actions, a => Assert.True(a.AtUtc > DateTimeOffset.UtcNow.AddMinutes(-5)));
        var export = await _http.GetFromJsonAsync<JsonElement>(created.GetProperty("export").GetString()!);
        Assert.Equal("boulware-20", export.GetProperty("condition").GetString());
        Assert.Equal(engine.Length, export.GetProperty("transcript").GetArrayLength());

        var broken = await _http.PostAsJsonAsync("/api/sessions", new { condition = "broken" });
        Assert.Equal((HttpStatusCode)422, broken.StatusCode);
        Assert.Contains("unknown key 'surprise'", await broken.Content.ReadAsStringAsync());
        var unknown = await _http.PostAsJsonAsync("/api/sessions", new { condition = "../conditions/boulware-20" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task ManySessionsAtOnce_EachPlaysThrough_AndBeyondTheLimitIs429()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(k => SessionApiTests.Create(_http,
            new { scenario = "EnglandZimbabwe", seats = new Dictionary<string, string> { ["Zimbabwe"] = "human" }, rounds = 10, seed = k })));
        async Task<string> Play(JsonElement c)
        {
            string id = c.GetProperty("id").GetString()!, token = SessionApiTests.Token(c, "Zimbabwe");
            var state = await SessionApiTests.State(_http, id, token, s => s.GetProperty("yourTurn").GetBoolean());
            var best = state.GetProperty("you").GetProperty("best");
            for (int round = 0; round < 3; round++)
                state = await (await _http.PostAsJsonAsync($"/api/sessions/{id}/actions", new { token, action = "offer", outcome = best })).Content.ReadFromJsonAsync<JsonElement>();
            await _http.PostAsJsonAsync($"/api/sessions/{id}/actions", new { token, action = "accept" });
            return (await SessionApiTests.State(_http, id, token, s => s.GetProperty("status").GetString() != "running")).GetProperty("status").GetString()!;
        }
        Assert.All(await Task.WhenAll(created.Select(Play)), status => Assert.Equal("agreed", status));

        // 12 at most: 12 running sessions are accepted, the 13th is refused until one ends.
        var held = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _http.PostAsJsonAsync("/api/sessions",
            new { scenario = "Laptop", seats = new Dictionary<string, string> { ["laptop_buyer_utility"] = "human" }, rounds = 10 })));
        Assert.All(held, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var refused = await _http.PostAsJsonAsync("/api/sessions", new { scenario = "Laptop", seats = new Dictionary<string, string> { ["laptop_buyer_utility"] = "human" }, rounds = 10 });
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var first = await held[0].Content.ReadFromJsonAsync<JsonElement>();
        string firstId = first.GetProperty("id").GetString()!, firstToken = SessionApiTests.Token(first, "laptop_buyer_utility");
        var s0 = await SessionApiTests.State(_http, firstId, firstToken, s => s.GetProperty("yourTurn").GetBoolean());
        await _http.PostAsJsonAsync($"/api/sessions/{firstId}/actions", new { token = firstToken, action = "offer", outcome = s0.GetProperty("you").GetProperty("best") });
        await _http.PostAsJsonAsync($"/api/sessions/{firstId}/actions", new { token = firstToken, action = "walkaway" });
        await SessionApiTests.State(_http, firstId, firstToken, s => s.GetProperty("status").GetString() != "running");
        var again = await _http.PostAsJsonAsync("/api/sessions", new { scenario = "Laptop", seats = new Dictionary<string, string> { ["laptop_buyer_utility"] = "human" }, rounds = 10 });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task AbandonedSeat_WalksAwayAfterItsTimeout()
    {
        var created = await SessionApiTests.Create(_http, new { scenario = "EnglandZimbabwe", seats = new Dictionary<string, string> { ["Zimbabwe"] = "human" }, rounds = 10, seatTimeoutSeconds = 1 });
        string id = created.GetProperty("id").GetString()!, token = SessionApiTests.Token(created, "Zimbabwe");
        var state = await SessionApiTests.State(_http, id, token, s => s.GetProperty("status").GetString() != "running");
        Assert.Equal("walkedAway", state.GetProperty("status").GetString());
        Assert.Equal("Zimbabwe", state.GetProperty("result").GetProperty("walkedAwayBy").GetString());
        var export = await _http.GetFromJsonAsync<JsonElement>(created.GetProperty("export").GetString()!);
        Assert.Equal("walkaway", export.GetProperty("moves").GetProperty("Zimbabwe")[0].GetProperty("action").GetString());
    }
}
