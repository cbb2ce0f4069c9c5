using System.Globalization;
using System.Text.Json;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Genius;

namespace Parley.Scenarios.GeniusWeb;

/// <summary>
/// Writes a scenario as a GeniusWeb folder: <c>&lt;name&gt;.json</c> (the domain) plus one <c>LinearAdditiveUtilitySpace</c>
/// profile <c>&lt;party&gt;.json</c> per party, each embedding the domain. Discrete value utilities are written as Parley
/// scores them (GENIUS evaluations divided by the issue's largest), so GeniusWeb's Σ weight × value utility gives
/// Parley's utility; weights summing to S &lt; 1 are divided by S and value utilities multiplied by S, as GeniusWeb wants
/// weights summing to 1 (the utilities stay the same; the split between weights and value utilities may not). Numbers are
/// in round-trip form. A linear integer or real evaluator becomes a number range with
/// <c>numberutils</c>. The reserved value becomes a <c>reservationBid</c>: an outcome whose utility is closest to it
/// (none when it is 0). What GeniusWeb cannot hold exactly (discounting, moving reserved values, mediators, weights not
/// summing to 1, a reserved value no outcome reaches) is reported in the returned warnings; what it cannot hold at all
/// (non-additive utilities, continuous issues) throws <see cref="NotSupportedException"/> before anything is written.
/// </summary>
public static class GeniusWebScenarioWriter
{
    /// <summary>Writes <paramref name="scenario"/> into <paramref name="folder"/> (created if missing) and returns warnings about what was simplified.</summary>
    public static IReadOnlyList<string> WriteFolder(Scenario scenario, string folder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var warnings = new List<string>();
        if (scenario.Phasing is not null)
        {
            warnings.Add(Phases.PhasedFlattening.Warning(scenario, "GeniusWeb"));
            scenario = Phases.PhasedFlattening.Flatten(scenario);
        }
        var space = scenario.Space;
        // One file per party, in party order; a name that collides (case-insensitively) gets a suffix.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var partyFiles = new List<string>();
        foreach (var party in scenario.Parties)
        {
            string stem = GeniusScenarioWriter.SafeFileName(party.Name), fileName = stem + ".json";
            for (int k = 2; !taken.Add(fileName); k++) fileName = $"{stem}_{k}.json";
            if (fileName != stem + ".json") warnings.Add($"{party.Name}: another file already has this party's file name; written as {fileName}.");
            partyFiles.Add(fileName);
        }
        string domainStem = GeniusScenarioWriter.SafeFileName(scenario.Name), domainFile = domainStem + ".json";
        for (int k = 2; taken.Contains(domainFile); k++) domainFile = $"{domainStem}-domain{(k == 2 ? "" : "-" + k)}.json";
        var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase) { [domainFile] = Json(w => WriteDomain(w, scenario.Name, space)) };
        for (int p = 0; p < scenario.Parties.Length; p++)
        {
            var party = scenario.Parties[p];
            string fileName = partyFiles[p];
            if (party.Profile.Utility is not LinearAdditiveUtility additive)
                throw new NotSupportedException($"Party '{party.Name}' has a {Describe(party.Profile.Utility)}; a GeniusWeb LinearAdditiveUtilitySpace holds only weights × value utilities.");
            if (party.Role == PartyRole.Mediator) warnings.Add($"{party.Name}: GeniusWeb has no mediator role; written as an ordinary profile.");
            warnings.AddRange(FolderFormatLimits.Dropped(party, "GeniusWeb"));
            if (party.Profile.DiscountFactor < 1) warnings.Add($"{party.Name}: a GeniusWeb LinearAdditiveUtilitySpace has no discount; discount factor {Num(party.Profile.DiscountFactor)} dropped.");
            if (!party.Profile.ReservedValue.IsConstant)
                warnings.Add($"{party.Name}: GeniusWeb holds one reservation bid; the time-varying reserved value was written as its value at t = 0.");
            if (additive.WeightSum > 1 + 1e-9)
                warnings.Add($"{party.Name}: weights sum to {additive.WeightSum.ToString("0.######", CultureInfo.InvariantCulture)}; GeniusWeb requires 1 (Parley caps utilities at 1, GeniusWeb would refuse the profile).");
            var bid = ReservationBid(party, additive, warnings);
            files[fileName] = Json(w => WriteProfile(w, scenario.Name, party.Name, space, additive, bid));
        }
        warnings.AddRange(FolderFormatLimits.Dropped(scenario, "GeniusWeb"));
        if (!partyFiles.SequenceEqual(partyFiles.OrderBy(n => n, StringComparer.Ordinal)))
            warnings.Add("GeniusWeb folders are read with the parties in file-name order; reading this folder back gives the parties in alphabetical order.");

        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return warnings;
    }

