using Parley.Scenarios.Genius;
using Parley.Scenarios.GeniusWeb;
using Parley.Scenarios.Yaml;

namespace Parley.Scenarios;

/// <summary>
/// Reads a scenario from a GENIUS folder (XML), a GeniusWeb folder (JSON) or a Parley YAML file, choosing by what the
/// path is and what the folder holds.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Largest scenario file Parley reads (64 MiB); anything bigger is refused before it is read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Most issues a scenario may have: ANAC's largest has 40, an additive space of 10^300 outcomes needs 300; at 1,000
    /// issues analysis and negotiation take tens of seconds, beyond that they do not finish in useful time.
    /// </summary>
    public const int MaxIssues = 1_000;

    /// <summary>
    /// Reads the scenario at <paramref name="path"/>. Every problem with the input, including inputs too large or too
    /// deeply nested to be a scenario, is a <see cref="ScenarioFormatException"/> naming the file.
    /// </summary>
    public static Scenario Load(string path)
    {
        Scenario scenario;
        try
        {
            scenario = Read(path);
        }
        catch (OutOfMemoryException e)
        {
            // A table too large to allocate (an issue with billions of values, say) is a property of the input.
            throw new ScenarioFormatException(path, null, $"too large to load into memory ({e.Message}); expected a smaller scenario", e);
        }
        CheckLimits(path, scenario);
        return scenario;
    }

    private static Scenario Read(string path)
    {
        if (Directory.Exists(path)) return ReadFolder(path);
        if (File.Exists(path))
        {
            string ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is ".yaml" or ".yml") return YamlScenarioReader.ReadFile(path);
            if (ext is ".xml" or ".json")
                throw new ScenarioFormatException(path, null, $"expected a scenario folder (GENIUS or GeniusWeb: a domain + one profile per party) or a .yaml file; pass the folder that holds this {ext[1..].ToUpperInvariant()} file");
            throw new ScenarioFormatException(path, null, "expected a scenario folder (GENIUS XML or GeniusWeb JSON) or a Parley .yaml/.yml file");
        }
        throw new ScenarioFormatException(path, null, "no such file or folder");
    }

    /// <summary>A folder of GENIUS XML files, or else of GeniusWeb JSON files (a folder holding both is read as GENIUS, the JSON files skipped with a warning).</summary>
    private static Scenario ReadFolder(string folder)
    {
        string[] files;
        try { files = Directory.GetFiles(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(folder, null, $"cannot be read: {e.Message}", e);
        }
        bool xml = files.Any(f => Path.GetExtension(f).Equals(".xml", StringComparison.OrdinalIgnoreCase)
                                  && !Path.GetFileName(f).Equals(PublishedFrontier.FileName, StringComparison.OrdinalIgnoreCase));
        if (!xml && files.Any(GeniusWebScenarioReader.IsJson)) return GeniusWebScenarioReader.ReadFolder(folder);
        if (!xml && !files.Any(GeniusWebScenarioReader.IsJson))
            throw new ScenarioFormatException(folder, null, "no scenario files; expected a GENIUS folder (a domain .xml and one profile .xml per party) or a GeniusWeb folder (a domain .json and one profile .json per party)");
        return GeniusScenarioReader.ReadFolder(folder);
    }

    /// <summary>Refuses scenarios beyond what Parley can negotiate or analyse, whatever format they came in.</summary>
    private static void CheckLimits(string path, Scenario scenario)
    {
        CheckIssueCount(path, null, scenario.Space.IssueCount);
        foreach (var issue in scenario.Space.Issues)
            if (issue is Outcomes.IntegerIssue integer) CheckIntegerRange(path, $"issue '{issue.Name}'", integer.Min, integer.Max);
    }

    /// <summary>Refuses an integer issue with more values than one issue can index (int.MaxValue).</summary>
    internal static void CheckIntegerRange(string file, string? where, long min, long max)
    {
        var count = (System.Numerics.BigInteger)max - min + 1;
        if (count > int.MaxValue)
            throw new ScenarioFormatException(file, where, $"{count:N0} values ({min} to {max}); expected at most {int.MaxValue:N0} values per integer issue");
    }

    /// <summary>Refuses more than <see cref="MaxIssues"/> issues, before anything is built from them.</summary>
    internal static void CheckIssueCount(string file, string? where, int count)
    {
        if (count > MaxIssues)
            throw new ScenarioFormatException(file, where, $"{count:N0} issues; expected at most {MaxIssues:N0}");
    }

    /// <summary>Refuses files that are too large to be a scenario, before reading them.</summary>
    internal static void CheckSize(string file)
    {
        long length = new FileInfo(file).Length;
        if (length > MaxFileBytes)
            throw new ScenarioFormatException(file, null, $"file is {length:N0} bytes; expected a scenario file of at most {MaxFileBytes:N0} bytes");
    }
}
