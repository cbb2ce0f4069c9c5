using Parley.Outcomes;
using Parley.Preferences;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Parley.Scenarios.Yaml;

/// <summary>Writes rules over combinations of values, by slot name.</summary>
public static partial class YamlScenarioWriter
{
    private static YamlSequenceNode RulesNode(OutcomeSpace space, IEnumerable<SlotRule> rules)
    {
        var list = new YamlSequenceNode();
        YamlSequenceNode Names(IEnumerable<int> slots) => new(slots.Select(s => (YamlNode)Str(space.Issues[s].Name))) { Style = SequenceStyle.Flow };
        YamlMappingNode Side(int slot, IEnumerable<int> values) => new()
        {
            { "issue", Str(space.Issues[slot].Name) },
            { "value", new YamlSequenceNode(values.Select(v => (YamlNode)Str(space.Issues[slot].FormatValue(v)))) { Style = SequenceStyle.Flow } },
        };
        foreach (var rule in rules)
        {
            var node = rule switch
            {
                MonotoneRule r => new YamlMappingNode { { "type", "monotone" }, { "slots", Names(r.Order) }, { "direction", r.Decreasing ? "down" : "up" } },
                SumRule r => SumNode(r, Names(r.Terms.Select(t => t.Slot))),
                ExclusionRule r => new YamlMappingNode { { "type", "exclude" }, { "if", Side(r.IfSlot, r.IfValues) }, { "thenNot", Side(r.ThenSlot, r.NotValues) } },
                _ => throw new NotSupportedException(rule.GetType().Name),
            };
            if (rule.Source is { } src) node.Add("source", src);
            list.Add(node);
        }
        return list;
    }

    private static YamlMappingNode SumNode(SumRule r, YamlSequenceNode slots)
    {
        var node = new YamlMappingNode { { "type", "sum" }, { "slots", slots } };
        if (r.Min is { } min) node.Add("min", Num(min));
        if (r.Max is { } max) node.Add("max", Num(max));
        return node;
    }
}
