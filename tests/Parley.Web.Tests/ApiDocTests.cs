using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parley.Web.Tests;

/// <summary>
/// docs/api.md against the real server: every JSON example of the document is requested from a running viewer and must
/// match what it answers — every key of the example is in the answer with the same kind of value, and the words of the
/// API's vocabulary (status, action, role, method, protocol) are the ones the server sends. Examples may leave keys and
/// array elements out; they may not invent any.
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed partial class ApiDocTests(ViewerFixture viewer)
{
    private static readonly HashSet<string> Vocabulary = ["status", "action", "role", "method", "protocol", "title"];

    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "api.md")));

    /// <summary>The fenced blocks (json, or the plain block of the event stream) of the section under heading <paramref name="heading"/>.</summary>
    private static List<string> Blocks(string heading, string language = "json")
    {
        string doc = "\n" + Doc.Value;
        int start = doc.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/api.md has no heading '{heading}'");
        int end = doc.IndexOf("\n#", start + heading.Length + 2, StringComparison.Ordinal);
        string section = end < 0 ? doc[start..] : doc[start..end];
        return [.. Fence().Matches(section).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["code"].Value)];
    }

    [GeneratedRegex(@"^```(?<lang>\w*)[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    private static JsonElement Parse(string json, string where)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"{where}: the example is not JSON ({e.Message}):\n{json}");
        }
    }

    /// <summary>Why <paramref name="example"/> does not describe <paramref name="real"/>, or null when it does.</summary>
    internal static string? Mismatch(JsonElement example, JsonElement real, string path = "$")
    {
        if (example.ValueKind == JsonValueKind.Null) return null; // a nullable value shown without one
        if (real.ValueKind == JsonValueKind.Null) return example.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? $"{path}: the server sends null" : null;
        if (Kind(example) != Kind(real)) return $"{path}: the example has {example.ValueKind}, the server sends {real.ValueKind} ({real})";
        switch (example.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in example.EnumerateObject())
                {
                    if (!real.TryGetProperty(property.Name, out var value))
                        return $"{path}: the server sends no '{property.Name}' (it sends {string.Join(", ", real.EnumerateObject().Select(p => p.Name))})";
                    if (Mismatch(property.Value, value, $"{path}.{property.Name}") is { } why) return why;
                }
                return null;
            case JsonValueKind.Array:
                var items = real.EnumerateArray().ToList();
                int i = 0;
                foreach (var item in example.EnumerateArray())
                {
                    // Named entries are matched by name (an example may pick any); others by position.
                    var counterpart = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var name)
                        ? items.FirstOrDefault(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var n) && n.ToString() == name.ToString())
                        : i < items.Count ? items[i] : items.LastOrDefault();
                    if (counterpart.ValueKind == JsonValueKind.Undefined) return $"{path}[{i}]: the server sends no such element ({item})";
                    if (Mismatch(item, counterpart, $"{path}[{i}]") is { } why) return why;
                    i++;
                }
                return null;
            case JsonValueKind.String:
                string key = path[(path.LastIndexOf('.') + 1)..];
                return Vocabulary.Contains(key) && example.GetString() != real.GetString()
                    ? $"{path}: the example says \"{example.GetString()}\", the server sends \"{real.GetString()}\""
                    : null;
            default:
                return null;
        }
    }

    private static JsonValueKind Kind(JsonElement e) => e.ValueKind == JsonValueKind.False ? JsonValueKind.True : e.ValueKind;

    private static void Matches(string example, JsonElement real, string where)
    {
        var why = Mismatch(Parse(example, where), real);
        Assert.True(why is null, $"docs/api.md, {where}: {why}\nThe server answers:\n{real}");
    }

    [Fact]
    public async Task ErrorExample_IsWhatTheServerSends()
    {
        var response = await viewer.Http.GetAsync("/api/scenarios/Atlantis");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var real = await viewer.Json(response);
        Matches(Blocks("# The viewer's JSON API")[0], real, "the error example");
        Assert.Equal(Parse(Blocks("# The viewer's JSON API")[0], "error").GetProperty("detail").GetString(), real.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ScenarioExamples_AreWhatTheServerSends()
    {
        Matches(Blocks("### `GET /api/scenarios`")[0], await viewer.Http.GetFromJsonAsync<JsonElement>("/api/scenarios"), "GET /api/scenarios");
        Matches(Blocks("### `GET /api/scenarios/{name}`")[0], await viewer.Http.GetFromJsonAsync<JsonElement>("/api/scenarios/Laptop"), "GET /api/scenarios/{name}");
    }

    [Fact]
    public async Task RunExamples_TheRequestRunsAndEveryAnswerIsWhatTheServerSends()
    {
        var blocks = Blocks("### `POST /api/runs`");
        var start = await viewer.Http.PostAsync("/api/runs", new StringContent(blocks[0], Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var created = await viewer.Json(start);
        Matches(blocks[1], created, "POST /api/runs");

        string stream = await viewer.Http.GetStringAsync(created.GetProperty("events").GetString());
        var realEvents = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var docEvents = Blocks("### `GET /api/runs/{id}/events`", "")[0].Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (string docEvent in docEvents)
        {
            string name = docEvent.Split('\n')[0];
            string data = docEvent.Split("data: ", 2)[1].Trim();
            if (!data.StartsWith('{') || data.Contains('…', StringComparison.Ordinal)) continue; // a pointer to the result object below
            string realEvent = realEvents.First(e => e.StartsWith(name + "\n", StringComparison.Ordinal));
            Matches(data, JsonDocument.Parse(realEvent.Split("data: ", 2)[1]).RootElement, $"the '{name}' event");
        }
        Assert.Contains(docEvents, e => e.StartsWith("event: result", StringComparison.Ordinal));

        var result = await viewer.Http.GetFromJsonAsync<JsonElement>(created.GetProperty("result").GetString());
        Matches(Blocks("### `GET /api/runs/{id}`")[0], result, "GET /api/runs/{id}");
    }

    [Fact]
    public async Task TournamentExample_IsWhatTheServerSends() =>
        Matches(Blocks("### `GET /api/tournament`")[0], await viewer.Http.GetFromJsonAsync<JsonElement>("/api/tournament"), "GET /api/tournament");

    [Fact]
    public void Mismatch_FindsAWrongStatusAndAnInventedKey()
    {
        var real = JsonDocument.Parse("""{"status":"agreed","rounds":3}""").RootElement;
        Assert.Null(Mismatch(JsonDocument.Parse("""{"status":"agreed"}""").RootElement, real));
        Assert.Contains("\"agreement\"", Mismatch(JsonDocument.Parse("""{"status":"agreement"}""").RootElement, real));
        Assert.Contains("no 'steps'", Mismatch(JsonDocument.Parse("""{"steps":3}""").RootElement, real));
        Assert.Contains("String", Mismatch(JsonDocument.Parse("""{"rounds":"3"}""").RootElement, real));
    }

    [Fact]
    public async Task Run_WithoutNegotiators_SeatsTheCliDefaultPair()
    {
        var start = await viewer.Http.PostAsJsonAsync("/api/runs", new { scenario = "Laptop", rounds = 50, seed = 3 });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var result = await viewer.Http.GetFromJsonAsync<JsonElement>((await viewer.Json(start)).GetProperty("result").GetString());
        Assert.Equal(["boulware", "conceder"], result.GetProperty("negotiators").EnumerateArray().Select(n => n.GetString()!.ToLowerInvariant()));
    }
}
