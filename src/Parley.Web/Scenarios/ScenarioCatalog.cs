using System.Collections.Concurrent;
using Parley.Analysis;
using Parley.Plots;
using Parley.Scenarios;

namespace Parley.Web.Scenarios;

/// <summary>A scenario of the catalog, loaded and analysed once.</summary>
/// <param name="Name">Its name in the catalog (the folder name, or the file name without <c>.yaml</c>).</param>
public sealed record CatalogScenario(string Name, Scenario Scenario, AnalysisReport Analysis, DealSpace? Plane);

/// <summary>
/// The scenarios of one folder, by name. Names come from listing the folder, and a request only ever looks a name up in
/// that listing: no text from a request becomes part of a path, so nothing outside the folder can be reached.
/// </summary>
public sealed class ScenarioCatalog(string folder, TimeSpan? analysisTimeLimit = null)
{
    private readonly string _folder = Path.GetFullPath(folder);
    private readonly ConcurrentDictionary<string, Lazy<CatalogScenario>> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Scenario>> _read = new(StringComparer.Ordinal);

    /// <summary>The scenario names and where each lives, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries()
    {
        var entries = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dir in Directory.EnumerateDirectories(_folder))
        {
            var info = new DirectoryInfo(dir);
            if (info.LinkTarget is null && !info.Name.StartsWith('.')) entries.TryAdd(info.Name, dir);
        }
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            var info = new FileInfo(file);
            string ext = info.Extension.ToLowerInvariant();
            if (info.LinkTarget is null && ext is ".yaml" or ".yml" && !info.Name.StartsWith('.') && !IsTournamentFile(file))
                entries.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }
        return [.. entries];
    }

    /// <summary>A tournament file (top-level <c>negotiators:</c>) lives beside scenarios but is not one.</summary>
    private static bool IsTournamentFile(string file)
    {
        using var reader = new StreamReader(file);
        for (int n = 0; n < 200 && reader.ReadLine() is { } line; n++)
            if (line.StartsWith("negotiators:", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A message with the server's path to the scenarios folder taken out (the page sees names relative to it).</summary>
    public string Redact(string message) => message.Replace(_folder + Path.DirectorySeparatorChar, "").Replace(_folder, ".");

    /// <summary>The path of the scenario called <paramref name="name"/> (exact name, as listed), or null.</summary>
    public string? Find(string name) => Entries().FirstOrDefault(e => e.Key == name).Value;

    /// <summary>The scenario called <paramref name="name"/>, read (once) but not analysed, or null when there is none.</summary>
    /// <exception cref="ScenarioFormatException">The scenario's files cannot be read.</exception>
    public Scenario? Read(string name) =>
        Find(name) is { } path ? Once(_read, name, () => ScenarioLoader.Load(path)) : null;

    /// <summary>The scenario called <paramref name="name"/>, read and analysed (once), or null when there is none.</summary>
    /// <exception cref="ScenarioFormatException">The scenario's files cannot be read.</exception>
    public CatalogScenario? Load(string name) =>
        Read(name) is { } scenario ? Once(_loaded, name, () => Analyse(name, scenario, analysisTimeLimit ?? AnalysisOptions.DefaultBudget)) : null;

    private static T Once<T>(ConcurrentDictionary<string, Lazy<T>> cache, string name, Func<T> create)
    {
        var lazy = cache.GetOrAdd(name, _ => new Lazy<T>(create));
        try { return lazy.Value; }
        catch
        {
            cache.TryRemove(name, out _); // a fixed file is read again next time
            throw;
        }
    }

    private static CatalogScenario Analyse(string name, Scenario scenario, TimeSpan budget)
    {
        var principals = scenario with { Parties = [.. scenario.Principals] };
        var analysis = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions { Budget = budget });
        var plane = principals.Parties.Length >= 2 && scenario.Space.IsDiscrete
            ? DealSpaceBuilder.Build(scenario, analysis, new DealSpaceOptions(MaxOutcomes: 5_000, ReservedAt: 0))
            : null;
        return new CatalogScenario(name, scenario, analysis, plane);
    }
}
