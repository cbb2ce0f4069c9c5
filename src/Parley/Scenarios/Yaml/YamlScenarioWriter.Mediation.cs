using System.Globalization;
using Parley.Outcomes;
using Parley.Scenarios.Phases;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Parley.Scenarios.Yaml;

/// <summary>Writes the mediation parts of the YAML format: red lines, stakes, dates, channels, events and named packages.</summary>
public static partial class YamlScenarioWriter
{
    private static void AddPartyMediation(YamlMappingNode node, OutcomeSpace space, Party party, PhaseStructure? phased)
    {
        if (party.Role == PartyRole.Mediator && (party.Stake != 0 || party.StakeSource is not null)) node.Add("stake", Num(party.Stake));
        if (party.StakeSource is { } ss) node.Add("stakeSource", ss);
        var lines = party.Profile.RedLines.Lines;
        if (lines.IsEmpty) return;
        var list = new YamlSequenceNode();
        foreach (var l in lines)
        {
            var issue = space.Issues[l.Issue];
            var item = new YamlMappingNode { { "issue", Str(issue.Name) } };
            var rangeIssue = issue;
            if (phased is not null)
            {
                // An issue's own name, with the phase of a per-phase slot: ranges are stated on the issue's own values.
                var slot = phased.Slots[l.Issue];
                rangeIssue = phased.Issues[slot.Issue].Issue;
                item = new YamlMappingNode { { "issue", Str(rangeIssue.Name) } };
                if (!slot.IsOnce) item.Add("phase", Str(phased.Phases[slot.Phase].Name));
            }
            if (l.FirstValue == l.LastValue) item.Add("value", Str(issue.FormatValue(l.FirstValue)));
            else
            {
                var integer = (IntegerIssue)rangeIssue;
                item.Add("min", Num(integer.Min + l.FirstValue));
                item.Add("max", Num(integer.Min + l.LastValue));
            }
            if (l.Source is { } src) item.Add("source", src);
            list.Add(item);
        }
        node.Add("redLines", list);
    }

    private static void AddMediation(YamlMappingNode root, Scenario scenario)
    {
        var timeline = scenario.Timeline;
        if (timeline.IsDated) root.Add("dates", new YamlMappingNode { { "start", Date(timeline.Start!.Value) }, { "deadline", Date(timeline.Deadline!.Value) } });
        if (scenario.Channels is { } graph)
        {
            var channels = new YamlSequenceNode();
            foreach (var c in graph.Channels)
            {
                var node = c.TwoWay
                    ? new YamlMappingNode { { "between", new YamlSequenceNode(Str(scenario.Parties[c.From].Name), Str(scenario.Parties[c.To].Name)) { Style = SequenceStyle.Flow } } }
                    : new YamlMappingNode { { "from", Str(scenario.Parties[c.From].Name) }, { "to", Str(scenario.Parties[c.To].Name) } };
                if (c.DelayRounds != 0) node.Add("delay", Num(c.DelayRounds));
                if (c.Source is { } src) node.Add("source", src);
                channels.Add(node);
            }
            root.Add("channels", channels);
        }
        if (!timeline.Events.IsEmpty)
        {
            var events = new YamlSequenceNode();
            foreach (var e in timeline.Events) events.Add(EventNode(scenario, e));
            root.Add("events", events);
        }
        if (!scenario.Packages.IsEmpty)
        {
            var packages = new YamlSequenceNode();
            foreach (var p in scenario.Packages)
            {
                var node = new YamlMappingNode { { "name", Str(p.Name) } };
                if (p.Date is { } d) node.Add("date", Date(d));
                if (p.Source is { } src) node.Add("source", src);
                node.Add("values", scenario.Phasing is { } phasing ? PhasedValuesNode(phasing.Structure, p.Values.AsSpan()) : ValuesNode(scenario.Space, p.Values.AsSpan()));
                packages.Add(node);
            }
            root.Add("packages", packages);
        }
    }

    private static YamlMappingNode ValuesNode(OutcomeSpace space, ReadOnlySpan<int> values)
    {
        var node = new YamlMappingNode();
        for (int i = 0; i < values.Length; i++) node.Add(Str(space.Issues[i].Name), Str(space.Issues[i].FormatValue(values[i])));
        return node;
    }

    private static YamlMappingNode EventNode(Scenario scenario, ScenarioEvent e)
    {
        var node = new YamlMappingNode { { "name", Str(e.Name) } };
        // A dated event keeps its date only when the date still maps to its time exactly.
        bool byDate = e.Date is { } date && scenario.Timeline.IsDated && scenario.Timeline.TimeOf(date) == e.Time;
        if (byDate) node.Add("date", Date(e.Date!.Value));
        else node.Add("t", Num(e.Time));
        string Party(int p) => scenario.Parties[p].Name;
        switch (e)
        {
            case ReservedValueChange c:
                node.Add("type", "reservedValue");
                node.Add("party", Str(Party(c.Party)));
                node.Add("change", Num(c.Change));
                if (c.OfRatifier) node.Add("ratifier", "true");
                if (c.RampDuration > 0) node.Add("ramp", Num(c.RampDuration));
                break;
            case IssueValueWithdrawn w:
                node.Add("type", "withdrawValue");
                node.Add("issue", Str(scenario.Space.Issues[w.Issue].Name));
                node.Add("value", Str(scenario.Space.Issues[w.Issue].FormatValue(w.Value)));
                break;
            case PartyLeaves l:
                node.Add("type", "leave");
                node.Add("party", Str(Party(l.Party)));
                break;
            case PartyJoins j:
                node.Add("type", "join");
                node.Add("party", Str(Party(j.Party)));
                break;
            default:
                node.Add("type", "milestone");
                break;
        }
        if (e.Source is { } src) node.Add("source", src);
        return node;
    }

    private static YamlScalarNode Date(DateOnly d) => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
