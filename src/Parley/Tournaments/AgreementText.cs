using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Parley.Outcomes;

namespace Parley.Tournaments;

/// <summary>
/// An agreement as stored: one JSON object, issue name → value text, in issue order. The <c>"issue":"value"</c>
/// fragments of small issues are made once per outcome space, so a tournament pays for the JSON encoding only once.
/// </summary>
internal static class AgreementText
{
    private const int CachedValuesPerIssue = 4096;
    private static readonly ConditionalWeakTable<OutcomeSpace, string?[][]> Fragments = new();

    public static string Format(OutcomeSpace space, ImmutableArray<int> values)
    {
        var fragments = Fragments.GetValue(space, Build);
        var text = new StringBuilder(64);
        text.Append('{');
        for (int i = 0; i < space.IssueCount; i++)
        {
            if (i > 0) text.Append(',');
            var cached = fragments[i];
            text.Append(values[i] < cached.Length ? cached[values[i]] : Fragment(space.Issues[i], values[i]));
        }
        return text.Append('}').ToString();
    }

    private static string?[][] Build(OutcomeSpace space)
    {
        var all = new string?[space.IssueCount][];
        for (int i = 0; i < all.Length; i++)
        {
            var issue = space.Issues[i];
            int count = (int)Math.Min(space.Radices[i], CachedValuesPerIssue);
            all[i] = new string?[count];
            for (int v = 0; v < count; v++) all[i][v] = Fragment(issue, v);
        }
        return all;
    }

    private static string Fragment(Issue issue, int value) => JsonSerializer.Serialize(issue.Name) + ":" + JsonSerializer.Serialize(issue.FormatValue(value));
}
