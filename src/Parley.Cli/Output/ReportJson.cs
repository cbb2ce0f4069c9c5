using System.Globalization;
using System.Text.Json;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Cli.Output;

/// <summary>The <c>parley report --json</c> document (keys documented in docs/report.md).</summary>
internal static class ReportJson
{
    public static void Write(TextWriter writer, ScenarioReport r) => JsonOutput.Write(writer, json => Write(json, r));

    private static void Write(Utf8JsonWriter json, ScenarioReport r)
    {
        var s = r.Scenario;
        json.WriteStartObject();
        json.WriteString("scenario", s.Name);
        WriteDate(json, "date", r.Date);
        json.WriteNumber("t", r.Time);
        json.WriteStartObject("reservedValues");
        for (int k = 0; k < r.Principals.Length; k++) json.WriteNumber(s.Parties[r.Principals[k]].Name, r.Reserved[k]);
        json.WriteEndObject();

        json.WriteStartObject("zoneOfAgreement");
        json.WriteBoolean("exists", r.Zone.Exists);
        json.WriteString("size", r.Zone.Size.ToString(CultureInfo.InvariantCulture));
        WriteGap(json, "gap", r.Zone.Gap);
        WritePackage(json, "nash", s, r.Zone.Nash);
        WritePackage(json, "maxWelfare", s, r.Zone.MaxWelfare);
        json.WriteStartArray("mediatorFavourites");
        foreach (var f in r.Zone.MediatorFavourites)
        {
            json.WriteStartObject();
            json.WriteString("mediator", s.Parties[f.Party].Name);
            json.WriteNumber("stake", s.Parties[f.Party].Stake);
            json.WriteNumber("mediatorUtility", f.Utility);
            WritePackage(json, "package", s, f.Package);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WritePackage(json, "closest", s, r.Zone.Closest);
        json.WriteEndObject();

        json.WriteStartArray("stickingPoints");
        int rank = 1;
        foreach (var p in r.StickingPoints)
        {
            json.WriteStartObject();
            json.WriteString("issue", s.Space.Issues[p.Issue].Name);
            json.WriteNumber("rank", rank++);
            json.WriteNumber("gapClosed", p.GapClosed);
            WriteGap(json, "gapIfRelaxed", p.GapIfRelaxed);
            json.WriteBoolean("zoneOpens", p.ZoneOpens);
            json.WriteString("sizeIfRelaxed", p.SizeIfRelaxed.ToString(CultureInfo.InvariantCulture));
            json.WriteStartArray("redLinesOf");
            foreach (int q in p.RedLinesOf) json.WriteStringValue(s.Parties[q].Name);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("packages");
        foreach (var v in r.Packages)
        {
            JsonOutput.Pace(json);
            json.WriteStartObject();
            json.WriteString("name", v.Package.Name);
            WriteDate(json, "date", v.Package.Date);
            if (v.Package.Source is { } src) json.WriteString("source", src);
            json.WritePropertyName("outcome");
            JsonOutput.WriteOutcome(json, s.Space, v.Package.Values.AsSpan());
            JsonOutput.WritePhases(json, s.Phasing?.Structure, v.Package.Values.AsSpan());
            json.WriteStartArray("acceptedBy");
            foreach (var a in v.Answers.Where(a => a.Accepts)) WriteAnswer(json, s, a);
            json.WriteEndArray();
            json.WriteStartArray("rejectedBy");
            foreach (var a in v.Answers.Where(a => !a.Accepts)) WriteAnswer(json, s, a);
            json.WriteEndArray();
            json.WriteStartObject("mediatorUtilities");
            foreach (var (party, u) in v.MediatorUtilities) json.WriteNumber(s.Parties[party].Name, u);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("sensitivity");
        foreach (var p in r.Sensitivity)
        {
            JsonOutput.Pace(json);
            json.WriteStartObject();
            WriteDate(json, "date", p.Date);
            json.WriteNumber("t", p.Time);
            json.WriteBoolean("zoneExists", p.ZoneExists);
            json.WriteString("size", p.Size.ToString(CultureInfo.InvariantCulture));
            WriteGap(json, "gap", p.Gap);
            json.WriteStartObject("reservedValues");
            for (int k = 0; k < r.Principals.Length; k++) json.WriteNumber(s.Parties[r.Principals[k]].Name, p.Reserved[k]);
            json.WriteEndObject();
            json.WriteStartObject("outsideOptionFall");
            for (int k = 0; k < r.Principals.Length; k++)
            {
                if (p.Falls[k] is { } fall) json.WriteNumber(s.Parties[r.Principals[k]].Name, fall);
                else json.WriteNull(s.Parties[r.Principals[k]].Name);
            }
            json.WriteEndObject();
            json.WriteStartArray("events");
            foreach (var e in p.Events) json.WriteStringValue(e);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("outsideOptionFall");
        foreach (var f in r.OutsideOptionFalls)
        {
            json.WriteStartObject();
            json.WriteString("party", s.Parties[f.Party].Name);
            json.WriteNumber("reservedValue", f.Reserved);
            if (f.Fall is { } fall) json.WriteNumber("fall", fall);
            else json.WriteNull("fall");
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("mediatedRuns");
        foreach (var run in r.MediatedRuns)
        {
            JsonOutput.Pace(json);
            json.WriteStartObject();
            json.WriteString("protocol", run.Protocol);
            json.WriteString("seating", run.Seating);
            json.WriteNumber("seed", run.Seed);
            json.WriteString("outcome", run.Outcome);
            json.WriteNumber("rounds", run.Rounds);
            if (run.Agreement is { } a)
            {
                json.WritePropertyName("agreement");
                JsonOutput.WriteOutcome(json, s.Space, a.AsSpan());
                JsonOutput.WritePhases(json, s.Phasing?.Structure, a.AsSpan());
            }
            else json.WriteNull("agreement");
            json.WriteStartObject("utilities");
            for (int k = 0; k < r.Principals.Length && k < run.Utilities.Length; k++) json.WriteNumber(s.Parties[r.Principals[k]].Name, run.Utilities[k]);
            json.WriteEndObject();
            json.WriteString("note", run.Note ?? "");
            json.WriteNumber("endTime", run.EndTime);
            if (s.Timeline.DateOf(run.EndTime) is { } end) json.WriteString("endDate", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else json.WriteNull("endDate");
            json.WriteStartArray("ratifierRefusals");
            foreach (var refusal in run.Refusals)
            {
                json.WriteStartObject();
                json.WriteNumber("round", refusal.Round);
                json.WriteNumber("time", refusal.Time);
                if (s.Timeline.DateOf(refusal.Time) is { } rd) json.WriteString("date", rd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                else json.WriteNull("date");
                json.WriteString("party", s.Parties[refusal.Party].Name);
                json.WriteString("ratifier", refusal.Ratifier);
                json.WritePropertyName("package");
                JsonOutput.WriteOutcome(json, s.Space, refusal.Package.AsSpan());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (RunComparison.DistanceToNash(r, run) is { } distance) json.WriteNumber("distanceToNash", distance);
            else json.WriteNull("distanceToNash");
            json.WriteString("nashReference", RunComparison.NashReference(r).Label);
            json.WriteStartArray("concessions");
            foreach (var c in run.Concessions)
            {
                json.WriteStartObject();
                json.WriteString("party", s.Parties[c.Party].Name);
                if (c.First is { } first) json.WriteNumber("first", first); else json.WriteNull("first");
                if (c.Last is { } last) json.WriteNumber("last", last); else json.WriteNull("last");
                if (c.Conceded is { } conceded) json.WriteNumber("conceded", conceded); else json.WriteNull("conceded");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("issueChanges");
            foreach (var (issue, from, to) in run.IssueChanges)
            {
                json.WriteStartObject();
                json.WriteString("issue", s.Space.Issues[issue].Name);
                json.WriteString("from", s.Space.Issues[issue].FormatValue(from));
                json.WriteString("to", s.Space.Issues[issue].FormatValue(to));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("summary", RunComparison.Summary(r, run));
            json.WriteEndObject();
        }
        json.WriteEndArray();

        ReportPhasesJson.Write(json, r);

        json.WriteStartArray("findings");
        foreach (var f in r.Findings) json.WriteStringValue(f);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAnswer(Utf8JsonWriter json, Scenario s, PackageAnswer a)
    {
        json.WriteStartObject();
        json.WriteString("party", s.Parties[a.Party].Name);
        json.WriteNumber("utility", a.Utility);
        json.WriteNumber("reservedValue", a.Reserved);
        json.WriteNumber("margin", a.Margin);
        if (!a.Accepts) json.WriteNumber("by", Math.Max(0, -a.Margin));
        json.WriteStartArray("redLinesCrossed");
        foreach (var l in a.RedLinesCrossed)
            json.WriteStringValue(IssueText.RedLine(s.Space, l));
        json.WriteEndArray();
        json.WriteStartArray("unavailable");
        foreach (int i in a.UnavailableIssues) json.WriteStringValue(s.Space.Issues[i].Name);
        json.WriteEndArray();
        if (!a.RulesBroken.IsEmpty)
        {
            json.WriteStartArray("rulesBroken");
            foreach (var rule in a.RulesBroken) json.WriteStringValue(rule.Describe(s.Space));
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WritePackage(Utf8JsonWriter json, string name, Scenario s, ReportPackage? p)
    {
        if (p is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WritePropertyName("outcome");
        JsonOutput.WriteOutcome(json, s.Space, p.Values.AsSpan());
        JsonOutput.WritePhases(json, s.Phasing?.Structure, p.Values.AsSpan());
        json.WriteStartObject("utilities");
        for (int i = 0; i < s.Parties.Length; i++) json.WriteNumber(s.Parties[i].Name, p.Utilities[i]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteGap(Utf8JsonWriter json, string name, double gap)
    {
        if (double.IsFinite(gap)) json.WriteNumber(name, gap);
        else json.WriteNull(name);
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d) json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }
}
