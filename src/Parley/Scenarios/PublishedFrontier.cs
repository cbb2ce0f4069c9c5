using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Scenarios;

/// <summary>
/// The Pareto frontier published with a competition scenario (GENIUS/NegMAS ANAC 2014 folders carry it as
/// <c>pareto.xml</c>, which despite its name is plain text: one point a line, <c>u1, u2</c>). Utilities are in the party
/// order of the scenario's principals (profile file names sorted ordinally).
/// </summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Points">The published points, in file order; every point has the same number of utilities.</param>
public sealed record PublishedFrontier(string File, ImmutableArray<ImmutableArray<double>> Points)
{
    /// <summary>The file name GENIUS and NegMAS use for the published frontier.</summary>
    public const string FileName = "pareto.xml";

    /// <summary>The published frontier file in <paramref name="folder"/> (name compared case-insensitively), or null.</summary>
    public static string? FindIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
                .FirstOrDefault(f => string.Equals(Path.GetFileName(f), FileName, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>Reads the published frontier beside a scenario folder, or returns null when the folder has none (or the scenario is a file).</summary>
    public static PublishedFrontier? TryLoad(string scenarioPath) => FindIn(scenarioPath) is { } file ? Read(file) : null;

    /// <summary>Reads one published frontier file: blank lines are skipped; every other line holds the same number of utilities, separated by commas (or whitespace).</summary>
    public static PublishedFrontier Read(string file)
    {
        ScenarioLoader.CheckSize(file);
        string text;
        try { text = System.IO.File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
        return Parse(file, text);
    }

    /// <summary>Parses published-frontier text; <paramref name="file"/> is used in error messages only.</summary>
    public static PublishedFrontier Parse(string file, string text)
    {
        var points = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        int width = -1, lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            string line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.Length == 0) continue;
            var cells = line.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var point = ImmutableArray.CreateBuilder<double>(cells.Length);
            foreach (var cell in cells)
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double u) || !double.IsFinite(u))
                    throw new ScenarioFormatException(file, $"line {lineNumber}", $"'{Shorten(cell)}' is not a number; expected one utility per party, e.g. '0.75, 0.6'");
                point.Add(u);
            }
            if (width < 0) width = cells.Length;
            else if (cells.Length != width)
                throw new ScenarioFormatException(file, $"line {lineNumber}", $"{cells.Length} utilities; expected {width} like the lines above (one per party)");
            points.Add(point.MoveToImmutable());
        }
        if (points.Count == 0) throw new ScenarioFormatException(file, null, "no points; expected one line 'u1, u2' per published frontier point");
        return new PublishedFrontier(file, points.ToImmutable());
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
