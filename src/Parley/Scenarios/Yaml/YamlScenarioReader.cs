using System.Collections.Immutable;
using System.Globalization;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Phases;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Doc = Parley.Scenarios.Yaml.YamlDoc;

namespace Parley.Scenarios.Yaml;

/// <summary>
/// Reads Parley's own YAML scenario format (see docs/scenario-format.md): issues, parties (principal or mediator), each
/// party's utility (weights and value scores, or hyper-rectangle constraints), reserved values constant or piecewise
/// linear over normalised time, and a free-text <c>source</c> on each position. Errors name the file, the line and
/// what was expected.
/// </summary>
public static partial class YamlScenarioReader
{
    public static Scenario ReadFile(string file)
    {
        ScenarioLoader.CheckSize(file);
        string text;
        try { text = File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
        var scenario = Read(file, text);
        return scenario with { Location = file };
    }

    /// <summary>Reads a scenario from YAML text; <paramref name="file"/> is only used in error messages.</summary>
    public static Scenario Read(string file, string text) => Read(file, text, null);

    /// <summary>Every number of a scenario's YAML text, in the order read: what it is and its character span (see <see cref="Doc.Numbers"/>).</summary>
    internal static List<(string What, int Start, int End)> NumbersOf(string file, string text)
    {
        var numbers = new List<(string What, int Start, int End)>();
        Read(file, text, numbers);
        return numbers;
    }

    private static Scenario Read(string file, string text, List<(string What, int Start, int End)>? numbers)
    {
        var stream = InputGuard.ParseYaml(file, text);
        if (stream.Documents.Count == 0)
            throw new ScenarioFormatException(file, null, "the file is empty; expected a scenario with 'issues' and 'parties'");
        var doc = new Doc(file) { Text = text, Numbers = numbers };
        var root = doc.Map(stream.Documents[0].RootNode, "the document");
        if (doc.Optional(root, "parties") is null && doc.Optional(root, "issues") is null
            && (doc.Optional(root, "negotiators") is not null || doc.Optional(root, "scenarios") is not null))
            throw new ScenarioFormatException(file, null,
                $"this is a tournament file ('negotiators' and 'scenarios'), not a scenario ('issues' and 'parties'); run it with: parley tournament run {file}");
        doc.AllowOnly(root, "the document", "name", "description", "issues", "parties", "dates", "channels", "events", "packages", "phases", "rules");

        string name = doc.OptionalString(root, "name") ?? Path.GetFileNameWithoutExtension(file);
        var issuesNode = doc.Seq(doc.Required(root, "issues", "the document"), "issues");
        var issues = new List<Issue>();
        foreach (var node in issuesNode) issues.Add(ReadIssue(doc, doc.Map(node, "an issue")));
        if (issues.Count == 0) throw doc.Error(issuesNode, "'issues' is empty; expected at least one issue");
        var dupIssue = issues.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        if (dupIssue is not null) throw doc.Error(issuesNode, $"issue '{dupIssue.Key}' is defined twice; expected unique names");
        var phaseStructure = doc.Optional(root, "phases") is { } phasesNode ? ReadPhaseStructure(doc, phasesNode, issuesNode, issues) : null;
        if (phaseStructure is null) RejectPhaseKeys(doc, issuesNode);
        var space = phaseStructure?.Space ?? new OutcomeSpace(issues);

        var partiesNode = doc.Seq(doc.Required(root, "parties", "the document"), "parties");
        var warnings = ImmutableArray.CreateBuilder<string>();
        var parties = ImmutableArray.CreateBuilder<Party>();
        var phasings = ImmutableArray.CreateBuilder<PartyPhasing>();
        foreach (var node in partiesNode)
        {
            int assumptionsBefore = doc.Assumptions.Count;
            var (party, phasing) = ReadParty(doc, doc.Map(node, "a party"), space, warnings, phaseStructure);
            OwnAssumptions(doc, assumptionsBefore, party.Name);
            parties.Add(party);
            if (phasing is not null) phasings.Add(phasing);
        }
        if (parties.Count(p => p.Role == PartyRole.Principal) < 2)
            throw doc.Error(partiesNode, "fewer than two principals; expected at least two parties with role 'principal'");
        var dupParty = parties.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (dupParty is not null) throw doc.Error(partiesNode, $"party '{dupParty.Key}' is defined twice; expected unique names");

        var scenarioRules = doc.Optional(root, "rules") is { } rulesNode ? ReadRules(doc, rulesNode, "the scenario's", space, phaseStructure, scenarioWide: true) : [];
        var read = ReadMediation(doc, root, new Scenario(name, space, BindScenarioRules(parties.ToImmutable(), scenarioRules))
        {
            Rules = scenarioRules,
            Description = doc.OptionalString(root, "description"),
            Warnings = warnings.ToImmutable(),
            Phasing = phaseStructure is null ? null : new ScenarioPhasing(phaseStructure, phasings.ToImmutable()),
        });
        return doc.Assumptions.Count == 0 ? read : read with { Assumptions = [.. doc.Assumptions], SourceText = text };
    }


    // The assumptions read since index 'from' are numbers of 'party' (its own, its ratifier's, or an event's change of them).
    private static void OwnAssumptions(Doc doc, int from, string party)
    {
        for (int k = from; k < doc.Assumptions.Count; k++) doc.Assumptions[k] = doc.Assumptions[k] with { Party = party };
    }

    private static Issue ReadIssue(Doc doc, YamlMappingNode map)
    {
        string name = doc.String(doc.Required(map, "name", "an issue"), "issue 'name'");
        string what = $"issue '{name}'";
        string type = doc.String(doc.Required(map, "type", what), $"{what} 'type'");
        switch (type)
        {
            case "discrete":
                doc.AllowOnly(map, what, "name", "type", "values", "description", "phased", "deferrable");
                var valuesNode = doc.Seq(doc.Required(map, "values", what), $"{what} 'values'");
                var values = valuesNode.Select(v => doc.String(v, $"a value of {what}")).ToList();
                if (values.Count == 0) throw doc.Error(valuesNode, $"{what} has no values; expected at least one");
                var dup = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
                if (dup is not null) throw doc.Error(valuesNode, $"{what} lists value '{dup.Key}' twice");
                return new DiscreteIssue(name, values);
            case "integer":
            {
                doc.AllowOnly(map, what, "name", "type", "min", "max", "description", "phased", "deferrable");
                var minNode = doc.Required(map, "min", what);
                long min = doc.Long(minNode, $"{what} 'min'"), max = doc.Long(doc.Required(map, "max", what), $"{what} 'max'");
                if (max < min) throw doc.Error(minNode, $"{what}: max {max} is below min {min}");
                return new IntegerIssue(name, min, max);
            }
            case "real":
            {
                doc.AllowOnly(map, what, "name", "type", "min", "max", "steps", "description", "phased", "deferrable");
                var minNode = doc.Required(map, "min", what);
                double min = doc.Double(minNode, $"{what} 'min'"), max = doc.Double(doc.Required(map, "max", what), $"{what} 'max'");
                if (!(max >= min)) throw doc.Error(minNode, $"{what}: max {max} is below min {min}");
                int? steps = null;
                if (doc.Optional(map, "steps") is { } s)
                {
                    long st = doc.Long(s, $"{what} 'steps'");
                    if (st is < 2 or > int.MaxValue) throw doc.Error(s, $"{what} 'steps' is {st}; expected a whole number ≥ 2 (grid points, both bounds included)");
                    steps = (int)st;
                }
                return new RealIssue(name, min, max, steps);
            }
            default:
                throw doc.Error(map.Children[new YamlScalarNode("type")], $"{what} has type '{type}'; expected discrete, integer or real");
        }
    }

    private static (Party, PartyPhasing?) ReadParty(Doc doc, YamlMappingNode map, OutcomeSpace space, ImmutableArray<string>.Builder warnings, PhaseStructure? phased)
    {
        string name = doc.String(doc.Required(map, "name", "a party"), "party 'name'");
        string what = $"party '{name}'";
        doc.AllowOnly(map, what, "name", "role", "source", "utility", "reservedValue", "discountFactor", "description", "redLines", "stake", "stakeSource", "phases", "rules", "ratifier");
        var role = (doc.OptionalString(map, "role") ?? "principal") switch
        {
            "principal" => PartyRole.Principal,
            "mediator" => PartyRole.Mediator,
            var r => throw doc.Error(map.Children[new YamlScalarNode("role")], $"{what} has role '{r}'; expected principal or mediator"),
        };
        var sources = ImmutableDictionary.CreateBuilder<string, string>();
        var utilityNode = doc.Map(doc.Required(map, "utility", what), $"{what} 'utility'");
        var utility = ReadUtility(doc, utilityNode, what, phased?.IssueSpace ?? space, warnings, sources);

        var reserved = ReservedValueCurve.Zero;
        if (doc.Optional(map, "reservedValue") is { } rv) reserved = ReadReserved(doc, rv, what);
        double discount = 1;
        if (doc.Optional(map, "discountFactor") is { } df)
        {
            discount = doc.Double(df, $"{what} 'discountFactor'");
            if (discount is <= 0 or > 1) throw doc.Error(df, $"{what} 'discountFactor' is {discount}; expected a number in (0, 1]");
        }
        PartyPhasing? phasing = null;
        if (phased is not null)
        {
            phasing = ReadPartyPhasing(doc, map, what, phased, utility, utilityNode, reserved);
            utility = CompilePhased(doc, map, what, phased, phasing);
        }
        else if (doc.Optional(map, "phases") is { } stray)
            throw doc.Error(stray, $"{what} has 'phases' but the scenario declares no top-level 'phases'; expected a phased scenario");
        var redLines = doc.Optional(map, "redLines") is { } rl ? ReadRedLines(doc, rl, what, space, phased) : RedLines.None;
        if (doc.Optional(map, "rules") is { } rn) redLines = new RedLines(redLines.Lines) { Rules = ReadRules(doc, rn, what, space, phased, scenarioWide: false) };
        Ratifier? ratifier = null;
        if (doc.Optional(map, "ratifier") is { } ratNode)
        {
            if (role != PartyRole.Principal) throw doc.Error(ratNode, $"{what} is a mediator with a 'ratifier'; only principals have one");
            var ratMap = doc.Map(ratNode, $"{what} 'ratifier'");
            if (doc.Optional(ratMap, "ratifier") is { } nested) throw doc.Error(nested, $"{what}'s ratifier has a 'ratifier' of its own; expected one level of ratification");
            var (r, rp) = ReadParty(doc, ratMap, space, warnings, phased);
            ratifier = new Ratifier(r.Name, r.Profile, r.Source) { Phasing = rp };
        }
        return (new Party(name, role, new Profile(utility, reserved, discount) { RedLines = redLines }, doc.OptionalString(map, "source"))
        {
            Ratifier = ratifier,
            PositionSources = sources.ToImmutable(),
            Stake = ReadStake(doc, map, what, role),
            StakeSource = doc.OptionalString(map, "stakeSource"),
        }, phasing);
    }

    private static UtilityFunction ReadUtility(Doc doc, YamlMappingNode map, string what, OutcomeSpace space,
        ImmutableArray<string>.Builder warnings, ImmutableDictionary<string, string>.Builder sources)
    {
        string type = doc.OptionalString(map, "type") ?? "additive";
        if (type == "constraints") return ReadConstraints(doc, map, what, space);
        if (type != "additive") throw doc.Error(map, $"{what} utility type '{type}'; expected additive or constraints");
        doc.AllowOnly(map, $"{what} utility", "type", "weights", "issues");

        var weightsNode = doc.Map(doc.Required(map, "weights", $"{what} utility"), $"{what} 'weights'");
        var issuesNode = doc.Map(doc.Required(map, "issues", $"{what} utility"), $"{what} utility 'issues'");
        var weights = new double?[space.IssueCount];
        var evaluators = new IssueEvaluator?[space.IssueCount];
        foreach (var (k, v) in weightsNode.Children)
        {
            string issueName = doc.String(k, "an issue name");
            int i = IssueIndex(doc, k, space, issueName, $"{what} 'weights'");
            double w = doc.Double(v, $"{what} weight of '{issueName}'");
            if (w < 0) throw doc.Error(v, $"{what} weight of '{issueName}' is {w}; expected a weight ≥ 0");
            weights[i] = w;
        }
        foreach (var (k, v) in issuesNode.Children)
        {
            string issueName = doc.String(k, "an issue name");
            int i = IssueIndex(doc, k, space, issueName, $"{what} utility 'issues'");
            evaluators[i] = ReadEvaluator(doc, doc.Map(v, $"{what} evaluation of '{issueName}'"), $"{what} evaluation of '{issueName}'", space.Issues[i], issueName, sources);
        }
        for (int i = 0; i < space.IssueCount; i++)
        {
            if (weights[i] is null) throw doc.Error(weightsNode, $"{what} has no weight for issue '{space.Issues[i].Name}'; expected a weight for every issue");
            if (evaluators[i] is null) throw doc.Error(issuesNode, $"{what} does not evaluate issue '{space.Issues[i].Name}'; expected an entry for every issue");
        }
        double sum = weights.Sum(w => w!.Value);
        if (Math.Abs(sum - 1) > 1e-6)
            warnings.Add($"{doc.File}: {what} weights sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1; used as written.");
        return new LinearAdditiveUtility(space, weights.Select(w => w!.Value), evaluators!);
    }

    private static IssueEvaluator ReadEvaluator(Doc doc, YamlMappingNode map, string what, Issue issue, string issueName,
        ImmutableDictionary<string, string>.Builder sources)
    {
        if (doc.OptionalString(map, "source") is { } src) sources[issueName] = src;
        switch (issue)
        {
            case DiscreteIssue d:
            {
                doc.AllowOnly(map, what, "values", "source");
                var valuesNode = doc.Map(doc.Required(map, "values", what), $"{what} 'values'");
                var evals = new double?[d.Values.Count];
                foreach (var (k, v) in valuesNode.Children)
                {
                    string value = doc.String(k, "a value");
                    int idx = d.IndexOf(value);
                    if (idx < 0) throw doc.Error(k, $"{what}: '{value}' is not a value of issue '{d.Name}'; expected one of: {string.Join(", ", d.Values)}");
                    double e = doc.Double(v, $"{what} score of '{value}'");
                    if (e < 0) throw doc.Error(v, $"{what} score of '{value}' is {e}; expected ≥ 0");
                    evals[idx] = e;
                }
                for (int i = 0; i < evals.Length; i++)
                    if (evals[i] is null) throw doc.Error(valuesNode, $"{what} has no score for '{d.Values[i]}'; expected a score for every value");
                return new DiscreteEvaluator(evals.Select(x => x!.Value).ToArray());
            }
            case IntegerIssue integer:
            {
                doc.AllowOnly(map, what, "slope", "offset", "source");
                return new LinearIntegerEvaluator(doc.Double(doc.Required(map, "slope", what), $"{what} 'slope'"),
                    doc.Double(doc.Required(map, "offset", what), $"{what} 'offset'"), integer.Min, integer.Max);
            }
            case RealIssue:
            {
                doc.AllowOnly(map, what, "slope", "intercept", "source");
                return new LinearRealEvaluator(doc.Double(doc.Required(map, "slope", what), $"{what} 'slope'"),
                    doc.Double(doc.Required(map, "intercept", what), $"{what} 'intercept'"));
            }
            default:
                throw doc.Error(map, $"{what}: unsupported issue kind");
        }
    }

    private static HyperRectangleUtility ReadConstraints(Doc doc, YamlMappingNode map, string what, OutcomeSpace space)
    {
        doc.AllowOnly(map, $"{what} utility", "type", "maxUtility", "rectangles");
        var maxNode = doc.Required(map, "maxUtility", $"{what} utility");
        double max = doc.Double(maxNode, $"{what} 'maxUtility'");
        if (!(max > 0)) throw doc.Error(maxNode, $"{what} 'maxUtility' is {max}; expected a positive number");
        var rects = new List<HyperRectangle>();
        foreach (var node in doc.Seq(doc.Required(map, "rectangles", $"{what} utility"), $"{what} 'rectangles'"))
        {
            var r = doc.Map(node, "a rectangle");
            doc.AllowOnly(r, $"{what} rectangle", "utility", "bounds");
            double u = doc.Double(doc.Required(r, "utility", $"{what} rectangle"), $"{what} rectangle 'utility'");
            var bounds = ImmutableArray.CreateBuilder<IssueBound>();
            foreach (var (k, v) in doc.Map(doc.Required(r, "bounds", $"{what} rectangle"), $"{what} rectangle 'bounds'").Children)
            {
                string issueName = doc.String(k, "an issue name");
                int i = IssueIndex(doc, k, space, issueName, $"{what} rectangle bounds");
                if (space.Issues[i] is not IntegerIssue integer) throw doc.Error(k, $"issue '{issueName}' is not an integer issue; rectangles bound integer issues");
                var pair = doc.Seq(v, $"bounds of '{issueName}'");
                if (pair.Children.Count != 2) throw doc.Error(v, $"bounds of '{issueName}': expected [min, max]");
                long lo = doc.Long(pair.Children[0], "a bound"), hi = doc.Long(pair.Children[1], "a bound");
                if (hi < lo) throw doc.Error(v, $"bounds of '{issueName}': max {hi} is below min {lo}");
                bounds.Add(IssueBound.OfValues(i, integer, lo, hi));
            }
            rects.Add(new HyperRectangle(bounds.ToImmutable(), u));
        }
        return new HyperRectangleUtility(space, rects, max);
    }

    private static ReservedValueCurve ReadReserved(Doc doc, YamlNode node, string what)
    {
        if (node is YamlScalarNode or YamlMappingNode) return ReservedValueCurve.Constant(ReservedUtility(doc, node, $"{what} 'reservedValue'"));
        var points = new List<ReservedValuePoint>();
        foreach (var p in doc.Seq(node, $"{what} 'reservedValue' (a number or a list of {{t, value}} points)"))
        {
            var m = doc.Map(p, $"{what} reserved-value point");
            doc.AllowOnly(m, $"{what} reserved-value point", "t", "value", "source");
            var tNode = doc.Required(m, "t", $"{what} reserved-value point");
            double t = doc.Double(tNode, $"{what} reserved-value point 't'");
            if (t is < 0 or > 1) throw doc.Error(tNode, $"{what} reserved-value point t = {t}; expected normalised time in [0, 1]");
            if (points.Any(q => q.Time == t)) throw doc.Error(tNode, $"{what} has two reserved-value points at t = {t}; expected increasing times");
            points.Add(new ReservedValuePoint(t, ReservedUtility(doc, doc.Required(m, "value", $"{what} reserved-value point"), $"{what} reserved value"),
                doc.OptionalString(m, "source")));
        }
        if (points.Count == 0) throw doc.Error(node, $"{what} 'reservedValue' is an empty list; expected a number or at least one {{t, value}} point");
        return new ReservedValueCurve(points);
    }

    /// <summary>A reserved value: a utility, so in [0, 1] like every utility a scenario defines.</summary>
    private static double ReservedUtility(Doc doc, YamlNode node, string what)
    {
        double v = doc.Double(node, what);
        if (v is < 0 or > 1) throw doc.Error(node, $"{what} is {v.ToString(CultureInfo.InvariantCulture)}; expected a utility in [0, 1]");
        return v;
    }

    private static int IssueIndex(Doc doc, YamlNode at, OutcomeSpace space, string name, string what)
    {
        int i = space.IndexOfIssue(name);
        if (i < 0) throw doc.Error(at, $"{what} names issue '{name}', which the scenario does not define; expected one of: {string.Join(", ", space.Issues.Select(x => x.Name))}");
        return i;
    }
}
