using System.Collections.Immutable;
using System.Globalization;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Phases;
using YamlDotNet.RepresentationModel;
using Doc = Parley.Scenarios.Yaml.YamlDoc;

namespace Parley.Scenarios.Yaml;

/// <summary>The mediation parts of the YAML format: red lines, stakes, dates, channels, events and named packages.</summary>
public static partial class YamlScenarioReader
{
    private static Scenario ReadMediation(Doc doc, YamlMappingNode root, Scenario scenario)
    {
        DateOnly? start = null, deadline = null;
        if (doc.Optional(root, "dates") is { } datesNode)
        {
            var dates = doc.Map(datesNode, "'dates'");
            doc.AllowOnly(dates, "'dates'", "start", "deadline");
            var startNode = doc.Required(dates, "start", "'dates'");
            start = Date(doc, startNode, "'dates' 'start'");
            deadline = Date(doc, doc.Required(dates, "deadline", "'dates'"), "'dates' 'deadline'");
            if (deadline <= start) throw doc.Error(startNode, $"'dates': the deadline {deadline:yyyy-MM-dd} is not after the start {start:yyyy-MM-dd}");
        }
        var timeline = new Timeline([], start, deadline);
        if (doc.Optional(root, "events") is { } eventsNode)
        {
            var events = new List<ScenarioEvent>();
            var nodes = new Dictionary<ScenarioEvent, YamlNode>(ReferenceEqualityComparer.Instance);
            foreach (var node in doc.Seq(eventsNode, "'events'"))
            {
                int assumptionsBefore = doc.Assumptions.Count;
                foreach (var e in ReadEvent(doc, doc.Map(node, "an event"), scenario, timeline))
                {
                    events.Add(e);
                    nodes[e] = node;
                    if (e is ReservedValueChange c) OwnAssumptions(doc, assumptionsBefore, scenario.Parties[c.Party].Name);
                }
            }
            timeline = new Timeline(events, start, deadline);
            CheckShiftedReservedValues(doc, scenario, timeline, nodes);
        }
        var channels = doc.Optional(root, "channels") is { } ch ? ReadChannels(doc, ch, scenario) : null;
        var packages = doc.Optional(root, "packages") is { } pk ? ReadPackages(doc, pk, scenario) : [];
        return scenario with { Timeline = timeline, Channels = channels, Packages = packages };
    }

