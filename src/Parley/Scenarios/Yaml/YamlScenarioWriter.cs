using System.Globalization;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Phases;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Scenarios.Yaml;

/// <summary>Writes a scenario in Parley's YAML format (docs/scenario-format.md); reading it back gives identical utilities.</summary>
public static partial class YamlScenarioWriter
{
    /// <summary>Writes <paramref name="scenario"/> to <paramref name="file"/>; returns warnings (an assumption whose number could not be marked again).</summary>
    public static IReadOnlyList<string> WriteFile(Scenario scenario, string file)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null) Directory.CreateDirectory(dir);
        var warnings = new List<string>();
        File.WriteAllText(file, Write(scenario, warnings));
        return warnings;
    }

    /// <summary>The scenario as YAML, its assumptions (<see cref="Scenario.Assumptions"/>) written as <c>{value, range, source, calibratedFor}</c>.</summary>
    public static string Write(Scenario scenario) => Write(scenario, []);

    private static string Write(Scenario scenario, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return WithAssumptions(scenario, WritePlain(scenario), warnings);
    }

    private static string WritePlain(Scenario scenario)
    {
        var space = scenario.Space;
        var root = new YamlMappingNode { { "name", scenario.Name } };
        if (scenario.Description is { } d) root.Add("description", d);
        var issues = new YamlSequenceNode();
        if (scenario.Phasing is { } phasing)
        {
            root.Add("phases", PhasesNode(phasing.Structure));
            foreach (var issue in phasing.Structure.Issues) issues.Add(PhasedIssueNode(phasing.Structure, issue));
        }
        else foreach (var issue in space.Issues) issues.Add(IssueNode(issue));
        root.Add("issues", issues);
        var parties = new YamlSequenceNode();
        for (int k = 0; k < scenario.Parties.Length; k++) parties.Add(PartyNode(space, scenario.Parties[k], scenario.Phasing?.Parties[k], scenario.Phasing?.Structure));
        root.Add("parties", parties);
        if (!scenario.Rules.IsEmpty) root.Add("rules", RulesNode(space, scenario.Rules));
        AddMediation(root, scenario);
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        string text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text.Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static YamlMappingNode IssueNode(Issue issue) => issue switch
    {
        DiscreteIssue d => new YamlMappingNode { { "name", d.Name }, { "type", "discrete" }, { "values", new YamlSequenceNode(d.Values.Select(Str)) } },
        IntegerIssue i => new YamlMappingNode { { "name", i.Name }, { "type", "integer" }, { "min", Num(i.Min) }, { "max", Num(i.Max) } },
        RealIssue r => RealNode(r),
        _ => throw new NotSupportedException(issue.GetType().Name),
    };

    private static YamlMappingNode RealNode(RealIssue r)
    {
        var node = new YamlMappingNode { { "name", r.Name }, { "type", "real" }, { "min", Num(r.Min) }, { "max", Num(r.Max) } };
        if (r.Steps is { } s) node.Add("steps", Num(s));
        return node;
    }

    private static YamlMappingNode PartyNode(OutcomeSpace space, Party party, PartyPhasing? phasing, PhaseStructure? structure)
    {
        var node = new YamlMappingNode { { "name", party.Name }, { "role", party.Role == PartyRole.Mediator ? "mediator" : "principal" } };
        if (party.Source is { } s) node.Add("source", s);
        node.Add("utility", phasing is null ? UtilityNode(space, party.Profile.Utility, party) : UtilityNode(structure!.IssueSpace, phasing.Utility, party));
        var rv = party.Profile.ReservedValue;
        if (rv.IsConstant && rv.Points[0].Time == 0 && rv.Points[0].Source is null) node.Add("reservedValue", Num(rv.Initial));
        else
        {
            var points = new YamlSequenceNode();
            foreach (var p in rv.Points)
            {
                var point = new YamlMappingNode { { "t", Num(p.Time) }, { "value", Num(p.Value) } };
                if (p.Source is { } pointSource) point.Add("source", pointSource);
                points.Add(point);
            }
            node.Add("reservedValue", points);
        }
        node.Add("discountFactor", Num(party.Profile.DiscountFactor));
        if (phasing is not null) node.Add("phases", PartyPhasesNode(structure!, phasing));
        AddPartyMediation(node, space, party, structure);
        var own = party.Profile.RedLines.Rules.Where(r => !r.ScenarioWide).ToArray();
        if (own.Length > 0) node.Add("rules", RulesNode(space, own));
        if (party.Ratifier is { } ratifier)
        {
            var ratNode = PartyNode(space, new Party(ratifier.Name, PartyRole.Principal, ratifier.Profile, ratifier.Source), ratifier.Phasing, structure);
            ratNode.Children.Remove(new YamlScalarNode("role"));
            node.Add("ratifier", ratNode);
        }
        return node;
    }

    private static YamlMappingNode UtilityNode(OutcomeSpace space, UtilityFunction utility, Party party)
    {
        switch (utility)
        {
            case LinearAdditiveUtility a:
                var weights = new YamlMappingNode();
                var issues = new YamlMappingNode();
                for (int i = 0; i < space.IssueCount; i++)
                {
                    weights.Add(Str(space.Issues[i].Name), Num(a.Weights[i]));
                    var eval = EvaluatorNode(space.Issues[i], a.Evaluators[i]);
                    if (party.PositionSources.TryGetValue(space.Issues[i].Name, out var src)) eval.Add("source", src);
                    issues.Add(Str(space.Issues[i].Name), eval);
                }
                return new YamlMappingNode { { "type", "additive" }, { "weights", weights }, { "issues", issues } };
            case HyperRectangleUtility h:
                var rects = new YamlSequenceNode();
                foreach (var r in h.Rectangles)
                {
                    var bounds = new YamlMappingNode();
                    foreach (var b in r.Bounds)
                    {
                        long min = ((IntegerIssue)space.Issues[b.Issue]).Min;
                        bounds.Add(Str(space.Issues[b.Issue].Name), new YamlSequenceNode(Num(min + b.MinIndex), Num(min + b.MaxIndex)) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
                    }
                    rects.Add(new YamlMappingNode { { "utility", Num(r.Utility) }, { "bounds", bounds } });
                }
                return new YamlMappingNode { { "type", "constraints" }, { "maxUtility", Num(h.MaxUtility) }, { "rectangles", rects } };
            default:
                throw new NotSupportedException($"YAML cannot hold a {utility.GetType().Name}.");
        }
    }

    private static YamlMappingNode EvaluatorNode(Issue issue, IssueEvaluator evaluator) => evaluator switch
    {
        DiscreteEvaluator d => new YamlMappingNode
        {
            { "values", new YamlMappingNode(((DiscreteIssue)issue).Values.Select((v, k) => new KeyValuePair<YamlNode, YamlNode>(Str(v), Num(d.Evaluations[k])))) },
        },
        LinearIntegerEvaluator l when issue is IntegerIssue i && l.LowerBound == i.Min => new YamlMappingNode { { "slope", Num(l.Slope) }, { "offset", Num(l.Offset) } },
        LinearIntegerEvaluator l when issue is IntegerIssue i =>
            // YAML evaluates from the issue's own lower bound; re-base the offset so the scores stay identical.
            new YamlMappingNode { { "slope", Num(l.Slope) }, { "offset", Num(l.Offset + l.Slope * (i.Min - l.LowerBound)) } },
        LinearRealEvaluator r => new YamlMappingNode { { "slope", Num(r.Slope) }, { "intercept", Num(r.Intercept) } },
        _ => throw new NotSupportedException(evaluator.GetType().Name),
    };

    private static YamlScalarNode Str(string s) => new(s) { Style = NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    private static bool NeedsQuotes(string s) => s.Length == 0 || s.Trim() != s || s is "null" or "~" or "true" or "false" or "yes" or "no";

    private static YamlScalarNode Num(double v) => new(v.ToString("R", CultureInfo.InvariantCulture));
    private static YamlScalarNode Num(long v) => new(v.ToString(CultureInfo.InvariantCulture));
}
