using System.Globalization;
using System.Text.Json;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Scenarios;

namespace Parley.Cli.Output;

/// <summary>The <c>parley analyze --json</c> document.</summary>
internal static class AnalysisJson
{
    public static void Write(TextWriter writer, Scenario scenario, AnalysisReport report) => JsonOutput.Write(writer, json =>
    {
        var space = scenario.Space;
        var phases = scenario.Phasing?.Structure;
        json.WriteStartObject();
        json.WriteString("scenario", scenario.Name);
        json.WriteString("outcomeCount", report.OutcomeCount?.ToString(CultureInfo.InvariantCulture) ?? "infinite");
        json.WriteString("method", report.Method);
        json.WriteStartArray("issues");
        foreach (var issue in space.Issues)
        {
            json.WriteStartObject();
            json.WriteString("name", issue.Name);
            json.WriteString("type", IssueText.Kind(issue));
            if (issue.Cardinality is { } c) json.WriteString("values", c.ToString(CultureInfo.InvariantCulture));
            else json.WriteNull("values");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (phases is not null)
        {
            json.WriteStartArray("phases");
            foreach (var phase in phases.Phases) json.WriteStringValue(phase.Name);
            json.WriteEndArray();
        }
        json.WriteStartArray("parties");
        foreach (var party in scenario.Parties)
        {
            json.WriteStartObject();
            json.WriteString("name", party.Name);
            json.WriteString("role", party.Role == PartyRole.Mediator ? "mediator" : "principal");
            json.WriteNumber("reservedValue", party.Profile.ReservedValue.Initial);
            if (!party.Profile.ReservedValue.IsConstant)
            {
                json.WriteStartArray("reservedValueCurve");
                foreach (var p in party.Profile.ReservedValue.Points)
                {
                    json.WriteStartObject();
                    json.WriteNumber("t", p.Time);
                    json.WriteNumber("value", p.Value);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteNumber("discountFactor", party.Profile.DiscountFactor);
            if (party.Role == PartyRole.Mediator) json.WriteNumber("stake", party.Stake);
            json.WriteStartArray("redLines");
            foreach (var line in party.Profile.RedLines.Lines) json.WriteStringValue(IssueText.RedLine(scenario.Space, line));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var w in scenario.Warnings) json.WriteStringValue(w);
        json.WriteEndArray();

        json.WriteStartObject("paretoFrontier");
        json.WriteBoolean("exact", report.Frontier.Exact);
        json.WriteString("pointCount", report.Frontier.PointCount.ToString(CultureInfo.InvariantCulture));
        json.WriteBoolean("truncated", report.Frontier.Truncated);
        if (report.Frontier.Gap is { } gap) json.WriteNumber("gap", gap);
        json.WriteNumber("size", report.Frontier.Points.Length);
        if (report.Frontier.OutcomesOnFrontier is { } n) json.WriteNumber("outcomesOnFrontier", n);
        json.WriteStartArray("points");
        foreach (var p in report.Frontier.Points)
        {
            JsonOutput.Pace(json);
            WritePoint(json, space, p, phases);
        }
        json.WriteEndArray();
        json.WriteEndObject();

        WritePublishedFrontier(json, report.PublishedFrontier);

        WriteNamedPoint(json, "nash", space, report.Nash, phases);
        WriteNamedPoint(json, "kalaiSmorodinsky", space, report.KalaiSmorodinsky, phases);
        WriteNamedPoint(json, "maxWelfare", space, report.MaxWelfare, phases);

        if (scenario.Parties.Any(p => p.Ratifier is not null) && space.IsEnumerable && space.Count <= Parley.Reports.ReportOptions.MaxOutcomes
            && Parley.Reports.Ratification.Of(scenario, 0) is { } ratification)
        {
            json.WriteStartArray("winSets");
            foreach (var w in ratification.WinSets)
            {
                json.WriteStartObject();
                json.WriteString("party", scenario.Parties[w.Party].Name);
                json.WriteString("ratifier", w.Ratifier);
                json.WriteString("size", w.Size.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("ratifiedZone");
            json.WriteString("size", ratification.RatifiedZoneSize.ToString(CultureInfo.InvariantCulture));
            json.WriteString("rejectedByRatifiers", ratification.RejectedByRatifiers.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteStartObject("timingsMs");
        foreach (var t in report.Timings) json.WriteNumber(t.Step, Math.Round(t.Elapsed.TotalMilliseconds, 3));
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WritePublishedFrontier(Utf8JsonWriter json, PublishedFrontierComparison? comparison)
    {
        json.WritePropertyName("publishedFrontier");
        if (comparison is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteString("file", Path.GetFileName(comparison.File));
        json.WriteNumber("points", comparison.PublishedPoints);
        json.WriteNumber("dominated", comparison.Dominated);
        json.WriteNumber("matched", comparison.Matched);
        json.WriteNumber("missed", comparison.Missed);
        json.WriteNumber("tolerance", comparison.Tolerance);
        json.WriteEndObject();
    }

    private static void WriteNamedPoint(Utf8JsonWriter json, string name, OutcomeSpace space, DealPoint? point, Parley.Scenarios.Phases.PhaseStructure? phases)
    {
        json.WritePropertyName(name);
        if (point is null) json.WriteNullValue();
        else WritePoint(json, space, point, phases);
    }

    internal static void WritePoint(Utf8JsonWriter json, OutcomeSpace space, DealPoint point, Parley.Scenarios.Phases.PhaseStructure? phases = null)
    {
        json.WriteStartObject();
        json.WriteStartArray("utilities");
        foreach (double u in point.Utilities) json.WriteNumberValue(u);
        json.WriteEndArray();
        json.WritePropertyName("outcome");
        JsonOutput.WriteOutcome(json, space, point.Values.AsSpan());
        JsonOutput.WritePhases(json, phases, point.Values.AsSpan());
        json.WriteEndObject();
    }
}
