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

    /// <summary>Numbers written as <c>{value, range, source}</c>, in the order they were read.</summary>
    public List<Assumption> Assumptions { get; } = [];

    /// <summary>When set, every number read is recorded here: what it is, and its character span in <see cref="Text"/> (the whole <c>{value, …}</c> of an assumption).</summary>
    public List<(string What, int Start, int End)>? Numbers { get; init; }

    /// <summary>The document's text, when known: assumptions then record their character offsets in it.</summary>
    public string? Text { get; init; }

    private int[]? _lineStarts;

    // The offset just after the flow mapping that starts at start ('{' … '}', nesting and quotes respected).
    private int FlowEnd(int start)
    {
        if (Text is null || start >= Text.Length || Text[start] != '{') return start;
        int depth = 0;
        char quote = '\0';
        for (int i = start; i < Text.Length; i++)
        {
            char c = Text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c is '{' or '[') depth++;
            else if (c is '}' or ']' && --depth == 0) return i + 1;
        }
        return start;
    }

    private int Offset(YamlDotNet.Core.Mark mark)
    {
        if (Text is null) return 0;
        _lineStarts ??= [0, .. Text.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];
        return _lineStarts[(int)mark.Line - 1] + (int)mark.Column - 1;
    }

    public double Double(YamlNode node, string what)
    {
        if (node is YamlMappingNode marked && Optional(marked, "value") is { } valueNode)
        {
            AllowOnly(marked, $"{what} (an assumption)", "value", "range", "source", "calibratedFor");
            int recorded = Numbers?.Count ?? 0;
            double value = Double(valueNode, what);
            double lo = value, hi = value;
            if (Optional(marked, "range") is { } rangeNode)
            {
                var pair = Seq(rangeNode, $"{what} 'range'");
                if (pair.Children.Count != 2) throw Error(rangeNode, $"{what} 'range': expected [low, high]");
                lo = Double(pair.Children[0], $"{what} range low");
                hi = Double(pair.Children[1], $"{what} range high");
                if (!(lo <= value && value <= hi)) throw Error(rangeNode, $"{what} 'range' [{lo}, {hi}] does not contain its value {value}; expected low ≤ value ≤ high");
            }
            Assumptions.Add(new Assumption(what, value, lo, hi, OptionalString(marked, "source"), OptionalString(marked, "calibratedFor"),
                Offset(marked.Start), FlowEnd(Offset(marked.Start)), marked.Start.Line));
            if (Numbers is not null)
            {
                Numbers.RemoveRange(recorded, Numbers.Count - recorded); // the value and range read inside: the assumption is one number
                Numbers.Add((what, Offset(marked.Start), FlowEnd(Offset(marked.Start))));
            }
            return value;
        }
        string text = String(node, what);
        Numbers?.Add((what, Offset(node.Start), Offset(node.End)));
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
