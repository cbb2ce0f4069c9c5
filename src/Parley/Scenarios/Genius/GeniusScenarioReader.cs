using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Scenarios.Genius;

/// <summary>
/// Reads a GENIUS scenario folder: one domain file (root <c>negotiation_template</c>) and one profile per party (root
/// <c>utility_space</c>), whatever the file names. Parties come in the order of their profile file names, sorted
/// ordinally; a party's name is its file name without <c>.xml</c>.
/// </summary>
public static class GeniusScenarioReader
{
    public static Scenario ReadFolder(string folder)
    {
        var files = Directory.GetFiles(folder).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        if (!files.Any(IsXml))
            throw new ScenarioFormatException(folder, null, "no .xml files; expected a GENIUS domain file and one profile file per party");

        var warnings = ImmutableArray.CreateBuilder<string>();
        (string File, XDocument Doc)? domain = null;
        var profiles = new List<(string File, XDocument Doc)>();
        foreach (var file in files)
        {
            string fileName = Path.GetFileName(file);
            if (!IsXml(file))
            {
                warnings.Add($"{fileName}: skipped; neither a GENIUS domain nor a profile (.xml).");
                continue;
            }
            if (IsPublishedFrontier(file)) continue;
            // A file named .xml that is not markup is a damaged scenario file, not a stray one: reading the folder without
            // it would silently negotiate or analyse with a party missing.
            if (!IsMarkup(file))
                throw new ScenarioFormatException(file, null, "not XML (it does not start with '<'); expected a GENIUS domain (<negotiation_template>) or profile (<utility_space>). Repair or remove the file");
            var doc = SafeXml.Load(file);
            switch (doc.Root?.Name.LocalName)
            {
                case "negotiation_template":
                    if (domain is { } d)
                        throw new ScenarioFormatException(folder, null, $"two domain files ({Path.GetFileName(d.File)} and {fileName}); expected exactly one <negotiation_template>");
                    domain = (file, doc);
                    break;
                case "utility_space":
                    profiles.Add((file, doc));
                    break;
                default:
                    warnings.Add($"{fileName}: skipped; root <{doc.Root?.Name.LocalName}> is neither a domain (<negotiation_template>) nor a profile (<utility_space>).");
                    break;
            }
        }
        if (domain is not { } dom)
            throw new ScenarioFormatException(folder, null, "no domain file; expected one .xml file whose root is <negotiation_template>");
        if (profiles.Count == 0)
            throw new ScenarioFormatException(folder, null, "no profile files; expected one .xml file with root <utility_space> per party");

        var space = ReadDomain(dom.File, dom.Doc);
        var parties = profiles.Select(p => ReadProfile(p.File, p.Doc, space, warnings)).ToImmutableArray();
        return new Scenario(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), space, parties)
        {
            Location = folder,
            Warnings = warnings.ToImmutable(),
        };
    }

    private static bool IsXml(string file) => Path.GetExtension(file).Equals(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The published frontier (<c>pareto.xml</c>): not part of the preferences; <see cref="PublishedFrontier.TryLoad"/> reads it.</summary>
    private static bool IsPublishedFrontier(string file) =>
        string.Equals(Path.GetFileName(file), PublishedFrontier.FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the file does not start with markup (after blanks and a byte-order mark): whatever it is, it is not XML.</summary>
    private static bool IsMarkup(string file)
    {
        ScenarioLoader.CheckSize(file);
        try
        {
            using var reader = new StreamReader(file);
            int c;
            while ((c = reader.Read()) >= 0)
                if (!char.IsWhiteSpace((char)c) && c != '\uFEFF') return c == '<';
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads the issues of a GENIUS domain file.</summary>
    public static OutcomeSpace ReadDomain(string file, XDocument doc)
    {
        var objective = doc.Root!.Descendants("objective").FirstOrDefault()
            ?? throw new ScenarioFormatException(file, "<negotiation_template>", "expected <utility_space><objective> holding the issues");
        ScenarioLoader.CheckIssueCount(file, SafeXml.Describe(objective), objective.Descendants("issue").Count());
        var issues = new List<Issue>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in objective.Descendants("issue"))
        {
            var issue = ReadIssue(file, e);
            if (!names.Add(issue.Name)) throw new ScenarioFormatException(file, SafeXml.Describe(e), "issue name used twice; expected unique issue names");
            issues.Add(issue);
        }
        if (issues.Count == 0) throw new ScenarioFormatException(file, SafeXml.Describe(objective), "no <issue> elements; expected at least one issue");
        return new OutcomeSpace(issues);
    }

    private static Issue ReadIssue(string file, XElement e)
    {
        string where = SafeXml.Describe(e);
        string name = Attr(file, e, "name");
        string type = (e.Attribute("type") ?? e.Attribute("etype") ?? e.Attribute("vtype"))?.Value
            ?? throw new ScenarioFormatException(file, where, "missing attribute 'type'; expected discrete, integer or real");
        switch (type)
        {
            case "discrete":
                var values = e.Elements("item").Select(i => Attr(file, i, "value")).ToList();
                if (values.Count == 0) throw new ScenarioFormatException(file, where, "discrete issue has no <item>; expected at least one value");
                var dup = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (dup is not null) throw new ScenarioFormatException(file, where, $"value '{dup.Key}' listed twice; expected distinct values");
                return new DiscreteIssue(name, values);
            case "integer":
                long lo = LongAttr(file, e, "lowerbound"), hi = LongAttr(file, e, "upperbound");
                if (hi < lo) throw new ScenarioFormatException(file, where, $"upperbound {hi} is below lowerbound {lo}");
                ScenarioLoader.CheckIntegerRange(file, where, lo, hi);
                return new IntegerIssue(name, lo, hi);
            case "real":
                double rlo = DoubleAttr(file, e, "lowerbound"), rhi = DoubleAttr(file, e, "upperbound");
                if (!(rhi >= rlo)) throw new ScenarioFormatException(file, where, $"upperbound {rhi} is below lowerbound {rlo}");
                int? steps = e.Attribute("steps") is null ? null : (int)LongAttr(file, e, "steps");
                if (steps is < 2) throw new ScenarioFormatException(file, where, "attribute 'steps' must be at least 2");
                return new RealIssue(name, rlo, rhi, steps);
            default:
                throw new ScenarioFormatException(file, where, $"unknown issue type '{type}'; expected discrete, integer or real");
        }
    }

    /// <summary>Reads one GENIUS profile against <paramref name="space"/>.</summary>
    public static Party ReadProfile(string file, XDocument doc, OutcomeSpace space, ImmutableArray<string>.Builder warnings)
    {
        var root = doc.Root!;
        var objective = root.Element("objective")
            ?? throw new ScenarioFormatException(file, "<utility_space>", "expected an <objective> element holding the issues");
        string? kind = root.Attribute("type")?.Value;
        UtilityFunction utility = kind switch
        {
            null or "" or "linear" or "additive" => ReadAdditive(file, objective, space, warnings),
            "nonlinear" => ReadNonlinear(file, objective, space),
            _ => throw new ScenarioFormatException(file, "<utility_space>", $"unknown utility space type '{kind}'; expected linear (default) or nonlinear"),
        };
        double reserved = 0;
        if (root.Element("reservation") is { } r)
        {
            reserved = DoubleAttr(file, r, "value");
            if (reserved is < 0 or > 1)
                throw new ScenarioFormatException(file, SafeXml.Describe(r), $"reservation value {reserved.ToString(CultureInfo.InvariantCulture)}; expected a utility in [0, 1]");
        }
        double discount = 1;
        if (root.Element("discount_factor") is { } df) discount = Profile.NormaliseDiscount(DoubleAttr(file, df, "value"));
        string name = Path.GetFileNameWithoutExtension(file);
        return new Party(name, PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(reserved), discount));
    }

    private static LinearAdditiveUtility ReadAdditive(string file, XElement objective, OutcomeSpace space, ImmutableArray<string>.Builder warnings)
    {
        var weights = new double?[space.IssueCount];
        var evaluators = new IssueEvaluator?[space.IssueCount];
        var issueByIndexAttr = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var e in objective.Descendants("issue"))
        {
            string where = SafeXml.Describe(e);
            string name = Attr(file, e, "name");
            int i = space.IndexOfIssue(name);
            if (i < 0) throw new ScenarioFormatException(file, where, $"issue '{name}' is not in the domain; expected one of: {string.Join(", ", space.Issues.Select(x => x.Name))}");
            if (evaluators[i] is not null) throw new ScenarioFormatException(file, where, $"issue '{name}' is evaluated twice");
            if (e.Attribute("index")?.Value is { } idx) issueByIndexAttr[idx] = i;
            evaluators[i] = ReadEvaluator(file, e, space.Issues[i]);
        }
        foreach (var w in objective.Elements("weight"))
        {
            string where = SafeXml.Describe(w);
            string idx = Attr(file, w, "index");
            if (!issueByIndexAttr.TryGetValue(idx, out int i))
            {
                // A weight on an objective (not an issue), e.g. the root objective's own weight: GENIUS ignores it in the sum.
                if (objective.DescendantsAndSelf("objective").Any(o => o.Attribute("index")?.Value == idx)) continue;
                throw new ScenarioFormatException(file, where, $"weight for issue index {idx}, but no <issue index=\"{idx}\"> in this profile");
            }
            double value = DoubleAttr(file, w, "value");
            if (value < 0) throw new ScenarioFormatException(file, where, $"negative weight {value}; expected a weight ≥ 0");
            if (weights[i] is not null) throw new ScenarioFormatException(file, where, $"weight for issue '{space.Issues[i].Name}' given twice; expected one <weight> per issue");
            weights[i] = value;
        }
        for (int i = 0; i < space.IssueCount; i++)
        {
            if (evaluators[i] is null) throw new ScenarioFormatException(file, SafeXml.Describe(objective), $"issue '{space.Issues[i].Name}' has no evaluation; expected an <issue name=\"{space.Issues[i].Name}\"> for every domain issue");
            if (weights[i] is null) throw new ScenarioFormatException(file, SafeXml.Describe(objective), $"issue '{space.Issues[i].Name}' has no <weight>; expected one weight per issue");
        }
        double sum = weights.Sum(w => w!.Value);
        if (Math.Abs(sum - 1) > 1e-6)
            warnings.Add($"{Path.GetFileName(file)}: weights sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1; used as written (GENIUS does not rescale).");
        return new LinearAdditiveUtility(space, weights.Select(w => w!.Value), evaluators!);
    }

    private static IssueEvaluator ReadEvaluator(string file, XElement e, Issue issue)
    {
        string where = SafeXml.Describe(e);
        switch (issue)
        {
            case DiscreteIssue d:
                var evals = new double?[d.Values.Count];
                foreach (var item in e.Elements("item"))
                {
                    string value = Attr(file, item, "value");
                    int v = d.IndexOf(value);
                    if (v < 0) throw new ScenarioFormatException(file, SafeXml.Describe(item), $"value '{value}' is not a value of issue '{d.Name}' in the domain; expected one of: {string.Join(", ", d.Values)}");
                    double ev = item.Attribute("evaluation") is null ? 0 : DoubleAttr(file, item, "evaluation");
                    if (ev < 0) throw new ScenarioFormatException(file, SafeXml.Describe(item), $"negative evaluation {ev}; expected ≥ 0");
                    evals[v] = ev;
                }
                for (int v = 0; v < evals.Length; v++)
                    if (evals[v] is null) throw new ScenarioFormatException(file, where, $"value '{d.Values[v]}' has no <item evaluation=…>; expected an evaluation for every value of the issue");
                return new DiscreteEvaluator(evals.Select(x => x!.Value).ToArray());
            case IntegerIssue integer:
            {
                var ev = e.Element("evaluator") ?? throw new ScenarioFormatException(file, where, "integer issue has no <evaluator>; expected <evaluator ftype=\"linear\" slope=… offset=…>");
                RequireLinear(file, ev);
                long lo = e.Attribute("lowerbound") is null ? integer.Min : LongAttr(file, e, "lowerbound");
                long hi = e.Attribute("upperbound") is null ? integer.Max : LongAttr(file, e, "upperbound");
                return new LinearIntegerEvaluator(DoubleAttr(file, ev, "slope"), DoubleAttr(file, ev, "offset"), lo, hi);
            }
            case RealIssue:
            {
                var ev = e.Element("evaluator") ?? throw new ScenarioFormatException(file, where, "real issue has no <evaluator>; expected <evaluator ftype=\"linear\" parameter0=… parameter1=…>");
                RequireLinear(file, ev);
                return new LinearRealEvaluator(DoubleAttr(file, ev, "parameter1"), DoubleAttr(file, ev, "parameter0"));
            }
            default:
                throw new ScenarioFormatException(file, where, $"unsupported issue kind {issue.GetType().Name}");
        }
    }

    private static void RequireLinear(string file, XElement ev)
    {
        string ftype = ev.Attribute("ftype")?.Value ?? "linear";
        if (ftype != "linear") throw new ScenarioFormatException(file, SafeXml.Describe(ev), $"evaluator ftype '{ftype}' is not supported; expected 'linear'");
    }

    private static HyperRectangleUtility ReadNonlinear(string file, XElement objective, OutcomeSpace space)
    {
        var byIndexAttr = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in objective.Elements("issue"))
        {
            string name = Attr(file, e, "name");
            int i = space.IndexOfIssue(name);
            if (i < 0) throw new ScenarioFormatException(file, SafeXml.Describe(e), $"issue '{name}' is not in the domain");
            byIndexAttr[Attr(file, e, "index")] = i;
        }
        var utility = objective.Element("utility") ?? throw new ScenarioFormatException(file, SafeXml.Describe(objective), "nonlinear profile has no <utility maxutility=…>");
        double max = DoubleAttr(file, utility, "maxutility");
        if (!(max > 0)) throw new ScenarioFormatException(file, SafeXml.Describe(utility), $"maxutility {max}; expected a positive number");
        var rects = new List<HyperRectangle>();
        foreach (var ufun in utility.Elements("ufun"))
        {
            string type = ufun.Attribute("type")?.Value ?? "PlainUfun";
            string agg = ufun.Attribute("aggregation")?.Value ?? "sum";
            if (type != "PlainUfun" || agg != "sum")
                throw new ScenarioFormatException(file, SafeXml.Describe(ufun), $"ufun type '{type}' with aggregation '{agg}' is not supported; expected PlainUfun with sum");
            double weight = ufun.Attribute("weight") is null ? 1 : DoubleAttr(file, ufun, "weight");
            foreach (var h in ufun.Elements("hyperRectangle"))
            {
                var bounds = ImmutableArray.CreateBuilder<IssueBound>();
                foreach (var inc in h.Elements())
                {
                    if (inc.Name.LocalName != "INCLUDES")
                        throw new ScenarioFormatException(file, SafeXml.Describe(inc), $"<{inc.Name.LocalName}> is not supported; expected <INCLUDES index min max>");
                    string idx = Attr(file, inc, "index");
                    if (!byIndexAttr.TryGetValue(idx, out int i))
                        throw new ScenarioFormatException(file, SafeXml.Describe(inc), $"issue index {idx} is not an issue of this profile");
                    if (space.Issues[i] is not IntegerIssue integer)
                        throw new ScenarioFormatException(file, SafeXml.Describe(inc), $"issue '{space.Issues[i].Name}' is not an integer issue; hyper-rectangles bound integer issues");
                    long lo = LongAttr(file, inc, "min"), hi = LongAttr(file, inc, "max");
                    bounds.Add(IssueBound.OfValues(i, integer, lo, hi));
                }
                rects.Add(new HyperRectangle(bounds.ToImmutable(), weight * DoubleAttr(file, h, "utility")));
            }
        }
        return new HyperRectangleUtility(space, rects, max);
    }

    internal static string Attr(string file, XElement e, string name) =>
        e.Attribute(name)?.Value ?? throw new ScenarioFormatException(file, SafeXml.Describe(e), $"missing attribute '{name}'");

    internal static double DoubleAttr(string file, XElement e, string name)
    {
        string text = Attr(file, e, name);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new ScenarioFormatException(file, SafeXml.Describe(e), $"attribute '{name}' is '{text}'; expected a number");
    }

    internal static long LongAttr(string file, XElement e, string name)
    {
        string text = Attr(file, e, name);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)) return v;
        throw new ScenarioFormatException(file, SafeXml.Describe(e), $"attribute '{name}' is '{text}'; expected an integer");
    }
}
