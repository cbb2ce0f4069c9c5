using System.Text.Json;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Cli.Commands;
using Parley.Outcomes;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Cli.Output;

/// <summary>The <c>parley negotiate --json</c> documents. Deterministic: no wall-clock values in a single-run document.</summary>
internal static class NegotiationJson
{
    public static void Write(TextWriter writer, Scenario scenario, NegotiationResult result, QualityMeasures? quality, Scenario loaded,
        TranscriptDetail detail = TranscriptDetail.All) =>
        JsonOutput.Write(writer, json =>
        {
            var space = scenario.Space;
            json.WriteStartObject();
            json.WriteString("scenario", scenario.Name);
            json.WriteString("protocol", result.Protocol);
            if (loaded.Location is { } location) json.WriteString("scenarioLocation", Path.GetFullPath(location));
            WriteStrings(json, "parties", result.Parties);
            WriteStrings(json, "negotiators", result.Negotiators);
            var seated = result.Parties.Where((_, i) => !result.IsPrincipal(i)).ToList();
            if (seated.Count > 0) WriteStrings(json, "mediators", seated);
            var notSeated = loaded.Parties.Where(p => p.Role == PartyRole.Mediator && !seated.Contains(p.Name)).Select(p => p.Name).ToList();
            if (notSeated.Count > 0) WriteStrings(json, "mediatorsNotSeated", notSeated);
            json.WriteString("status", Camel(result.Status.ToString()));
            if (result.RejectedByRatifier is { } ratifier) json.WriteString("rejectedByRatifier", ratifier);
            json.WritePropertyName("agreement");
            if (result.HasAgreement) JsonOutput.WriteOutcome(json, space, result.AgreementValues.AsSpan());
            else json.WriteNullValue();
            WriteNumbers(json, "utilities", result.Utilities.AsSpan());
            WriteNumbers(json, "undiscountedUtilities", result.UndiscountedUtilities.AsSpan());
            json.WriteNumber("rounds", result.Rounds);
            json.WriteNumber("steps", result.Steps);
            json.WriteNumber("endTime", result.EndTime);
            json.WritePropertyName("failure");
            if (result.Failure is { } f)
            {
                json.WriteStartObject();
                json.WriteString("party", f.PartyName);
                json.WriteString("kind", Camel(f.Kind.ToString()));
                json.WriteString("reason", f.Reason);
                json.WriteEndObject();
            }
            else json.WriteNullValue();
            json.WriteNumber("socialWelfare", result.SocialWelfare);
            json.WritePropertyName("quality");
            if (quality is { } q)
            {
                json.WriteStartObject();
                WriteNumberOrNull(json, "distanceToPareto", q.DistanceToPareto);
                WriteNumberOrNull(json, "distanceToNash", q.DistanceToNash);
                json.WriteNumber("socialWelfare", q.SocialWelfare);
                json.WriteEndObject();
            }
            else json.WriteNullValue();

            json.WriteString("transcript", TranscriptDetails.Name(detail));
            json.WriteStartArray("offers");
            Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
            var listed = new TranscriptFilter(detail, result.Parties.Length);
            foreach (var entry in result.Transcript)
            {
                if (!listed.Keeps(entry.Entry)) continue;
                JsonOutput.Pace(json);
                json.WriteStartObject();
                var e = entry.Entry;
                json.WriteNumber("round", entry.Round + 1); // rounds count from 1 in every output (docs/negotiators.md)
                json.WriteNumber("time", entry.Time);
                if (entry.Party >= 0) json.WriteString("party", result.Parties[entry.Party]);
                else json.WriteNull("party");
                json.WriteString("action", Camel(entry.Action.ToString()));
                if (e.To >= 0)
                {
                    json.WriteString("from", result.Parties[entry.Party]);
                    json.WriteString("to", result.Parties[e.To]);
                }
                if (e.Recipients != Audience.Everyone) WriteStrings(json, "seenBy", Members(result, e.Recipients | Audience.Of(entry.Party)));
                if (e.Issues != 0) WriteStrings(json, "issues", space.Issues.Where((_, i) => i < 64 && (e.Issues & (1UL << i)) != 0).Select(i => i.Name));
                if (entry.Action == NegotiationAction.Tally)
                {
                    WriteStrings(json, "accepts", Members(result, e.Accepts));
                    WriteStrings(json, "rejects", Members(result, e.Rejects));
                }
                if (e.Note is { } note) json.WriteString("note", note);
                json.WritePropertyName("outcome");
                if (entry.Outcome is { } o)
                {
                    space.Decode(o, values);
                    JsonOutput.WriteOutcome(json, space, values);
                }
                else json.WriteNullValue();
                if (entry.Outcome is null) json.WriteNull("utilities");
                else WriteNumbers(json, "utilities", entry.Utilities);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    public static void WriteThroughput(TextWriter writer, Scenario scenario, ThroughputStats stats) => JsonOutput.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteString("scenario", scenario.Name);
        WriteStrings(json, "parties", scenario.Parties.Select(p => p.Name));
        json.WriteNumber("negotiations", stats.Negotiations);
        json.WriteNumber("rounds", stats.Rounds);
        json.WriteNumber("elapsedSeconds", stats.Elapsed.TotalSeconds);
        json.WriteNumber("negotiationsPerSecond", stats.NegotiationsPerSecond);
        json.WriteNumber("roundsPerSecond", stats.RoundsPerSecond);
        json.WriteNumber("medianMicroseconds", stats.MedianMicroseconds);
        json.WriteNumber("agreements", stats.Agreements);
        json.WriteNumber("failures", stats.Failures);
        WriteNumbers(json, "meanUtilities", stats.MeanUtilities);
        WriteNumberOrNull(json, "meanDistanceToPareto", stats.MeanDistanceToPareto);
        json.WriteEndObject();
    });

    private static IEnumerable<string> Members(NegotiationResult result, ulong set) =>
        result.Parties.Where((_, i) => Audience.Contains(set, i));

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, ReadOnlySpan<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v)) json.WriteNumberValue(v);
            else json.WriteNullValue();
        }
        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
