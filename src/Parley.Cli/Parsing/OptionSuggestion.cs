namespace Parley.Cli.Parsing;

/// <summary>Finds the known option a user most plausibly meant when they typed an unknown one.</summary>
internal static class OptionSuggestion
{
    /// <summary>The spelling among <paramref name="known"/> (each with its dashes) closest to <paramref name="typed"/>,
    /// or null when none is close: a small edit distance (a typo, a missing or extra letter, two swapped letters; for one-letter names only a change of case, for two-letter names one edit), or, for names of three letters or more, one
    /// name containing the other (<c>--time</c> for <c>--time-limit</c>). Ties go to the earlier spelling.</summary>
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        string bare = typed.TrimStart('-');
        if (bare.Length == 0) return null;
        string? best = null;
        int bestScore = int.MaxValue;
        foreach (string spelling in known)
        {
            string name = spelling.TrimStart('-');
            int distance = EditDistance(bare.ToLowerInvariant(), name.ToLowerInvariant());
            int allowed = name.Length switch { 1 => 0, 2 => 1, _ => Math.Max(1, Math.Min(3, name.Length / 3)) };
            int score = distance <= allowed ? distance
                : Math.Min(bare.Length, name.Length) >= 3 && (name.Contains(bare, StringComparison.OrdinalIgnoreCase) || bare.Contains(name, StringComparison.OrdinalIgnoreCase)) ? allowed + 1
                : int.MaxValue;
            if (score < bestScore) (best, bestScore) = (spelling, score);
        }
        return best;
    }

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions each cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
