using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Scenarios.GeniusWeb;

/// <summary>
/// Reads a GeniusWeb scenario folder (the platform of ANAC 2019 onwards): one domain JSON (<c>name</c>,
/// <c>issuesValues</c>) and one <c>LinearAdditiveUtilitySpace</c> profile JSON per party, whatever the file names.
/// Parties come in the order of their profile file names, sorted ordinally; a party's name is its file name without
/// <c>.json</c>. Semantics as GeniusWeb defines them: utility = Σ issue weight × value utility, as written (no rescaling);
/// the reserved value is the utility of the profile's <c>reservationBid</c> (0 without one); no discount.
/// A folder without a domain file uses the domain embedded in the profiles.
/// </summary>
public static class GeniusWebScenarioReader
{
    /// <summary>The one GeniusWeb profile type Parley reads.</summary>
    public const string LinearAdditive = "LinearAdditiveUtilitySpace";

    private static readonly string[] OtherProfileTypes = ["DiscountedProfile", "SumOfGroupsUtilitySpace", "DefaultPartialOrdering", "LinearAdditive"];

    /// <summary>True when <paramref name="file"/> has the .json extension.</summary>
    public static bool IsJson(string file) => Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase);

    public static Scenario ReadFolder(string folder)
    {
        var files = Directory.GetFiles(folder).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        if (!files.Any(IsJson))
            throw new ScenarioFormatException(folder, null, "no .json files; expected a GeniusWeb domain file and one profile file per party");

        var warnings = ImmutableArray.CreateBuilder<string>();
        (string File, string Name, OutcomeSpace Space)? domain = null;
        var profiles = new List<(string File, JsonElement Profile)>();
        foreach (var file in files)
        {
            string fileName = Path.GetFileName(file);
            if (!IsJson(file))
            {
                warnings.Add($"{fileName}: skipped; neither a GeniusWeb domain nor a profile (.json).");
                continue;
            }
            using var doc = SafeJson.Load(file);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("issuesValues", out _))
            {
                if (domain is { } d)
                    throw new ScenarioFormatException(folder, null, $"two domain files ({Path.GetFileName(d.File)} and {fileName}); expected exactly one JSON file with 'issuesValues'");
                var (name, space) = ReadDomain(file, root, "");
                domain = (file, name, space);
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(LinearAdditive, out var profile))
            {
                profiles.Add((file, profile.Clone()));
            }
            else if (root.ValueKind == JsonValueKind.Object && OtherProfileTypes.FirstOrDefault(t => root.TryGetProperty(t, out _)) is { } other)
            {
                throw new ScenarioFormatException(file, other, $"profile type '{other}' is not supported; expected a {LinearAdditive}");
            }
            else
            {
                warnings.Add($"{fileName}: skipped; neither a GeniusWeb domain ('issuesValues') nor a profile ('{LinearAdditive}').");
            }
        }
        if (profiles.Count == 0)
            throw new ScenarioFormatException(folder, null, $"no profile files; expected one .json file with a '{LinearAdditive}' per party");
        if (domain is null)
        {
            var (file, profile) = profiles[0];
            if (!profile.TryGetProperty("domain", out var embedded))
                throw new ScenarioFormatException(folder, null, "no domain file, and the profiles embed no 'domain'; expected one .json file with 'issuesValues'");
            var (name, space) = ReadDomain(file, embedded, $"{LinearAdditive}.domain");
            domain = (file, name, space);
        }
        var dom = domain.Value;
        var parties = profiles.Select(p => ReadProfile(p.File, p.Profile, dom.Space, warnings)).ToImmutableArray();
        string scenarioName = dom.Name.Length > 0 ? dom.Name : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return new Scenario(scenarioName, dom.Space, parties) { Location = folder, Warnings = warnings.ToImmutable() };
    }

    /// <summary>Reads a GeniusWeb domain object (<c>name</c>, <c>issuesValues</c>); <paramref name="path"/> locates it in the file for error messages.</summary>
    public static (string Name, OutcomeSpace Space) ReadDomain(string file, JsonElement domain, string path)
    {
        var json = new JsonReading(file);
        json.RequireObject(domain, path.Length == 0 ? "the document" : path);
        string name = domain.TryGetProperty("name", out var n) ? json.String(n, Join(path, "name")) : "";
        string issuesPath = Join(path, "issuesValues");
        var issuesValues = json.Required(domain, "issuesValues", path);
        json.RequireObject(issuesValues, issuesPath);
        ScenarioLoader.CheckIssueCount(file, issuesPath, issuesValues.EnumerateObject().Count());
        var issues = new List<Issue>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in issuesValues.EnumerateObject())
        {
            string where = Join(issuesPath, property.Name);
            if (!names.Add(property.Name)) throw json.Error(where, "issue defined twice; expected unique issue names");
            issues.Add(ReadIssue(json, property.Name, property.Value, where));
        }
        if (issues.Count == 0) throw json.Error(issuesPath, "no issues; expected at least one issue");
        return (name, new OutcomeSpace(issues));
    }

    private static Issue ReadIssue(JsonReading json, string name, JsonElement valueSet, string where)
    {
        json.RequireObject(valueSet, where);
        if (valueSet.TryGetProperty("values", out var values))
        {
            if (values.ValueKind != JsonValueKind.Array) throw json.Error(Join(where, "values"), $"expected an array of values, got {Kind(values)}");
            var list = new List<string>(values.GetArrayLength());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in values.EnumerateArray())
            {
                string text = json.ValueText(v, Join(where, "values"));
                if (!seen.Add(text)) throw json.Error(Join(where, "values"), $"value '{text}' listed twice; expected distinct values");
                list.Add(text);
            }
            if (list.Count == 0) throw json.Error(Join(where, "values"), "no values; expected at least one");
            return new DiscreteIssue(name, list);
        }
        if (valueSet.TryGetProperty("range", out var range))
        {
            string rangePath = Join(where, "range");
            json.RequireObject(range, rangePath);
            decimal low = json.Decimal(range, "low", rangePath);
            decimal high = json.Decimal(range, "high", rangePath);
            decimal step = json.Decimal(range, "step", rangePath);
            if (high < low) throw json.Error(rangePath, $"high {high} is below low {low}");
            if (step <= 0) throw json.Error(Join(rangePath, "step"), $"step {step}; expected a positive number");
            if (step == 1 && low == decimal.Truncate(low))
            {
                if (low < long.MinValue || decimal.Truncate(high) > long.MaxValue) throw json.Error(rangePath, "bounds beyond 64-bit integers");
                ScenarioLoader.CheckIntegerRange(json.File, rangePath, (long)low, (long)decimal.Truncate(high));
                return new IntegerIssue(name, (long)low, (long)decimal.Truncate(high));
            }
            // GeniusWeb's values are low, low + step, … up to high; a step written in round-trip form may miss high by an ulp.
            decimal steps;
            try { steps = (high - low) / step; }
            catch (OverflowException) { throw json.Error(rangePath, $"({high} − {low}) / {step} values; expected at most {int.MaxValue:N0} per issue"); }
            decimal nearest = decimal.Round(steps);
            bool reachesHigh = Math.Abs(steps - nearest) <= 1e-9m * Math.Max(1m, nearest);
            decimal count = (reachesHigh ? nearest : decimal.Truncate(steps)) + 1;
            if (count > int.MaxValue) throw json.Error(rangePath, $"{count} values; expected at most {int.MaxValue:N0} per issue");
            if (count < 2) throw json.Error(rangePath, "fewer than two values; expected low < high");
            return new RealIssue(name, (double)low, reachesHigh ? (double)high : (double)(low + (count - 1) * step), (int)count);
        }
        throw json.Error(where, "expected 'values' (a discrete value set) or 'range' (a number value set)");
    }

    /// <summary>Reads one <c>LinearAdditiveUtilitySpace</c> object against <paramref name="space"/>.</summary>
    public static Party ReadProfile(string file, JsonElement profile, OutcomeSpace space, ImmutableArray<string>.Builder warnings)
    {
        var json = new JsonReading(file);
        string path = LinearAdditive;
        json.RequireObject(profile, path);
        if (profile.TryGetProperty("domain", out var embedded) && embedded.ValueKind != JsonValueKind.Null)
            CheckSameDomain(json, space, ReadDomain(file, embedded, Join(path, "domain")).Space, Join(path, "domain"));

        string utilitiesPath = Join(path, "issueUtilities"), weightsPath = Join(path, "issueWeights");
        var utilities = json.Required(profile, "issueUtilities", path);
        var weightsNode = json.Required(profile, "issueWeights", path);
        json.RequireObject(utilities, utilitiesPath);
        json.RequireObject(weightsNode, weightsPath);

        // Value utilities as written, per issue and value index (GeniusWeb: a value without a utility scores 0).
        var written = new double[space.IssueCount][];
        var evaluators = new IssueEvaluator?[space.IssueCount];
        var weights = new double?[space.IssueCount];
        foreach (var property in utilities.EnumerateObject())
        {
            string where = Join(utilitiesPath, property.Name);
            int i = IssueIndex(json, space, property.Name, where);
            if (evaluators[i] is not null) throw json.Error(where, "issue evaluated twice");
            (evaluators[i], written[i]) = ReadValueSetUtilities(json, property.Value, space.Issues[i], where, warnings);
        }
        foreach (var property in weightsNode.EnumerateObject())
        {
            string where = Join(weightsPath, property.Name);
            int i = IssueIndex(json, space, property.Name, where);
            if (weights[i] is not null) throw json.Error(where, "weight given twice");
            double w = json.Double(property.Value, where);
            if (w < 0) throw json.Error(where, $"negative weight {Num(w)}; expected a weight ≥ 0");
            weights[i] = w;
        }
        for (int i = 0; i < space.IssueCount; i++)
        {
            if (evaluators[i] is null) throw json.Error(utilitiesPath, $"issue '{space.Issues[i].Name}' has no utilities; expected an entry for every domain issue");
            if (weights[i] is null) throw json.Error(weightsPath, $"issue '{space.Issues[i].Name}' has no weight; expected one weight per issue");
        }
        string fileName = Path.GetFileName(file);
        double sum = weights.Sum(w => w!.Value);
        if (Math.Abs(sum - 1) > 1e-6)
            warnings.Add($"{fileName}: weights sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1 (GeniusWeb requires 1); used as written.");

        // Parley's discrete evaluator divides by the issue's largest evaluation (GENIUS semantics); GeniusWeb does not.
        // Folding that largest value into the weight keeps every weighted value utility as written.
        var finalWeights = new double[space.IssueCount];
        for (int i = 0; i < space.IssueCount; i++)
        {
            finalWeights[i] = weights[i]!.Value;
            if (evaluators[i] is DiscreteEvaluator && written[i].Max() is var max && max > 0 && max != 1)
            {
                finalWeights[i] = weights[i]!.Value * max;
                evaluators[i] = new DiscreteEvaluator(written[i].Select(u => u / max).ToArray());
            }
        }
        var utility = new LinearAdditiveUtility(space, finalWeights, evaluators!);
        double reserved = ReservedValue(json, profile, space, weights.Select(w => w!.Value).ToArray(), evaluators!, written, path);
        return new Party(Path.GetFileNameWithoutExtension(file), PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(reserved)));
    }

    private static (IssueEvaluator Evaluator, double[] Written) ReadValueSetUtilities(JsonReading json, JsonElement node, Issue issue, string where,
        ImmutableArray<string>.Builder warnings)
    {
        json.RequireObject(node, where);
        if (node.TryGetProperty("discreteutils", out var discrete))
        {
            if (issue is not DiscreteIssue d) throw json.Error(Join(where, "discreteutils"), $"issue '{issue.Name}' is a number range in the domain; expected 'numberutils'");
            string valuesPath = Join(where, "discreteutils.valueUtilities");
            var map = json.Required(discrete, "valueUtilities", Join(where, "discreteutils"));
            json.RequireObject(map, valuesPath);
            var scores = new double[d.Values.Count];
            var given = new bool[d.Values.Count];
            foreach (var kv in map.EnumerateObject())
            {
                int v = d.IndexOf(kv.Name);
                if (v < 0) throw json.Error(Join(valuesPath, kv.Name), $"'{kv.Name}' is not a value of issue '{d.Name}' in the domain; expected one of: {string.Join(", ", d.Values.Take(20))}{(d.Values.Count > 20 ? ", …" : "")}");
                double u = json.Double(kv.Value, Join(valuesPath, kv.Name));
                if (u is < 0 or > 1) throw json.Error(Join(valuesPath, kv.Name), $"utility {Num(u)}; expected a value utility in [0, 1]");
                scores[v] = u;
                given[v] = true;
            }
            int missing = Array.IndexOf(given, false);
            if (missing >= 0)
                warnings.Add($"{Path.GetFileName(json.File)}: {valuesPath}: value '{d.Values[missing]}' has no utility; it scores 0 (as in GeniusWeb).");
            return (new DiscreteEvaluator(scores), scores);
        }
        if (node.TryGetProperty("numberutils", out var number))
        {
            string p = Join(where, "numberutils");
            json.RequireObject(number, p);
            double lowValue = json.Double(number, "lowValue", p);
            double lowUtility = json.Double(number, "lowUtility", p);
            double highValue = json.Double(number, "highValue", p);
            double highUtility = json.Double(number, "highUtility", p);
            if (!(highValue > lowValue)) throw json.Error(p, $"highValue {Num(highValue)} is not above lowValue {Num(lowValue)}");
            foreach (var (u, name) in new[] { (lowUtility, "lowUtility"), (highUtility, "highUtility") })
                if (u is < 0 or > 1) throw json.Error(Join(p, name), $"utility {Num(u)}; expected a value utility in [0, 1]");
            double slope = (highUtility - lowUtility) / (highValue - lowValue);
            (double min, double max) = issue switch
            {
                IntegerIssue i => ((double)i.Min, (double)i.Max),
                RealIssue r => (r.Min, r.Max),
                _ => throw json.Error(p, $"issue '{issue.Name}' is a discrete value set in the domain; expected 'discreteutils'"),
            };
            if (min < lowValue || max > highValue)
                throw json.Error(p, $"[lowValue, highValue] = [{Num(lowValue)}, {Num(highValue)}] does not cover the issue's range [{Num(min)}, {Num(max)}]; expected it to (GeniusWeb scores values outside it 0, which Parley does not model)");
            IssueEvaluator evaluator = issue is IntegerIssue && lowValue == Math.Floor(lowValue) && Math.Abs(lowValue) < 9e15
                ? new LinearIntegerEvaluator(slope, lowUtility, (long)lowValue, (long)Math.Floor(highValue))
                : new LinearRealEvaluator(slope, lowUtility - slope * lowValue);
            return (evaluator, []);
        }
        throw json.Error(where, "expected 'discreteutils' (value → utility) or 'numberutils' (a linear function of the number)");
    }

    private static double ReservedValue(JsonReading json, JsonElement profile, OutcomeSpace space, double[] weights, IssueEvaluator[] evaluators,
        double[][] written, string path)
    {
        if (!profile.TryGetProperty("reservationBid", out var bid) || bid.ValueKind == JsonValueKind.Null) return 0;
        string bidPath = Join(path, "reservationBid");
        json.RequireObject(bid, bidPath);
        string valuesPath = Join(bidPath, "issuevalues");
        var values = json.Required(bid, "issuevalues", bidPath);
        json.RequireObject(values, valuesPath);
        // Σ weight × value utility as written, in domain issue order; an issue the bid leaves out contributes nothing.
        var chosen = new int?[space.IssueCount];
        foreach (var kv in values.EnumerateObject())
        {
            string where = Join(valuesPath, kv.Name);
            int i = IssueIndex(json, space, kv.Name, where);
            string text = json.ValueText(kv.Value, where);
            int v = space.Issues[i].IndexOf(text);
            if (v < 0) throw json.Error(where, $"'{text}' is not a value of issue '{kv.Name}' in the domain");
            chosen[i] = v;
        }
        double sum = 0;
        for (int i = 0; i < space.IssueCount; i++)
        {
            if (chosen[i] is not { } v) continue;
            double u = written[i].Length > 0 ? written[i][v] : evaluators[i].Score(space.Issues[i], v);
            sum += weights[i] * u;
        }
        return sum;
    }

    private static void CheckSameDomain(JsonReading json, OutcomeSpace expected, OutcomeSpace actual, string where)
    {
        if (!expected.Issues.SequenceEqual(actual.Issues))
            throw json.Error(where, $"the profile's domain differs from the folder's domain; expected the same issues and values ({string.Join(", ", expected.Issues.Select(i => i.Name))})");
    }

    private static int IssueIndex(JsonReading json, OutcomeSpace space, string name, string where)
    {
        int i = space.IndexOfIssue(name);
        if (i < 0) throw json.Error(where, $"issue '{name}' is not in the domain; expected one of: {string.Join(", ", space.Issues.Select(x => x.Name))}");
        return i;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Typed access to a JSON document that fails with a <see cref="ScenarioFormatException"/> naming the file and the JSON path.</summary>
    private sealed class JsonReading(string file)
    {
        public string File => file;

        public ScenarioFormatException Error(string where, string problem) => new(file, where.Length == 0 ? "the document" : where, problem);

        public void RequireObject(JsonElement e, string where)
        {
            if (e.ValueKind != JsonValueKind.Object) throw Error(where, $"expected an object, got {Kind(e)}");
        }

        public JsonElement Required(JsonElement parent, string name, string where) =>
            parent.TryGetProperty(name, out var value) ? value : throw Error(where, $"missing '{name}'");

        public string String(JsonElement e, string where) =>
            e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(where, $"expected a string, got {Kind(e)}");

        /// <summary>A discrete value as GeniusWeb writes it: a string, or a number (kept as written).</summary>
        public string ValueText(JsonElement e, string where) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.Number => e.GetRawText(),
            _ => throw Error(where, $"expected a value (string or number), got {Kind(e)}"),
        };

        public double Double(JsonElement e, string where)
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double d) && double.IsFinite(d)) return d;
            if (e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d)) return d;
            throw Error(where, $"is {Shorten(e.GetRawText())}; expected a number");
        }

        /// <summary>The number at <paramref name="parent"/>.<paramref name="name"/>, which must be there.</summary>
        public double Double(JsonElement parent, string name, string where) => Double(Required(parent, name, where), Join(where, name));

        /// <summary>The number at <paramref name="parent"/>.<paramref name="name"/>, which must be there, read exactly.</summary>
        public decimal Decimal(JsonElement parent, string name, string where) => Decimal(Required(parent, name, where), Join(where, name));

        public decimal Decimal(JsonElement e, string where)
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal d)) return d;
            if (e.ValueKind == JsonValueKind.String && decimal.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return d;
            throw Error(where, $"is {Shorten(e.GetRawText())}; expected a number between ±7.9e28");
        }

        private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
