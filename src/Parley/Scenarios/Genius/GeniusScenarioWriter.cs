using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Scenarios.Genius;

/// <summary>
/// Writes a scenario as a GENIUS folder: <c>&lt;name&gt;_domain.xml</c> plus one profile <c>&lt;party&gt;.xml</c> per party.
/// Numbers are written in round-trip form, so reading the folder back gives identical utilities. What GENIUS cannot hold
/// (party roles, reserved values that move with time, sources) is reported in the returned warnings.
/// </summary>
public static class GeniusScenarioWriter
{
    /// <summary>Writes <paramref name="scenario"/> into <paramref name="folder"/> (created if missing) and returns warnings about what was simplified.</summary>
    public static IReadOnlyList<string> WriteFolder(Scenario scenario, string folder)
    {
        Directory.CreateDirectory(folder);
        var warnings = new List<string>();
        if (scenario.Phasing is not null)
        {
            warnings.Add(Phases.PhasedFlattening.Warning(scenario, "GENIUS"));
            scenario = Phases.PhasedFlattening.Flatten(scenario);
        }
        var fileNames = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        string domainFile = Path.Combine(folder, SafeFileName(scenario.Name) + "_domain.xml");
        Save(Domain(scenario.Space), domainFile);
        fileNames.Add(Path.GetFileName(domainFile));
        foreach (var party in scenario.Parties)
        {
            string fileName = SafeFileName(party.Name) + ".xml";
            for (int k = 2; !fileNames.Add(fileName); k++) fileName = $"{SafeFileName(party.Name)}_{k}.xml";
            if (fileName != SafeFileName(party.Name) + ".xml")
                warnings.Add($"{party.Name}: another file already has this party's file name; written as {fileName}.");
            order.Add(fileName);
            if (party.Role == PartyRole.Mediator) warnings.Add($"{party.Name}: GENIUS has no mediator role; written as an ordinary profile.");
            if (!party.Profile.ReservedValue.IsConstant)
                warnings.Add($"{party.Name}: GENIUS holds one reserved value; the time-varying one was written as its value at t = 0.");
            warnings.AddRange(FolderFormatLimits.Dropped(party, "GENIUS"));
            Save(Profile(scenario.Space, party.Profile), Path.Combine(folder, fileName));
        }
        warnings.AddRange(FolderFormatLimits.Dropped(scenario, "GENIUS"));
        if (!order.SequenceEqual(order.OrderBy(n => n, StringComparer.Ordinal)))
            warnings.Add("GENIUS folders order parties by file name; reading this folder back gives the parties in alphabetical order.");
        return warnings;
    }

    /// <summary>The GENIUS domain document for <paramref name="space"/>.</summary>
    public static XDocument Domain(OutcomeSpace space)
    {
        var objective = new XElement("objective", new XAttribute("index", 0), new XAttribute("name", "root"),
            new XAttribute("type", "objective"), new XAttribute("etype", "objective"));
        for (int i = 0; i < space.IssueCount; i++) objective.Add(IssueElement(space.Issues[i], i, evaluator: null));
        return new XDocument(new XElement("negotiation_template",
            new XElement("utility_space", new XAttribute("number_of_issues", space.IssueCount), objective)));
    }