    /// <summary>
    /// Refuses events that push a reserved value (a party's, or its ratifier's) outside [0, 1] at some time: the curve and
    /// the changes are piecewise linear, so checking every breakpoint checks every time.
    /// </summary>
    private static void CheckShiftedReservedValues(Doc doc, Scenario scenario, Timeline timeline, Dictionary<ScenarioEvent, YamlNode> nodes)
    {
        var changes = timeline.Events.OfType<ReservedValueChange>().ToArray();
        if (changes.Length == 0) return;
        for (int party = 0; party < scenario.Parties.Length; party++)
            foreach (bool ofRatifier in new[] { false, true })
            {
                var curve = ofRatifier ? scenario.Parties[party].Ratifier?.Profile.ReservedValue : scenario.Parties[party].Profile.ReservedValue;
                if (curve is null) continue;
                var mine = changes.Where(c => c.Party == party && c.OfRatifier == ofRatifier).ToArray();
                if (mine.Length == 0) continue;
                var times = curve.Points.Select(p => p.Time).Concat(mine.SelectMany(c => new[] { c.Time, Math.Min(1, c.Time + c.RampDuration) })).Append(0).Append(1)
                    .Where(t => t is >= 0 and <= 1).Distinct().Order();
                foreach (double t in times)
                {
                    double shift = ofRatifier ? timeline.RatifierShift(party, t) : timeline.ReservedValueShift(party, t);
                    double value = curve.At(t) + shift;
                    if (value is >= -1e-9 and <= 1 + 1e-9) continue;
                    var culprit = mine.Where(c => c.Time <= t).Last();
                    string whose = ofRatifier ? $"the ratifier of '{scenario.Parties[party].Name}'" : $"'{scenario.Parties[party].Name}'";
                    string when = timeline.DateOf(t) is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"t = {t.ToString("0.###", CultureInfo.InvariantCulture)}";
                    throw doc.Error(nodes[culprit], $"event '{culprit.Name}' brings the reserved value of {whose} to {value.ToString("0.###", CultureInfo.InvariantCulture)} by {when}; expected a reserved value in [0, 1] at every time (a smaller 'change')");
                }
            }
    }

    private static double ReadStake(Doc doc, YamlMappingNode map, string what, PartyRole role)
    {
        if (doc.Optional(map, "stake") is not { } node) return 0;
        if (role != PartyRole.Mediator) throw doc.Error(node, $"{what} is a principal with a 'stake'; only mediators have a stake α");
        double stake = doc.Double(node, $"{what} 'stake'");
        if (stake is < 0 or > 1) throw doc.Error(node, $"{what} 'stake' is {stake}; expected α in [0, 1]");
        return stake;
    }

    private static RedLines ReadRedLines(Doc doc, YamlNode node, string what, OutcomeSpace space, PhaseStructure? phased)
    {
        var lines = new List<RedLine>();
        foreach (var item in doc.Seq(node, $"{what} 'redLines'"))
        {
            var m = doc.Map(item, $"{what} red line");
            doc.AllowOnly(m, $"{what} red line", phased is null ? ["issue", "value", "min", "max", "source"] : ["issue", "phase", "value", "min", "max", "source"]);
            var issueNode = doc.Required(m, "issue", $"{what} red line");
            string issueName = doc.String(issueNode, $"{what} red line 'issue'");
            int[] targets;
            Issue issue;
            if (phased is null)
            {
                int i = IssueIndex(doc, issueNode, space, issueName, $"{what} red line");
                (targets, issue) = ([i], space.Issues[i]);
            }
            else (targets, issue) = ResolveSlots(doc, m, issueNode, phased, $"{what} red line");
            string? source = doc.OptionalString(m, "source");
            if (doc.Optional(m, "value") is { } valueNode)
            {
                if (doc.Optional(m, "min") is not null || doc.Optional(m, "max") is not null)
                    throw doc.Error(m, $"{what} red line on '{issueName}' has both 'value' and 'min'/'max'; expected one or the other");
                foreach (int i in targets) lines.Add(RedLine.OnValue(i, ValueIndex(doc, valueNode, space.Issues[i], $"{what} red line"), source));
            }
            else
            {
                if (issue is not IntegerIssue integer) throw doc.Error(m, $"{what} red line on '{issueName}' has no 'value'; expected 'value: <one of the issue's values>'");
                long lo = doc.Optional(m, "min") is { } mn ? doc.Long(mn, $"{what} red line 'min'") : integer.Min;
                long hi = doc.Optional(m, "max") is { } mx ? doc.Long(mx, $"{what} red line 'max'") : integer.Max;
                if (doc.Optional(m, "min") is null && doc.Optional(m, "max") is null)
                    throw doc.Error(m, $"{what} red line on '{issueName}' has no 'value', 'min' or 'max'; expected a value or a range");
                lo = Math.Max(lo, integer.Min);
                hi = Math.Min(hi, integer.Max);
                if (hi < lo) throw doc.Error(m, $"{what} red line on '{issueName}' covers no value of {integer.Min}..{integer.Max}");
                if (hi - integer.Min > int.MaxValue)
                    throw doc.Error(m, $"{what} red line on '{issueName}' reaches beyond {int.MaxValue:N0} values from the issue's minimum; expected a range within the first {int.MaxValue:N0} values");
                foreach (int i in targets) lines.Add(new RedLine(i, (int)(lo - integer.Min), (int)(hi - integer.Min), source));
            }
        }
        return new RedLines(lines);
    }

    private static int ValueIndex(Doc doc, YamlNode node, Issue issue, string what)
    {
        string text = doc.String(node, $"{what} value");
        int v = issue.IsEnumerable ? issue.IndexOf(text) : -1;
        if (v >= 0) return v;
        string expected = issue is DiscreteIssue d ? $"one of: {string.Join(", ", d.Values)}" : $"a value of issue '{issue.Name}'";
        throw doc.Error(node, $"{what}: '{text}' is not a value of issue '{issue.Name}'; expected {expected}");
    }

    private static int PartyRef(Doc doc, YamlNode node, Scenario scenario, string what)
    {
        string name = doc.String(node, what);
        int p = scenario.PartyIndex(name);
        if (p < 0) throw doc.Error(node, $"{what} names party '{name}', which the scenario does not define; expected one of: {string.Join(", ", scenario.Parties.Select(x => x.Name))}");
        return p;
    }

    private static CommunicationGraph ReadChannels(Doc doc, YamlNode node, Scenario scenario)
    {
        var channels = new List<Channel>();
        foreach (var item in doc.Seq(node, "'channels'"))
        {
            var m = doc.Map(item, "a channel");
            doc.AllowOnly(m, "a channel", "between", "from", "to", "delay", "source");
            int delay = 0;
            if (doc.Optional(m, "delay") is { } dn)
            {
                long d = doc.Long(dn, "channel 'delay'");
                if (d is < 0 or > int.MaxValue) throw doc.Error(dn, $"channel 'delay' is {d}; expected whole rounds ≥ 0");
                delay = (int)d;
            }
            string? source = doc.OptionalString(m, "source");
            Channel channel;
            if (doc.Optional(m, "between") is { } between)
            {
                var pair = doc.Seq(between, "channel 'between'");
                if (pair.Children.Count != 2 || doc.Optional(m, "from") is not null || doc.Optional(m, "to") is not null)
                    throw doc.Error(between, "channel 'between': expected exactly two party names and no 'from'/'to'");
                channel = new Channel(PartyRef(doc, pair.Children[0], scenario, "channel"), PartyRef(doc, pair.Children[1], scenario, "channel"), delay, true, source);
            }
            else
            {
                var from = doc.Required(m, "from", "a channel without 'between'");
                channel = new Channel(PartyRef(doc, from, scenario, "channel 'from'"),
                    PartyRef(doc, doc.Required(m, "to", "a channel without 'between'"), scenario, "channel 'to'"), delay, false, source);
            }
            if (channel.From == channel.To) throw doc.Error(m, "a channel from a party to itself; expected two different parties");
            channels.Add(channel);
        }
        try
        {
            return new CommunicationGraph(scenario.Parties.Length, channels);
        }
        catch (ArgumentException e)
        {
            throw doc.Error(node, $"'channels': {e.Message}");
        }
    }

    private static IEnumerable<ScenarioEvent> ReadEvent(Doc doc, YamlMappingNode m, Scenario scenario, Timeline dates)
    {
        var nameNode = doc.Required(m, "name", "an event");
        string name = doc.String(nameNode, "event 'name'");
        string what = $"event '{name}'";
        string type = doc.String(doc.Required(m, "type", what), $"{what} 'type'");
        string[] common = ["name", "type", "t", "date", "source"];
        double t;
        DateOnly? date = null;
        var tNode = doc.Optional(m, "t");
        var dateNode = doc.Optional(m, "date");
        if ((tNode is null) == (dateNode is null)) throw doc.Error(nameNode, $"{what} needs exactly one of 't' (normalised time in [0, 1]) or 'date' (YYYY-MM-DD)");
        if (tNode is not null)
        {
            t = doc.Double(tNode, $"{what} 't'");
            if (t is < 0 or > 1) throw doc.Error(tNode, $"{what} t = {t}; expected normalised time in [0, 1]");
        }
        else
        {
            date = Date(doc, dateNode!, $"{what} 'date'");
            if (!dates.IsDated) throw doc.Error(dateNode!, $"{what} is given by date but the scenario has no 'dates: {{start, deadline}}'");
            if (date < dates.Start || date > dates.Deadline)
                throw doc.Error(dateNode!, $"{what} date {date:yyyy-MM-dd} lies outside the scenario's {dates.Start:yyyy-MM-dd} to {dates.Deadline:yyyy-MM-dd}");
            t = dates.TimeOf(date.Value);
        }
        ScenarioEvent e;
        string? eventSource = doc.OptionalString(m, "source");
        switch (type)
        {
            case "reservedValue":
            {
                doc.AllowOnly(m, what, [.. common, "party", "change", "ramp", "rampDays", "ratifier"]);
                var partyNode = doc.Required(m, "party", what);
                int party = PartyRef(doc, partyNode, scenario, $"{what} 'party'");
                bool ofRatifier = doc.Optional(m, "ratifier") is { } ratNode && Bool(doc, ratNode, $"{what} 'ratifier'");
                if (ofRatifier && scenario.Parties[party].Ratifier is null)
                    throw doc.Error(partyNode, $"{what} moves the ratifier of '{scenario.Parties[party].Name}', which has none; expected a party with a 'ratifier'");
                var changeNode = doc.Required(m, "change", what);
                double change = doc.Double(changeNode, $"{what} 'change'");
                if (change is < -1 or > 1)
                    throw doc.Error(changeNode, $"{what} 'change' is {change.ToString(CultureInfo.InvariantCulture)}; expected a change of a reserved value (a utility), in [-1, 1]");
                double ramp = 0;
                if (doc.Optional(m, "ramp") is { } rn)
                {
                    ramp = doc.Double(rn, $"{what} 'ramp'");
                    if (ramp is < 0 or > 1) throw doc.Error(rn, $"{what} 'ramp' is {ramp}; expected a normalised duration in [0, 1]");
                }
                if (doc.Optional(m, "rampDays") is { } rd)
                {
                    if (!dates.IsDated) throw doc.Error(rd, $"{what} 'rampDays' needs the scenario's 'dates'; use 'ramp' (normalised) instead");
                    double days = doc.Double(rd, $"{what} 'rampDays'");
                    if (days < 0) throw doc.Error(rd, $"{what} 'rampDays' is {days}; expected ≥ 0");
                    ramp = days / dates.Days;
                }
                e = new ReservedValueChange(t, name, party, change, ramp) { OfRatifier = ofRatifier };
                break;
            }
            case "withdrawValue":
            {
                var issueNode = doc.Required(m, "issue", what);
                if (scenario.Phasing is { } phasing)
                {
                    // In a phased scenario an issue's name withdraws the value from every slot of it (or the one of 'phase').
                    doc.AllowOnly(m, what, [.. common, "issue", "phase", "value"]);
                    var valueNode = doc.Required(m, "value", what);
                    var (slots, _) = ResolveSlots(doc, m, issueNode, phasing.Structure, what);
                    return slots.Select(s => (ScenarioEvent)new IssueValueWithdrawn(t, name, s, ValueIndex(doc, valueNode, scenario.Space.Issues[s], what))
                        { Date = date, Source = eventSource }).ToArray();
                }
                doc.AllowOnly(m, what, [.. common, "issue", "value"]);
                string issueName = doc.String(issueNode, $"{what} 'issue'");
                int i = IssueIndex(doc, issueNode, scenario.Space, issueName, what);
                e = new IssueValueWithdrawn(t, name, i, ValueIndex(doc, doc.Required(m, "value", what), scenario.Space.Issues[i], what));
                break;
            }
            case "leave":
                doc.AllowOnly(m, what, [.. common, "party"]);
                e = new PartyLeaves(t, name, PartyRef(doc, doc.Required(m, "party", what), scenario, $"{what} 'party'"));
                break;
            case "join":
                doc.AllowOnly(m, what, [.. common, "party"]);
                e = new PartyJoins(t, name, PartyRef(doc, doc.Required(m, "party", what), scenario, $"{what} 'party'"));
                break;
            case "milestone":
                doc.AllowOnly(m, what, common);
                e = new Milestone(t, name);
                break;
            default:
                throw doc.Error(m, $"{what} has type '{type}'; expected reservedValue, withdrawValue, leave, join or milestone");
        }
        return [e with { Date = date, Source = eventSource }];
    }

    private static ImmutableArray<NamedPackage> ReadPackages(Doc doc, YamlNode node, Scenario scenario)
    {
        var packages = ImmutableArray.CreateBuilder<NamedPackage>();
        var space = scenario.Space;
        foreach (var item in doc.Seq(node, "'packages'"))
        {
            var m = doc.Map(item, "a package");
            var nameNode = doc.Required(m, "name", "a package");
            string name = doc.String(nameNode, "package 'name'");
            string what = $"package '{name}'";
            doc.AllowOnly(m, what, "name", "date", "source", "values");
            if (packages.Any(p => p.Name == name)) throw doc.Error(nameNode, $"{what} is defined twice; expected unique names");
            var valuesNode = doc.Map(doc.Required(m, "values", what), $"{what} 'values'");
            var values = new int?[space.IssueCount];
            foreach (var (k, v) in valuesNode.Children)
            {
                if (scenario.Phasing is { } phasing)
                {
                    ReadPhasedPackageValue(doc, k, v, phasing.Structure, values, what);
                    continue;
                }
                string issueName = doc.String(k, "an issue name");
                int i = IssueIndex(doc, k, space, issueName, $"{what} 'values'");
                values[i] = ValueIndex(doc, v, space.Issues[i], what);
            }
            for (int i = 0; i < values.Length; i++)
                if (values[i] is null) throw doc.Error(valuesNode, $"{what} has no value for issue '{space.Issues[i].Name}'; expected a value for every issue");
            packages.Add(new NamedPackage(name, [.. values.Select(v => v!.Value)])
            {
                Date = doc.Optional(m, "date") is { } dn ? Date(doc, dn, $"{what} 'date'") : null,
                Source = doc.OptionalString(m, "source"),
            });
        }
        return packages.ToImmutable();
    }

    private static DateOnly Date(Doc doc, YamlNode node, string what)
    {
        string text = doc.String(node, what);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw doc.Error(node, $"{what} is '{text}'; expected a date as YYYY-MM-DD");
    }
}
