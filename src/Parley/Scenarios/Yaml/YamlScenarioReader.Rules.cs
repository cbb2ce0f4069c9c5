using System.Collections.Immutable;
using System.Globalization;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Phases;
using YamlDotNet.RepresentationModel;
using Doc = Parley.Scenarios.Yaml.YamlDoc;

namespace Parley.Scenarios.Yaml;

/// <summary>Rules over combinations of values: a party's <c>rules</c> (red lines over combinations) and the scenario's top-level <c>rules</c>.</summary>
public static partial class YamlScenarioReader
{
    private static ImmutableArray<SlotRule> ReadRules(Doc doc, YamlNode node, string what, OutcomeSpace space, PhaseStructure? phased, bool scenarioWide)
    {
        var deferred = phased is null ? [] : ImmutableArray.CreateRange(Enumerable.Range(0, space.IssueCount).Select(s => phased.Slots[s].Deferrable ? space.Issues[s].ValueCount - 1 : -1));
        var rules = ImmutableArray.CreateBuilder<SlotRule>();
        foreach (var item in doc.Seq(node, $"{what} 'rules'"))
        {
            var m = doc.Map(item, $"{what} rule");
            var typeNode = doc.Required(m, "type", $"{what} rule");
            string type = doc.String(typeNode, $"{what} rule 'type'");
            string rw = $"{what} {type} rule";
            string? source = doc.OptionalString(m, "source");
            switch (type)
            {
                case "monotone":
                {
                    doc.AllowOnly(m, rw, "type", "issue", "slots", "direction", "source");
                    var slots = RuleSlots(doc, m, rw, space, phased);
                    if (slots.Length < 2) throw doc.Error(m, $"{rw} reads {slots.Length} slot; expected a per-phase issue or at least two 'slots'");
                    string direction = doc.OptionalString(m, "direction") ?? "up";
                    if (direction is not ("up" or "down")) throw doc.Error(doc.Required(m, "direction", rw), $"{rw} 'direction' is '{direction}'; expected up (never falls) or down (never rises)");
                    rules.Add(new MonotoneRule([.. slots], direction == "down") { DeferredValues = deferred, Source = source, ScenarioWide = scenarioWide });
                    break;
                }
                case "sum":
                {
                    doc.AllowOnly(m, rw, "type", "issue", "slots", "min", "max", "source");
                    var slots = RuleSlots(doc, m, rw, space, phased);
                    double? min = doc.Optional(m, "min") is { } mn ? doc.Double(mn, $"{rw} 'min'") : null;
                    double? max = doc.Optional(m, "max") is { } mx ? doc.Double(mx, $"{rw} 'max'") : null;
                    if (min is null && max is null) throw doc.Error(m, $"{rw} has neither 'min' nor 'max'; expected a bound on the sum");
                    var terms = slots.Select(s => (s, Numbers(doc, m, rw, space, phased, s))).ToImmutableArray();
                    rules.Add(new SumRule(terms, min, max) { DeferredValues = deferred, Source = source, ScenarioWide = scenarioWide });
                    break;
                }
                case "exclude":
                {
                    doc.AllowOnly(m, rw, "type", "if", "thenNot", "source");
                    var (ifSlots, ifValues) = RuleSide(doc, doc.Map(doc.Required(m, "if", rw), $"{rw} 'if'"), $"{rw} 'if'", space, phased);
                    var (thenSlots, notValues) = RuleSide(doc, doc.Map(doc.Required(m, "thenNot", rw), $"{rw} 'thenNot'"), $"{rw} 'thenNot'", space, phased);
                    if (ifSlots.Length != thenSlots.Length && ifSlots.Length != 1 && thenSlots.Length != 1)
                        throw doc.Error(m, $"{rw}: 'if' reads {ifSlots.Length} slots and 'thenNot' {thenSlots.Length}; expected the same number (paired phase by phase) or one on either side");
                    int pairs = Math.Max(ifSlots.Length, thenSlots.Length);
                    for (int k = 0; k < pairs; k++)
                    {
                        int a = ifSlots[ifSlots.Length == 1 ? 0 : k], b = thenSlots[thenSlots.Length == 1 ? 0 : k];
                        rules.Add(new ExclusionRule(a, [.. ifValues(a)], b, [.. notValues(b)]) { DeferredValues = deferred, Source = source, ScenarioWide = scenarioWide });
                    }
                    break;
                }
                default:
                    throw doc.Error(typeNode, $"{what} rule has type '{type}'; expected monotone, sum or exclude");
            }
        }
        return rules.ToImmutable();
    }

