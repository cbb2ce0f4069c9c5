using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Parley.Web.Sessions;

/// <summary>
/// Experiment conditions: files <c>NAME.yaml</c> in the folder given to <c>parley serve --conditions</c>, each the body
/// of a <c>POST /api/sessions</c> written as YAML (scenario, protocol, seats, rounds and/or minutes, seed,
/// seatTimeoutSeconds, analyst, suggestions), so an experimenter runs many people through the same condition. A name
/// is only ever looked up in the folder's listing: no text from a request becomes part of a path.
/// </summary>
internal static class Conditions
{
    private static readonly HashSet<string> Keys = ["scenario", "protocol", "seats", "rounds", "minutes", "seed", "seatTimeoutSeconds", "analyst", "suggestions", "description"];

    /// <summary>The conditions of <paramref name="folder"/>, by name.</summary>
    public static IReadOnlyList<string> Names(string? folder) =>
        folder is null || !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f) is ".yaml" or ".yml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Reads condition <paramref name="name"/> as a session request, or says why not.</summary>
    public static SessionRefusal? Load(string? folder, string name, out SessionRequest? request)
    {
        request = null;
        if (folder is null) return new SessionRefusal(400, "this server has no experiment conditions (start it with --conditions DIR)");
        var file = Directory.EnumerateFiles(folder).FirstOrDefault(f => Path.GetExtension(f) is ".yaml" or ".yml" && Path.GetFileNameWithoutExtension(f) == name);
        if (file is null) return new SessionRefusal(400, $"no condition '{(name.Length > 60 ? name[..60] + "…" : name)}'; the conditions are: {string.Join(", ", Names(folder))}");
        string shown = Path.GetFileName(file);
        try
        {
            var yaml = InputGuard.ParseYaml(shown, File.ReadAllText(file));
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
                return new SessionRefusal(422, $"{shown}: expected a mapping with scenario, protocol, seats and rounds or minutes");
            var json = new JsonObject();
            foreach (var (key, value) in root.Children)
            {
                string k = ((YamlScalarNode)key).Value ?? "";
                if (!Keys.Contains(k)) return new SessionRefusal(422, $"{shown}: unknown key '{k}'; expected: {string.Join(", ", Keys)}");
                if (k == "description") continue;
                json[k] = Node(value);
            }
            request = json.Deserialize<SessionRequest>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
            return request is null ? new SessionRefusal(422, $"{shown}: empty condition") : null;
        }
        catch (Exception e) when (e is ScenarioFormatException or JsonException or InvalidCastException or IOException)
        {
            return new SessionRefusal(422, $"{shown}: {e.Message}");
        }
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Node(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Node)]),
        YamlScalarNode { Value: var v } when v is "true" or "false" => JsonValue.Create(v == "true"),
        YamlScalarNode { Value: var v, Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) }
            when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => v!.Contains('.') || v.Contains('e') || v.Contains('E') ? JsonValue.Create(d) : JsonValue.Create(long.Parse(v, CultureInfo.InvariantCulture)),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
