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

    public static Scenario Load(string path)
    {
        if (Directory.Exists(path)) return ReadFolder(path);
        if (File.Exists(path))
        {
            string ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is ".yaml" or ".yml") return YamlScenarioReader.ReadFile(path);
            if (ext == ".xml")
                throw new ScenarioFormatException(path, null, "expected a scenario folder (GENIUS domain + profiles) or a .yaml file; pass the folder that holds this XML file");
            throw new ScenarioFormatException(path, null, "expected a scenario folder (GENIUS XML) or a Parley .yaml/.yml file");
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

    /// <summary>Refuses files that are too large to be a scenario, before reading them.</summary>
    internal static void CheckSize(string file)
    {
        long length = new FileInfo(file).Length;
        if (length > MaxFileBytes)
            throw new ScenarioFormatException(file, null, $"file is {length:N0} bytes; expected a scenario file of at most {MaxFileBytes:N0} bytes");
    }
}