    /// <summary>The slots a rule reads: an issue (its slots in phase order, or the one of 'phase') or a list of slot/issue names.</summary>
    private static int[] RuleSlots(Doc doc, YamlMappingNode m, string what, OutcomeSpace space, PhaseStructure? phased)
    {
        var issueNode = doc.Optional(m, "issue");
        var slotsNode = doc.Optional(m, "slots");
        if ((issueNode is null) == (slotsNode is null)) throw doc.Error(m, $"{what} needs exactly one of 'issue' or 'slots'");
        if (issueNode is not null) return SlotsOfName(doc, m, issueNode, space, phased, what);
        var list = new List<int>();
        foreach (var n in doc.Seq(slotsNode!, $"{what} 'slots'"))
        {
            var slots = SlotsOfName(doc, new YamlMappingNode(), n, space, phased, what);
            if (slots.Length != 1) throw doc.Error(n, $"{what} 'slots' names '{doc.String(n, "a slot")}', which has {slots.Length} slots; expected one slot (issue@phase)");
            list.Add(slots[0]);
        }
        return [.. list];
    }

    private static int[] SlotsOfName(Doc doc, YamlMappingNode m, YamlNode issueNode, OutcomeSpace space, PhaseStructure? phased, string what)
    {
        if (phased is not null) return ResolveSlots(doc, m, issueNode, phased, what).Slots;
        return [IssueIndex(doc, issueNode, space, doc.String(issueNode, $"{what} 'issue'"), what)];
    }

    private static (int[] Slots, Func<int, int[]> Values) RuleSide(Doc doc, YamlMappingNode m, string what, OutcomeSpace space, PhaseStructure? phased)
    {
        doc.AllowOnly(m, what, "issue", "phase", "value");
        var slots = SlotsOfName(doc, m, doc.Required(m, "issue", what), space, phased, what);
        var valueNode = doc.Required(m, "value", what);
        var texts = valueNode is YamlSequenceNode seq ? seq.Children.ToList() : [valueNode];
        foreach (int s in slots) foreach (var t in texts) ValueIndex(doc, t, space.Issues[s], what);
        return (slots, s => [.. texts.Select(t => ValueIndex(doc, t, space.Issues[s], what))]);
    }

    private static ImmutableArray<double> Numbers(Doc doc, YamlMappingNode m, string what, OutcomeSpace space, PhaseStructure? phased, int slot)
    {
        var issue = space.Issues[slot];
        var numbers = new double[issue.ValueCount];
        for (int v = 0; v < numbers.Length; v++)
        {
            if (phased is not null && phased.IsDeferred(slot, v)) continue;
            string text = issue.FormatValue(v);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[v]))
                throw doc.Error(m, $"{what}: value '{text}' of '{issue.Name}' is not a number; a sum rule reads integer, real or numeric discrete issues");
        }
        return [.. numbers];
    }

    /// <summary>The parties with every principal bound by the scenario's rules (each added to its red lines' rules).</summary>
    private static ImmutableArray<Party> BindScenarioRules(ImmutableArray<Party> parties, ImmutableArray<SlotRule> rules) =>
        rules.IsEmpty ? parties : [.. parties.Select(p => p.Role != PartyRole.Principal ? p : p with
        {
            Profile = p.Profile with { RedLines = new RedLines(p.Profile.RedLines.Lines) { Rules = [.. p.Profile.RedLines.Rules, .. rules] } },
        })];
}
