using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Outcomes;

namespace Parley.Cli.Output;

/// <summary>Writes one JSON document to a text writer (indented, UTF-8, non-ASCII kept readable).</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(json);
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Flush();
    }

    /// <summary>
    /// For a phased scenario, a property <c>phases</c>: the outcome's values phase by phase, a list of
    /// <c>{phase, values: {issue: value}}</c> (once-issues in every phase); nothing for a flat scenario.
    /// </summary>
    public static void WritePhases(Utf8JsonWriter json, Parley.Scenarios.Phases.PhaseStructure? phases, ReadOnlySpan<int> values)
    {
        if (phases is null) return;
        json.WriteStartArray("phases");
        foreach (var (phase, list) in phases.ByPhase(values))
        {
            json.WriteStartObject();
            json.WriteString("phase", phase);
            json.WriteStartObject("values");
            foreach (var (issue, value) in list) json.WriteString(issue, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>An outcome as one JSON object mapping issue name to value text, in issue order.</summary>
    public static void WriteOutcome(Utf8JsonWriter json, OutcomeSpace space, ReadOnlySpan<int> values)
    {
        json.WriteStartObject();
        for (int i = 0; i < space.IssueCount; i++) json.WriteString(space.Issues[i].Name, space.Issues[i].FormatValue(values[i]));
        json.WriteEndObject();
    }
}
