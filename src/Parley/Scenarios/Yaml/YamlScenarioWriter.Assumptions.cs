using System.Globalization;
using System.Text;

namespace Parley.Scenarios.Yaml;

/// <summary>Writing a scenario's assumptions back as <c>{value, range, source, calibratedFor}</c> where the numbers are written.</summary>
public static partial class YamlScenarioWriter
{
    /// <summary>
    /// <paramref name="written"/> (the scenario as YAML, numbers plain) with each of the scenario's assumptions written back
    /// in place of its number. An assumption is found by what it is ("party 'UAW' 'reservedValue'") and, among the numbers
    /// that are the same thing (the phases of a list), by its rank; one whose number is written differently (e.g. weights
    /// renormalised) is left plain and named in <paramref name="warnings"/>.
    /// </summary>
    private static string WithAssumptions(Scenario scenario, string written, List<string> warnings)
    {
        if (scenario.Assumptions.IsEmpty || scenario.SourceText is not { } source) return written;
        string file = scenario.Location ?? scenario.Name;
        var before = YamlScenarioReader.NumbersOf(file, source);
        var after = YamlScenarioReader.NumbersOf(file, written);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var a in scenario.Assumptions)
        {
            int at = before.FindIndex(n => n.Start == a.Start);
            int rank = at < 0 ? -1 : before.Take(at).Count(n => n.What == a.What);
            var same = after.Where(n => n.What == a.What).ToArray();
            if (rank < 0 || rank >= same.Length
                || !double.TryParse(written[same[rank].Start..same[rank].End], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                || value != a.Value)
            {
                warnings.Add($"{a.What}: the assumption {{value: {a.Value.ToString("R", CultureInfo.InvariantCulture)}, range: [...]}} is written as a plain number (its number is written differently)");
                continue;
            }
            edits.Add((same[rank].Start, same[rank].End, AssumptionText(a)));
        }
        var sb = new StringBuilder(written);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start)) sb.Remove(start, end - start).Insert(start, text);
        return sb.ToString();
    }

    private static string AssumptionText(Assumption a)
    {
        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder($"{{value: {N(a.Value)}, range: [{N(a.Low)}, {N(a.High)}]");
        if (a.Source is { } source) sb.Append(", source: ").Append(Quoted(source));
        if (a.CalibratedFor is { } calibrated) sb.Append(", calibratedFor: ").Append(Quoted(calibrated));
        return sb.Append('}').ToString();
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quoted(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }
}