    /// <summary>The GENIUS profile document for <paramref name="profile"/>.</summary>
    public static XDocument Profile(OutcomeSpace space, Profile profile)
    {
        var objective = new XElement("objective", new XAttribute("index", 0), new XAttribute("name", "root"),
            new XAttribute("type", "objective"), new XAttribute("etype", "objective"));
        var root = new XElement("utility_space");
        switch (profile.Utility)
        {
            case LinearAdditiveUtility additive:
                for (int i = 0; i < space.IssueCount; i++) objective.Add(IssueElement(space.Issues[i], i, additive.Evaluators[i]));
                for (int i = 0; i < space.IssueCount; i++)
                    objective.Add(new XElement("weight", new XAttribute("index", i + 1), new XAttribute("value", Num(additive.Weights[i]))));
                break;
            case HyperRectangleUtility rectangles:
                root.Add(new XAttribute("type", "nonlinear"));
                for (int i = 0; i < space.IssueCount; i++) objective.Add(IssueElement(space.Issues[i], i, evaluator: null));
                var ufun = new XElement("ufun", new XAttribute("type", "PlainUfun"), new XAttribute("weight", 1), new XAttribute("aggregation", "sum"));
                foreach (var r in rectangles.Rectangles)
                {
                    var h = new XElement("hyperRectangle", new XAttribute("utility", Num(r.Utility)));
                    foreach (var b in r.Bounds)
                    {
                        long min = ((IntegerIssue)space.Issues[b.Issue]).Min;
                        h.Add(new XElement("INCLUDES", new XAttribute("index", b.Issue + 1),
                            new XAttribute("min", min + b.MinIndex), new XAttribute("max", min + b.MaxIndex)));
                    }
                    ufun.Add(h);
                }
                objective.Add(new XElement("utility", new XAttribute("maxutility", Num(rectangles.MaxUtility)), ufun));
                break;
            default:
                throw new NotSupportedException($"GENIUS XML cannot hold a {profile.Utility.GetType().Name}.");
        }
        root.Add(objective);
        root.Add(new XElement("discount_factor", new XAttribute("value", Num(profile.DiscountFactor))));
        root.Add(new XElement("reservation", new XAttribute("value", Num(profile.ReservedValue.Initial))));
        return new XDocument(root);
    }

    private static XElement IssueElement(Issue issue, int i, IssueEvaluator? evaluator)
    {
        string type = issue switch { DiscreteIssue => "discrete", IntegerIssue => "integer", RealIssue => "real", _ => throw new NotSupportedException(issue.GetType().Name) };
        var e = new XElement("issue", new XAttribute("index", i + 1), new XAttribute("name", issue.Name),
            new XAttribute("type", type), new XAttribute("etype", type), new XAttribute("vtype", type));
        switch (issue)
        {
            case DiscreteIssue d:
                var evals = (evaluator as DiscreteEvaluator)?.Evaluations;
                for (int v = 0; v < d.Values.Count; v++)
                {
                    var item = new XElement("item", new XAttribute("index", v + 1), new XAttribute("value", d.Values[v]));
                    if (evals is not null) item.Add(new XAttribute("evaluation", Num(evals[v])));
                    e.Add(item);
                }
                break;
            case IntegerIssue integer:
                var lin = evaluator as LinearIntegerEvaluator;
                e.Add(new XAttribute("lowerbound", lin?.LowerBound ?? integer.Min), new XAttribute("upperbound", lin?.UpperBound ?? integer.Max));
                if (lin is not null)
                    e.Add(new XElement("evaluator", new XAttribute("ftype", "linear"), new XAttribute("offset", Num(lin.Offset)), new XAttribute("slope", Num(lin.Slope))));
                break;
            case RealIssue real:
                e.Add(new XAttribute("lowerbound", Num(real.Min)), new XAttribute("upperbound", Num(real.Max)));
                if (real.Steps is { } steps) e.Add(new XAttribute("steps", steps));
                if (evaluator is LinearRealEvaluator r)
                    e.Add(new XElement("evaluator", new XAttribute("ftype", "linear"), new XAttribute("parameter0", Num(r.Intercept)), new XAttribute("parameter1", Num(r.Slope))));
                break;
        }
        return e;
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The name with characters that file names cannot hold (and blanks) replaced by underscores.</summary>
    internal static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var sb = new StringBuilder(name.Length);
        foreach (char c in name) sb.Append(Array.IndexOf(invalid, c) >= 0 || char.IsWhiteSpace(c) ? '_' : c);
        return sb.Length == 0 ? "party" : sb.ToString();
    }

    private static void Save(XDocument doc, string file)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(file, settings);
        doc.Save(writer);
    }
}
