using System.Globalization;
using System.Numerics;
using Parley.Outcomes;

namespace Parley.Cli.Output;

/// <summary>How issues, outcomes and counts are shown to a person.</summary>
internal static class IssueText
{
    public static string Kind(Issue issue) => issue switch
    {
        DiscreteIssue => "discrete",
        IntegerIssue => "integer",
        RealIssue => "real",
        _ => issue.GetType().Name,
    };

    public static string Domain(Issue issue) => issue switch
    {
        DiscreteIssue d => d.Values.Count <= 4 ? string.Join(", ", d.Values) : $"{d.Values[0]}, {d.Values[1]}, …, {d.Values[^1]}",
        IntegerIssue i => string.Create(CultureInfo.InvariantCulture, $"{i.Min}..{i.Max}"),
        RealIssue r => r.Steps is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"[{r.Min}, {r.Max}] in {s} points")
            : string.Create(CultureInfo.InvariantCulture, $"[{r.Min}, {r.Max}] continuous"),
        _ => "",
    };

    /// <summary>A red line as a person reads it: "issue: value", or "issue: first..last" for a range of values.</summary>
    public static string RedLine(OutcomeSpace space, Parley.Preferences.RedLine line)
    {
        var issue = space.Issues[line.Issue];
        return line.FirstValue == line.LastValue
            ? $"{issue.Name}: {issue.FormatValue(line.FirstValue)}"
            : $"{issue.Name}: {issue.FormatValue(line.FirstValue)}..{issue.FormatValue(line.LastValue)}";
    }

    /// <summary>An exact count, with its order of magnitude when it is large: "10,000,000,000 (1.0e10)".</summary>
    public static string Count(BigInteger? count)
    {
        if (count is not { } c) return "infinite (continuous issue)";
        string exact = c.ToString("N0", CultureInfo.InvariantCulture);
        if (c < 1_000_000) return exact;
        int digits = c.ToString(CultureInfo.InvariantCulture).Length;
        if (digits > 40) return $"{c.ToString(CultureInfo.InvariantCulture)[..1]}.{c.ToString(CultureInfo.InvariantCulture)[1..3]}e{digits - 1} ({digits} digits)";
        return $"{exact} ({(double)c:0.##e0})";
    }

    /// <summary>Only the values, in issue order, shortened between words to at most <paramref name="max"/> characters: "a · b · c…".</summary>
    public static string CompactOutcome(OutcomeSpace space, ReadOnlySpan<int> values, int max = 60)
    {
        var parts = new string[space.IssueCount];
        for (int i = 0; i < parts.Length; i++) parts[i] = space.Issues[i].FormatValue(values[i]);
        string text = string.Join(" · ", parts);
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max - 1);
        return (cut > 0 ? text[..cut] : text[..(max - 1)]).TrimEnd(' ', '·') + "…";
    }
}
