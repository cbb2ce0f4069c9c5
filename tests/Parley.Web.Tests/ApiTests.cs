using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Parley.Web.Tests;

/// <summary>The JSON API through real HTTP: what it answers, and what it refuses (bad input, paths outside the scenarios folder).</summary>
[Collection(ViewerCollection.Name)]
public sealed class ApiTests(ViewerFixture viewer)
{
    [Fact]
    public async Task Scenarios_List_NamesEveryBundledScenario()
    {
        var list = await viewer.Http.GetFromJsonAsync<JsonElement>("/api/scenarios");
        var names = list.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["auto-contract-2023", "cairo-2024", "Dinner", "EnglandZimbabwe", "Laptop", "Nonlinear10issues"], names); // not the tournament file
        var england = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "EnglandZimbabwe");
        Assert.Equal("576", england.GetProperty("outcomeCount").GetString());
    }

    [Fact]
    public async Task Scenario_Known_HasItsAnalysis()
    {
        var s = await viewer.Http.GetFromJsonAsync<JsonElement>("/api/scenarios/EnglandZimbabwe");
        Assert.Equal("enumeration", s.GetProperty("analysis").GetProperty("method").GetString());
        Assert.True(s.GetProperty("analysis").GetProperty("frontier").GetProperty("exact").GetBoolean());
        var nash = s.GetProperty("analysis").GetProperty("nash").GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()).ToArray();
        Assert.Equal(2, nash.Length);
        Assert.All(nash, u => Assert.InRange(u, 0, 1));
        Assert.Equal(2, s.GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task Scenario_Plane_HasEveryOutcomeOfASmallSpace()
    {
        var plane = await viewer.Http.GetFromJsonAsync<JsonElement>("/api/scenarios/Laptop/plane");
        Assert.Equal(27, plane.GetProperty("outcomes").GetArrayLength());
        Assert.False(plane.GetProperty("sampled").GetBoolean());
    }

    [Fact]
    public async Task Scenario_Plot_IsAnSvgPicture()
    {
        var response = await viewer.Http.GetAsync("/api/scenarios/Laptop/plot.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        ImageChecks.AssertSvg(await response.Content.ReadAsStringAsync(), 1000, 650, 20, "Pareto frontier");
    }

    [Theory]
    [InlineData("/api/scenarios/NoSuchScenario")]
    [InlineData("/api/scenarios/laptop")] // names are exact
    [InlineData("/api/scenarios/..")]
    [InlineData("/api/scenarios/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/scenarios/..%2fLaptop")]
    [InlineData("/api/scenarios/%2Fetc%2Fpasswd")]
    [InlineData("/api/scenarios/%252e%252e%252fshared")]
    [InlineData("/api/scenarios/..%5C..%5Cetc%5Cpasswd")]
    [InlineData("/api/scenarios/Laptop%2F..%2F..%2FParley.slnx")]
    [InlineData("/api/scenarios/cairo-2024.yaml%2F..")]
    [InlineData("/api/scenarios/%2e%2e/plane")]
    [InlineData("/api/scenarios/..%2F..%2Fshared%2Fscenarios%2Fanac%2Fy2010%2FTravel/plot.svg")]
    public async Task Scenario_UnknownOrOutsideTheFolder_Is404WithAMessage(string path)
    {
        var response = await viewer.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\"", body);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("<Solution>", body);
    }

    [Fact]
    public async Task Scenario_AbsolutePathAsName_IsRefused()
    {
        string absolute = Uri.EscapeDataString(Path.Combine(TestPaths.RepoRoot, "scenarios", "Laptop"));
        var response = await viewer.Http.GetAsync("/api/scenarios/" + absolute);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var run = await viewer.Http.PostAsJsonAsync("/api/runs", new { scenario = "/etc", negotiators = new[] { "boulware" }, rounds = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, run.StatusCode);
    }

    [Theory]
    [InlineData("""{"scenario":"Atlantis","negotiators":["boulware"],"rounds":10}""", "unknown scenario 'Atlantis'")]
    [InlineData("""{"scenario":"../scenarios/Laptop","negotiators":["boulware"],"rounds":10}""", "unknown scenario")]
    [InlineData("""{"scenario":"Laptop","negotiators":["superagent"],"rounds":10}""", "unknown negotiator 'superagent'")]
    [InlineData("""{"scenario":"Laptop","negotiators":["boulware","conceder","linear"],"rounds":10}""", "3 negotiators for 2 parties")]
    [InlineData("""{"scenario":"Laptop","negotiators":["boulware"],"rounds":0}""", "rounds must be between 1 and 10,000")]
    [InlineData("""{"scenario":"Laptop","negotiators":["boulware"],"rounds":2000000000}""", "rounds must be between 1 and 10,000")]
    [InlineData("""{"scenario":"Laptop","negotiators":["boulware"]}""", "rounds are missing")]
    [InlineData("""{"scenario":"Laptop","negotiators":["boulware"],"rounds":10,"protocol":"auction"}""", "unknown protocol 'auction'")]
    [InlineData("""{"scenario":"Laptop","negotiators":[],"rounds":10}""", "negotiators is empty; give one negotiator per party, or leave it out for boulware,conceder")]
    [InlineData("""{"scenario":"Laptop","rounds":"many"}""", "expected a JSON body")]
    [InlineData("""not json""", "expected a JSON body")]
    public async Task Run_BadInput_Is400WithAClearMessage(string body, string expected)
    {
        var response = await viewer.Http.PostAsync("/api/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await viewer.Json(response);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Run_Valid_StreamsOffersThenTheResult()
    {
        var start = await viewer.Http.PostAsJsonAsync("/api/runs", new { scenario = "Laptop", negotiators = new[] { "boulware", "conceder" }, rounds = 50, seed = 3 });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        string events = (await viewer.Json(start)).GetProperty("events").GetString()!;
        string stream = await viewer.Http.GetStringAsync(events);
        var blocks = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(blocks.Count(b => b.StartsWith("event: offer")) >= 2);
        Assert.StartsWith("event: result", blocks[^1]);
        var result = JsonDocument.Parse(blocks[^1].Split("data: ", 2)[1]).RootElement;
        Assert.Equal("Laptop", result.GetProperty("scenario").GetString());
        Assert.True(result.GetProperty("rounds").GetInt32() is > 0 and <= 50);
        // Issue 20 §2: rounds count from 1 in every output; the last move is in round 'rounds'.
        var offers = blocks.Where(b => b.StartsWith("event: offer")).Select(b => JsonDocument.Parse(b.Split("data: ", 2)[1]).RootElement).ToList();
        Assert.Equal(1, offers[0].GetProperty("round").GetInt32());
        Assert.Equal(result.GetProperty("rounds").GetInt32(), offers[^1].GetProperty("round").GetInt32());
    }

    [Fact]
    public async Task Unknown_ApiPath_IsAProblemNotAnHtmlPage()
    {
        var response = await viewer.Http.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var missingRun = await viewer.Http.GetAsync("/api/runs/r999999");
        Assert.Equal(HttpStatusCode.NotFound, missingRun.StatusCode);
    }

    [Fact]
    public async Task Tournament_Leaderboard_HasConfidenceIntervalsAndAPairwiseTable()
    {
        var board = await viewer.Http.GetFromJsonAsync<JsonElement>("/api/tournament");
        Assert.Equal("Example tournament", board.GetProperty("tournament").GetString());
        var rows = board.GetProperty("leaderboard").EnumerateArray().ToArray();
        Assert.Equal(5, rows.Length);
        var means = rows.Select(r => r.GetProperty("meanUtility").GetDouble()).ToArray();
        Assert.Equal(means.OrderByDescending(m => m), means);
        Assert.All(rows, r => Assert.True(r.GetProperty("ci95").GetDouble() > 0));
        var rates = board.GetProperty("pairwise").GetProperty("winRate");
        Assert.Equal(5, rates.GetArrayLength());
        // Row a against column b and b against a split their encounters: the two shares add up to one.
        double ab = rates[0][1].GetDouble(), ba = rates[1][0].GetDouble();
        Assert.Equal(1.0, ab + ba, 6);
        var plot = await viewer.Http.GetAsync("/api/tournament/plot.svg");
        ImageChecks.AssertSvg(await plot.Content.ReadAsStringAsync(), 1000, 650, 10, "95% confidence interval");
    }

    [Fact]
    public async Task Report_Cairo_IsTheAnalystReportPage()
    {
        var response = await viewer.Http.GetAsync("/api/scenarios/cairo-2024/report.html?at=2024-02-13");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("analyst report, 13 February 2024", html);
        Assert.Contains("Findings", html);
        var detail = await viewer.Http.GetFromJsonAsync<JsonElement>("/api/scenarios/cairo-2024");
        Assert.Equal("2023-11-24", detail.GetProperty("dates").GetProperty("start").GetString()); // the whole arc (issue 18)
    }

    [Theory]
    [InlineData("/api/scenarios/cairo-2024/report.html?at=2030-01-01", 400, "outside")]
    [InlineData("/api/scenarios/cairo-2024/report.html?at=yesterday", 400, "neither a date")]
    [InlineData("/api/scenarios/..%2Fcairo-2024/report.html", 404, "no scenario called")]
    public async Task Report_BadInput_IsRefusedWithAMessage(string path, int status, string expected)
    {
        var response = await viewer.Http.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, (await viewer.Json(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("shuttle", "\"to\":")]
    [InlineData("single-text", "\"action\":\"propose\"")]
    public async Task Run_MediatedProtocol_StreamsMediatorsActions(string protocol, string expected)
    {
        var negotiators = await viewer.Http.GetFromJsonAsync<JsonElement>($"/api/negotiators?protocol={protocol}");
        string first = negotiators[0].GetProperty("name").GetString()!;
        var start = await viewer.Http.PostAsJsonAsync("/api/runs", new { scenario = "cairo-2024", protocol, negotiators = new[] { first }, rounds = 30, seed = 1 });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        string stream = await viewer.Http.GetStringAsync((await viewer.Json(start)).GetProperty("events").GetString());
        Assert.Contains(expected, stream);
        Assert.Contains("event: result", stream);
    }
}
