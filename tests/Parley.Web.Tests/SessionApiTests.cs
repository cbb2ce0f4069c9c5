using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Protocols;
using Parley.Agents.Interactive;
using Parley.Protocols.Interactive;
using Parley.Scenarios;

namespace Parley.Web.Tests;

/// <summary>
/// The session API (docs/api.md, "Sessions") through real HTTP, as a script playing a seat uses it: every status code
/// (201, 200, 400, 403, 404, 409, 422, never 500), a seat claimed once, and a whole negotiation played through the API
/// whose exported transcript equals the library run with the person's moves replayed.
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed class SessionApiTests(ViewerFixture viewer)
{
    private HttpClient Http => viewer.Http;

    private const string Buyer = "laptop_buyer_utility";
    private const string Seller = "laptop_seller_utility";

    internal static async Task<JsonElement> Create(HttpClient http, object request)
    {
        var response = await http.PostAsJsonAsync("/api/sessions", request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    internal static string Token(JsonElement created, string party) =>
        created.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("party").GetString() == party).GetProperty("token").GetString()!;

    internal static async Task<JsonElement> State(HttpClient http, string id, string token, Func<JsonElement, bool> until)
    {
        for (int i = 0; i < 200; i++)
        {
            var state = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}?token={token}");
            if (until(state)) return state;
            await Task.Delay(50);
        }
        throw new TimeoutException("the session did not reach the expected state");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Act(string id, object body)
    {
        var response = await Http.PostAsJsonAsync($"/api/sessions/{id}/actions", body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static Dictionary<string, string> Outcome(JsonElement o) => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public async Task Session_PlayedThroughTheApi_ExportEqualsTheLibraryRunWithTheMovesReplayed()
    {
        var created = await Create(Http, new { scenario = "EnglandZimbabwe", protocol = "sao", seats = new Dictionary<string, string> { ["England"] = "boulware", ["Zimbabwe"] = "human" }, rounds = 30, seed = 11 });
        string id = created.GetProperty("id").GetString()!;
        string token = Token(created, "Zimbabwe");
        var state = await State(Http, id, token, s => s.GetProperty("yourTurn").GetBoolean());
        Assert.Equal("respond", state.GetProperty("question").GetString());
        Assert.Equal(["offer", "accept", "walkaway"], state.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        var standing = state.GetProperty("standingOffer");
        Assert.Equal("England", standing.GetProperty("by").GetString());
        Assert.InRange(standing.GetProperty("utility").GetDouble(), 0, 1);
        var best = Outcome(state.GetProperty("you").GetProperty("best"));
        Assert.Equal(1.0, state.GetProperty("you").GetProperty("bestUtility").GetDouble(), 3);

        // Holds out with its best outcome for five rounds, then accepts.
        for (int round = 0; round < 30; round++)
        {
            if (state.GetProperty("status").GetString() != "running") break;
            var (status, next) = state.GetProperty("round").GetInt32() <= 5
                ? await Act(id, new { token, action = "offer", outcome = best })
                : await Act(id, new { token, action = "accept" });
            Assert.Equal(HttpStatusCode.OK, status);
            state = next;
        }
        state = await State(Http, id, token, s => s.GetProperty("status").GetString() != "running");
        Assert.Equal("agreed", state.GetProperty("status").GetString());
        Assert.Equal(state.GetProperty("result").GetProperty("utility").GetDouble(), state.GetProperty("history").EnumerateArray().Last(e => e.GetProperty("action").GetString() == "offer").GetProperty("utility").GetDouble(), 4);

        var export = await Http.GetFromJsonAsync<JsonElement>(created.GetProperty("export").GetString()!);
        Assert.Equal("agreed", export.GetProperty("status").GetString());
        var moves = export.GetProperty("moves").GetProperty("Zimbabwe").EnumerateArray().ToArray();
        Assert.Equal(6, moves.Length);
        Assert.All(export.GetProperty("log").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "move"), l => Assert.True(DateTimeOffset.TryParse(l.GetProperty("at").GetString(), out _)));

        // The same negotiation through the library, the person's moves replayed: the same transcript, entry for entry.
        var scenario = ScenarioLoader.Load(Path.Combine(TestPaths.Scenarios, "EnglandZimbabwe"));
        var setup = new InteractiveSetup { Scenario = scenario, Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], Rounds = 30, Seed = 11 };
        var space = setup.Table().Space;
        var replayed = setup.Replay(new Dictionary<int, IReadOnlyList<SeatMove>>
        {
            [1] = [.. moves.Select(m => new SeatMove(m.GetProperty("action").GetString() switch { "offer" => NegotiationAction.Offer, "accept" => NegotiationAction.Accept, _ => NegotiationAction.WalkAway },
                m.GetProperty("outcome").ValueKind == JsonValueKind.Object ? Encode(space, Outcome(m.GetProperty("outcome"))) : null))],
        });
        SessionBrowserTests.AssertSameTranscript(replayed, export);
        var transcript = export.GetProperty("transcript").EnumerateArray().ToArray();
        Assert.Equal(NegotiationStatus.Agreed, replayed.Status);

        var csv = await Http.GetStringAsync(created.GetProperty("export").GetString()! + "&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at,source,seat,kind,round,t,outcome,detail,utility_England,utility_Zimbabwe", lines[0]);
        Assert.Equal(transcript.Length, lines.Count(l => l.Split(',')[1] == "engine"));
        Assert.Contains(lines, l => l.Contains(",person,Zimbabwe,move:accept,", StringComparison.Ordinal));
    }

    internal static Parley.Outcomes.Outcome Encode(Parley.Outcomes.OutcomeSpace space, Dictionary<string, string> outcome) =>
        space.Encode([.. space.Issues.Select(i => i.IndexOf(outcome[i.Name]))]);

    [Fact]
    public async Task Session_StatusCodes_403_404_409_422_400()
    {
        var created = await Create(Http, new { scenario = "Laptop", protocol = "sao", seats = new Dictionary<string, string> { [Buyer] = "human", [Seller] = "human" }, rounds = 10 });
        string id = created.GetProperty("id").GetString()!;
        string buyer = Token(created, Buyer), seller = Token(created, Seller);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/sessions/nosuchsession?token={buyer}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync($"/api/sessions/{id}?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync($"/api/sessions/{id}")).StatusCode);
        var first = await State(Http, id, buyer, s => s.GetProperty("yourTurn").GetBoolean());
        Assert.Equal("propose", first.GetProperty("question").GetString());
        var sellerView = await Http.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}?token={seller}");
        Assert.False(sellerView.GetProperty("yourTurn").GetBoolean());
        Assert.Equal([Buyer], sellerView.GetProperty("waitingFor").EnumerateArray().Select(w => w.GetString()));
        var best = Outcome(first.GetProperty("you").GetProperty("best"));

        var (status, body) = await Act(id, new { token = "wrong", action = "offer", outcome = best });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await Act(id, new { token = seller, action = "offer", outcome = best });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("not your turn", body.GetProperty("detail").GetString());
        (status, body) = await Act(id, new { token = buyer, action = "accept" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("no offer on the table", body.GetProperty("detail").GetString());
        (status, body) = await Act(id, new { token = buyer, action = "offer", outcome = new Dictionary<string, string>(best) { [best.Keys.First()] = "no such value" } });
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("is not a value of issue", body.GetProperty("detail").GetString());
        (status, body) = await Act(id, new { token = buyer, action = "offer", outcome = best.Skip(1).ToDictionary() });
        Assert.Equal((HttpStatusCode)422, status);
        (status, body) = await Act(id, new { token = buyer, action = "offer" });
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("complete outcome", body.GetProperty("detail").GetString());
        (status, body) = await Act(id, new { token = buyer, action = "dance" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown action", body.GetProperty("detail").GetString());
        var garbage = await Http.PostAsync($"/api/sessions/{id}/actions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);

        (status, body) = await Act(id, new { token = buyer, action = "offer", outcome = best });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("yourTurn").GetBoolean());
        (status, body) = await Act(id, new { token = seller, action = "walkaway" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("walkedAway", body.GetProperty("status").GetString());
        (status, body) = await Act(id, new { token = buyer, action = "offer", outcome = best });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("ended", body.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync($"/api/sessions/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync($"/api/sessions/{id}/export?key={buyer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/sessions/nosuchsession/export?key=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync($"/api/sessions/{id}/analysis?token={buyer}")).StatusCode);
    }

    [Fact]
    public async Task Session_SeatClaimedOnce_SecondClaimRefused()
    {
        var created = await Create(Http, new { scenario = "Laptop", seats = new Dictionary<string, string> { [Seller] = "human" }, rounds = 10 });
        string id = created.GetProperty("id").GetString()!;
        string invite = created.GetProperty("seats")[0].GetProperty("invite").GetString()!;
        Assert.Contains(invite, created.GetProperty("seats")[0].GetProperty("link").GetString());
        var claim = await Http.PostAsJsonAsync($"/api/sessions/{id}/claim", new { invite });
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(Token(created, Seller), (await viewer.Json(claim)).GetProperty("token").GetString());
        var again = await Http.PostAsJsonAsync($"/api/sessions/{id}/claim", new { invite });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already been taken", (await viewer.Json(again)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.PostAsJsonAsync($"/api/sessions/{id}/claim", new { invite = "guess" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsJsonAsync("/api/sessions/none/claim", new { invite })).StatusCode);
    }

    [Theory]
    [InlineData("""{"scenario":"Atlantis","seats":{"laptop_buyer_utility":"human"},"rounds":10}""", "unknown scenario 'Atlantis'")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"human"},"rounds":10,"protocol":"auction"}""", "unknown protocol 'auction'")]
    [InlineData("""{"scenario":"Laptop","seats":{"Pirate":"human"},"rounds":10}""", "no party 'Pirate'")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"boulware"},"rounds":10}""", "no seat is \"human\"")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"human","laptop_seller_utility":"superagent"},"rounds":10}""", "superagent")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"human"},"rounds":0}""", "rounds must be between")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"human"}}""", "give a deadline")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"human"},"minutes":-1}""", "minutes must be")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":5},"rounds":10}""", "expected \"human\" or a negotiator")]
    [InlineData("""{"scenario":"Laptop","rounds":10}""", "seats are missing")]
    [InlineData("""{"scenario":"Laptop","seats":{"laptop_buyer_utility":"human"},"rounds":10,"condition":"c1"}""", "no experiment conditions")]
    [InlineData("""[1,2]""", "expected a JSON body")]
    public async Task Session_BadCreate_Is400WithAClearMessage(string body, string expected)
    {
        var response = await Http.PostAsync("/api/sessions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await viewer.Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Shuttle_MediatorAlongAMissingChannel_Is422()
    {
        var created = await Create(Http, new { scenario = "cairo-2024", protocol = "shuttle", seats = new Dictionary<string, string> { ["United States"] = "human" }, rounds = 20 });
        string id = created.GetProperty("id").GetString()!;
        string token = Token(created, "United States");
        var state = await State(Http, id, token, s => s.GetProperty("yourTurn").GetBoolean());
        var channels = state.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var parties = state.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        string missing = parties.First(p => p != "United States" && !channels.Contains(p));
        string present = channels[0];
        var text = state.GetProperty("issues").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("values")[0].GetString()!);
        var (status, body) = await Act(id, new { token, action = "propose", outcome = text, to = missing });
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("no channel", body.GetProperty("detail").GetString());
        (status, body) = await Act(id, new { token, action = "offer", outcome = text, to = present });
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("a mediator sends relay, propose or object", body.GetProperty("detail").GetString());
        (status, _) = await Act(id, new { token, action = "propose", outcome = text, to = present });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("hardheaded")] // an ANAC agent (HardHeaded, ANAC 2011)
    [InlineData("titfortat")]
    public async Task Session_AgainstAnyBuiltInAgent_AsksThePerson(string agent)
    {
        var created = await Create(Http, new { scenario = "EnglandZimbabwe", seats = new Dictionary<string, string> { ["England"] = agent, ["Zimbabwe"] = "human" }, rounds = 20 });
        var state = await State(Http, created.GetProperty("id").GetString()!, Token(created, "Zimbabwe"), s => s.GetProperty("yourTurn").GetBoolean());
        Assert.Equal("respond", state.GetProperty("question").GetString());
        Assert.Equal("agent", state.GetProperty("parties")[0].GetProperty("seat").GetString());
        Assert.DoesNotContain(agent, state.GetRawText(), StringComparison.OrdinalIgnoreCase); // the person is not told which agent it faces
    }
}
