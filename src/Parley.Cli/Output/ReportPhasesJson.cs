using System.Globalization;
using System.Text.Json;
using Parley.Reports;

namespace Parley.Cli.Output;

/// <summary>The parts of <c>parley report --json</c> added by issue 16: <c>whatItWouldTake</c> (every scenario); <c>phases</c>, <c>sequencing</c>, <c>phaseStructures</c> (phased ones).</summary>
internal static class ReportPhasesJson
{
    public static void Write(Utf8JsonWriter json, ScenarioReport r)
    {
        var s = r.Scenario;
        json.WriteStartArray("whatItWouldTake");
        foreach (var l in r.WhatItWouldTake)
        {
            json.WriteStartObject();
            json.WriteString("party", s.Parties[l.Party].Name);
            json.WriteString("issue", s.Space.Issues[l.Issue].Name);
            if (l.WorstAcceptable is { } v)
            {
                json.WriteString("worstAcceptable", s.Space.Issues[l.Issue].FormatValue(v));
                json.WriteNumber("utility", l.Utility);
            }
            else json.WriteNull("worstAcceptable");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (!r.Robustness.IsEmpty)
        {
            json.WriteStartArray("robustness");
            foreach (var f in r.Robustness)
            {
                json.WriteStartObject();
                json.WriteString("finding", f.Finding);
                json.WriteString("value", f.Value);
                json.WriteBoolean("holds", f.Holds);
                json.WriteBoolean("input", f.Input);
                json.WriteStartArray("dependsOn");
                foreach (var d in f.DependsOn) json.WriteStringValue(d);
                json.WriteEndArray();
                json.WriteStartArray("ranges");
                foreach (var dependsRange in f.Ranges)
                {
                    if (dependsRange is { } r0)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(r0.Low);
                        json.WriteNumberValue(r0.High);
                        json.WriteEndArray();
                    }
                    else json.WriteNullValue();
                }
                json.WriteEndArray();
                if (f.Range is { } range)
                {
                    json.WriteStartArray("range");
                    json.WriteNumberValue(range.Low);
                    json.WriteNumberValue(range.High);
                    json.WriteEndArray();
                }
                else json.WriteNull("range");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (r.Ratification is { } rat)
        {
            json.WriteStartArray("winSets");
            foreach (var w in rat.WinSets)
            {
                json.WriteStartObject();
                json.WriteString("party", s.Parties[w.Party].Name);
                json.WriteString("ratifier", w.Ratifier);
                json.WriteString("size", w.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumber("reservedValue", w.Reserved);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("ratifiedZone");
            json.WriteString("size", rat.RatifiedZoneSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WritePropertyName("nash");
            if (rat.RatifiedNash is { } rn)
            {
                json.WriteStartObject();
                json.WritePropertyName("outcome");
                JsonOutput.WriteOutcome(json, s.Space, rn.Values.AsSpan());
                JsonOutput.WritePhases(json, s.Phasing?.Structure, rn.Values.AsSpan());
                json.WriteEndObject();
            }
            else json.WriteNullValue();
            json.WriteString("rejectedByRatifiers", rat.RejectedByRatifiers.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        if (s.Phasing is not { } phasing) return;
        var structure = phasing.Structure;
        json.WriteStartArray("phases");
        foreach (var p in structure.Phases) json.WriteStringValue(p.Name);
        json.WriteEndArray();
        json.WriteStartArray("sequencing");
        if (r.Sequencing is { } seq)
            foreach (var o in seq.Options)
            {
                json.WriteStartObject();
                json.WriteString("issue", structure.Issues[o.Issue].Issue.Name);
                json.WriteString("kind", "defer");
                json.WriteString("deferredTo", o.DeferredTo);
                json.WriteBoolean("opensZone", o.OpensZone);
                json.WriteString("size", o.Size.ToString(CultureInfo.InvariantCulture));
                json.WriteNumber("gap", double.IsFinite(o.Gap) ? o.Gap : -1);
                if (o.Best is { } best)
                {
                    json.WriteStartObject("best");
                    json.WritePropertyName("outcome");
                    JsonOutput.WriteOutcome(json, s.Space, best.Values.AsSpan());
                    JsonOutput.WritePhases(json, structure, best.Values.AsSpan());
                    json.WriteEndObject();
                }
                else json.WriteNull("best");
                json.WriteEndObject();
            }
        if (r.Sequencing is { } moved)
            foreach (var m in moved.Moves) WriteMove(json, r, m);
        json.WriteEndArray();
        json.WriteStartArray("phaseStructures");
        if (r.Sequencing is { } sq)
            foreach (var z in sq.Structures)
            {
                json.WriteStartObject();
                json.WriteString("name", z.Name);
                json.WriteString("size", z.Size.ToString(CultureInfo.InvariantCulture));
                json.WriteNumber("gap", double.IsFinite(z.Gap) ? z.Gap : -1);
                json.WriteEndObject();
            }
        json.WriteEndArray();
    }

    /// <summary>A <c>sequencing</c> entry of kind <c>move</c>: a once-issue at one value until phase <c>to</c>, at another from it on.</summary>
    private static void WriteMove(Utf8JsonWriter json, ScenarioReport r, PhaseMove m)
    {
        var s = r.Scenario;
        var structure = s.Phasing!.Structure;
        var issue = structure.Issues[m.Issue].Issue;
        json.WriteStartObject();
        json.WriteString("issue", issue.Name);
        json.WriteString("kind", "move");
        json.WriteNull("deferredTo");
        json.WriteString("from", structure.Phases[0].Name);
        json.WriteString("to", structure.Phases[m.Phase].Name);
        json.WriteBoolean("opensZone", m.OpensZone);
        json.WriteString("size", m.Size.ToString(CultureInfo.InvariantCulture));
        json.WriteNumber("gap", double.IsFinite(m.Gap) ? m.Gap : -1);
        if (m.Before >= 0)
        {
            json.WriteString("before", issue.FormatValue(m.Before));
            json.WriteString("after", issue.FormatValue(m.After));
        }
        if (m.Best is { } best)
        {
            json.WriteStartObject("best");
            json.WritePropertyName("outcome");
            JsonOutput.WriteOutcome(json, s.Space, best.Values.AsSpan());
            JsonOutput.WritePhases(json, structure, best.Values.AsSpan());
            json.WriteStartObject("utilities");
            for (int p = 0; p < s.Parties.Length; p++)
                if (double.IsFinite(best.Utilities[p])) json.WriteNumber(s.Parties[p].Name, best.Utilities[p]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else json.WriteNull("best");
        json.WriteEndObject();
    }
}