    private static void WriteDomain(Utf8JsonWriter w, string name, OutcomeSpace space)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteStartObject("issuesValues");
        foreach (var issue in space.Issues)
        {
            w.WriteStartObject(issue.Name);
            switch (issue)
            {
                case DiscreteIssue d:
                    w.WriteStartArray("values");
                    foreach (var v in d.Values) w.WriteStringValue(v);
                    w.WriteEndArray();
                    break;
                case IntegerIssue i:
                    WriteRange(w, i.Min, i.Max, 1);
                    break;
                case RealIssue { Steps: { } steps } r:
                    WriteRange(w, r.Min, r.Max, (r.Max - r.Min) / (steps - 1));
                    break;
                default:
                    throw new NotSupportedException($"Issue '{issue.Name}' is continuous; GeniusWeb value sets are discrete or stepped ranges (give it a discretisation first).");
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter w, double low, double high, double step)
    {
        w.WriteStartObject("range");
        w.WriteNumber("low", low);
        w.WriteNumber("high", high);
        w.WriteNumber("step", step);
        w.WriteEndObject();
    }

    private static void WriteProfile(Utf8JsonWriter w, string domainName, string name, OutcomeSpace space, LinearAdditiveUtility utility, int[]? bid)
    {
        w.WriteStartObject();
        w.WriteStartObject(GeniusWebScenarioReader.LinearAdditive);
        w.WriteStartObject("issueUtilities");
        // GeniusWeb wants weights summing to 1: weights summing to S < 1 are written as w / S with value utilities × S,
        // which leaves every weighted value utility (and so every utility) as it is.
        double sum = utility.WeightSum, scale = sum is > 0 and < 1 ? sum : 1;
        for (int i = 0; i < space.IssueCount; i++) WriteValueSetUtilities(w, space.Issues[i], utility.Evaluators[i], scale);
        w.WriteEndObject();
        w.WriteStartObject("issueWeights");
        for (int i = 0; i < space.IssueCount; i++) w.WriteNumber(space.Issues[i].Name, utility.Weights[i] / scale);
        w.WriteEndObject();
        w.WritePropertyName("domain");
        WriteDomain(w, domainName, space);
        w.WriteString("name", name);
        w.WritePropertyName("reservationBid");
        if (bid is null) w.WriteNullValue();
        else
        {
            w.WriteStartObject();
            w.WriteStartObject("issuevalues");
            for (int i = 0; i < space.IssueCount; i++)
            {
                var issue = space.Issues[i];
                if (issue is DiscreteIssue) w.WriteString(issue.Name, issue.FormatValue(bid[i]));
                else w.WriteNumber(issue.Name, decimal.Parse(issue.FormatValue(bid[i]), NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteValueSetUtilities(Utf8JsonWriter w, Issue issue, IssueEvaluator evaluator, double scale)
    {
        w.WriteStartObject(issue.Name);
        if (issue is DiscreteIssue d)
        {
            w.WriteStartObject("discreteutils");
            w.WriteStartObject("valueUtilities");
            for (int v = 0; v < d.Values.Count; v++) w.WriteNumber(d.Values[v], evaluator.Score(issue, v) * scale);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            // numberutils is one straight line from (low, lowUtility) to (high, highUtility): exact when the evaluator is
            // linear and unclamped over the issue's range.
            int last = issue.ValueCount - 1;
            double lowValue = NumberAt(issue, 0), highValue = NumberAt(issue, last);
            double lowUtility = evaluator.Score(issue, 0) * scale, highUtility = evaluator.Score(issue, last) * scale;
            bool straight = evaluator switch
            {
                LinearIntegerEvaluator l => Unclamped(l.Slope * (lowValue - l.LowerBound) + l.Offset) && Unclamped(l.Slope * (highValue - l.LowerBound) + l.Offset),
                LinearRealEvaluator r => Unclamped(r.ScoreOf(lowValue)) && Unclamped(r.ScoreOf(highValue)),
                _ => false,
            };
            if (!straight)
                throw new NotSupportedException($"Issue '{issue.Name}': GeniusWeb's numberutils is one straight line with utilities in [0, 1]; this evaluator ({evaluator.GetType().Name}) leaves [0, 1] or bends within the range.");
            if (last == 0) highValue = lowValue + 1;
            w.WriteStartObject("numberutils");
            w.WriteNumber("lowValue", lowValue);
            w.WriteNumber("lowUtility", lowUtility);
            w.WriteNumber("highValue", highValue);
            w.WriteNumber("highUtility", last == 0 ? lowUtility : highUtility);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static bool Unclamped(double u) => u is >= 0 and <= 1;

    private static double NumberAt(Issue issue, int valueIndex) => issue switch
    {
        IntegerIssue i => i.ValueAt(valueIndex),
        RealIssue r => r.ValueAt(valueIndex),
        _ => throw new NotSupportedException(issue.GetType().Name),
    };

    /// <summary>The value indices of an outcome whose utility is closest to the party's reserved value at t = 0, or null for a reserved value of 0 or less.</summary>
    private static int[]? ReservationBid(Party party, LinearAdditiveUtility utility, List<string> warnings)
    {
        double reserved = party.Profile.ReservedValue.Initial;
        if (reserved <= 0)
        {
            if (reserved < 0) warnings.Add($"{party.Name}: reserved value {Num(reserved)} is below every GeniusWeb utility; written without a reservation bid (reserved value 0).");
            return null;
        }
        var space = utility.Space;
        var outcome = UtilityIndex.For(utility).Closest(reserved);
        var values = new int[space.IssueCount];
        space.Decode(outcome, values);
        double reached = utility.Utility(values);
        if (reached != reserved)
            warnings.Add($"{party.Name}: no outcome has utility exactly {Num(reserved)}; the reservation bid written has utility {Num(reached)}.");
        return values;
    }

    private static string Describe(UtilityFunction utility) => utility switch
    {
        HyperRectangleUtility => "nonlinear (hyper-rectangle) utility",
        _ => utility.GetType().Name,
    };

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return stream.ToArray();
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
