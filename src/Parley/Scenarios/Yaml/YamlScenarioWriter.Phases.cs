using Parley.Outcomes;
using Parley.Scenarios.Phases;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Parley.Scenarios.Yaml;

/// <summary>Writes the phased parts of the YAML format: top-level <c>phases</c>, per-issue <c>phased</c>/<c>deferrable</c>, per-party <c>phases</c>.</summary>
public static partial class YamlScenarioWriter
{
    private static YamlSequenceNode PhasesNode(PhaseStructure structure)
    {
        var list = new YamlSequenceNode();
        foreach (var p in structure.Phases)
            list.Add(new YamlMappingNode { { "name", Str(p.Name) }, { p.InDays ? "days" : "length", Num(p.Length) } });
        return list;
    }

    private static YamlMappingNode PhasedIssueNode(PhaseStructure structure, PhasedIssue issue)
    {
        var node = IssueNode(issue.Issue);
        if (issue.PerPhase) node.Add("phased", "true");
        if (!issue.AnyDeferrable) return node;
        if (!issue.PerPhase) node.Add("deferrable", "true");
        else
        {
            var names = new YamlSequenceNode { Style = SequenceStyle.Flow };
            for (int k = 0; k < issue.Deferrable.Length; k++) if (issue.Deferrable[k]) names.Add(Str(structure.Phases[k].Name));
            node.Add("deferrable", names);
        }
        return node;
    }

    private static YamlMappingNode PartyPhasesNode(PhaseStructure structure, PartyPhasing phasing)
    {
        YamlSequenceNode PerPhase(IEnumerable<double> xs) => new(xs.Select(x => (YamlNode)Num(x))) { Style = SequenceStyle.Flow };
        var node = new YamlMappingNode
        {
            { "weights", PerPhase(phasing.PhaseWeights) },
            { "carriedOut", PerPhase(phasing.CarriedOut) },
            { "breakdownValue", Num(phasing.BreakdownValue) },
        };
        if (phasing.Expectations.IsEmpty) return node;
        var expects = new YamlSequenceNode();
        foreach (var (slot, expectation) in phasing.Expectations.OrderBy(e => e.Key))
        {
            var s = structure.Slots[slot];
            var issue = structure.Issues[s.Issue].Issue;
            var item = new YamlMappingNode { { "issue", Str(issue.Name) } };
            if (!s.IsOnce) item.Add("phase", Str(structure.Phases[s.Phase].Name));
            if (expectation.Outcomes.Length == 1 && expectation.Outcomes[0].Probability == 1) item.Add("value", Str(issue.FormatValue(expectation.Outcomes[0].Value)));
            else
            {
                var dist = new YamlMappingNode();
                for (int k = 0; k < expectation.Outcomes.Length; k++)
                {
                    var (v, p) = expectation.Outcomes[k];
                    dist.Add(Str(issue.FormatValue(v)), k == expectation.Rest ? Str("rest") : Num(p));
                }
                item.Add("distribution", dist);
            }
            expects.Add(item);
        }
        node.Add("expects", expects);
        return node;
    }

    /// <summary>A package's values with each per-phase issue as a list in phase order.</summary>
    private static YamlMappingNode PhasedValuesNode(PhaseStructure structure, ReadOnlySpan<int> values)
    {
        var node = new YamlMappingNode();
        for (int i = 0; i < structure.Issues.Length; i++)
        {
            var slots = structure.SlotsOf(i);
            string name = structure.Issues[i].Issue.Name;
            if (slots.Length == 1) node.Add(Str(name), Str(structure.Space.Issues[slots[0]].FormatValue(values[slots[0]])));
            else
            {
                var list = new YamlSequenceNode { Style = SequenceStyle.Flow };
                foreach (int s in slots) list.Add(Str(structure.Space.Issues[s].FormatValue(values[s])));
                node.Add(Str(name), list);
            }
        }
        return node;
    }
}
