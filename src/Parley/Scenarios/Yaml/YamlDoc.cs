using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Parley.Scenarios.Yaml;

/// <summary>
/// Reads typed values out of a parsed YAML document; every error is a <see cref="ScenarioFormatException"/> naming the
/// file, the line and column, and what was expected. Shared by the scenario and tournament readers.
/// </summary>
internal sealed class YamlDoc(string file)
{
    public string File { get; } = file;

    public ScenarioFormatException Error(YamlNode at, string problem) =>
        new(File, $"line {at.Start.Line}, column {at.Start.Column}", problem);

    public YamlMappingNode Map(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what}: expected a mapping (key: value lines)");

    public YamlSequenceNode Seq(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what}: expected a list");

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) ?? throw Error(map, $"{what} has no '{key}'; expected a '{key}:' entry");

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public string? OptionalString(YamlMappingNode map, string key) =>
        Optional(map, key) is { } n ? String(n, $"'{key}'") : null;

    public string String(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(node, $"{what}: expected text");

    public double Double(YamlNode node, string what)
    {
        string text = String(node, what);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw Error(node, $"{what} is '{text}'; expected a number");
    }

    public long Long(YamlNode node, string what)
    {
        string text = String(node, what);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)) return v;
        throw Error(node, $"{what} is '{text}'; expected a whole number");
    }

    public void AllowOnly(YamlMappingNode map, string what, params string[] keys)
    {
        foreach (var k in map.Children.Keys)
        {
            string key = k is YamlScalarNode { Value: { } s } ? s : "?";
            if (Array.IndexOf(keys, key) < 0) throw Error(k, $"{what} has unknown key '{key}'; expected one of: {string.Join(", ", keys)}");
        }
    }
}
