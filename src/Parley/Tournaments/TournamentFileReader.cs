using System.Collections.Immutable;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Tournaments;

/// <summary>
/// Reads a tournament file (YAML, see docs/tournaments.md) and checks everything before anything runs: the keys and
/// values, that every negotiator resolves (built-in name and parameters, or assembly and type), and that every scenario
/// exists, loads and suits the protocol. Errors are <see cref="ScenarioFormatException"/>s naming the file, the line and
/// what was expected.
/// </summary>
public static class TournamentFileReader
{
    /// <summary>Largest number of negotiations one tournament may plan.</summary>
    public const long MaxNegotiations = 50_000_000;

    /// <summary>Reads and validates the tournament file at <paramref name="file"/>.</summary>
    public static PreparedTournament ReadFile(string file)
    {
        string full = Path.GetFullPath(file);
        if (!File.Exists(full)) throw new ScenarioFormatException(file, null, "no such file; expected a tournament .yaml file");
        string text;
        try { text = File.ReadAllText(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(file, null, $"cannot be read: {e.Message}", e);
        }
        return Read(full, text);
    }

    /// <summary>
    /// Reads and validates tournament text as if it were the file <paramref name="file"/> (relative paths resolve against
    /// its folder). Used by <c>resume</c> and by worker processes with the text stored in the results database.
    /// </summary>
    public static PreparedTournament Read(string file, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new ScenarioFormatException(file, $"line {e.Start.Line}, column {e.Start.Column}", $"malformed YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some unclosed flow collections, without a position.
            throw new ScenarioFormatException(file, null, "malformed YAML: an unclosed [ ] or { } list or mapping, or a stray quote; expected well-formed YAML", e);
        }
        if (stream.Documents.Count == 0)
            throw new ScenarioFormatException(file, null, "the file is empty; expected a tournament with 'negotiators', 'scenarios' and 'protocol'");
        var doc = new YamlDoc(file);
        var root = doc.Map(stream.Documents[0].RootNode, "the document");
        doc.AllowOnly(root, "the tournament", "name", "description", "seed", "negotiators", "scenarios", "protocol", "repetitions",
            "rotateRoles", "selfPlay", "isolation", "hangGrace");
        string folder = Path.GetDirectoryName(file) ?? ".";

        var protocolNode = doc.Required(root, "protocol", "the tournament");
        var protocol = ReadProtocol(doc, protocolNode);
        var negotiatorsNode = doc.Seq(doc.Required(root, "negotiators", "the tournament"), "'negotiators'");
        if (negotiatorsNode.Children.Count == 0) throw doc.Error(negotiatorsNode, "'negotiators' is empty; expected at least one negotiator");
        var negotiators = ImmutableArray.CreateBuilder<NegotiatorSpec>();
        var factories = ImmutableArray.CreateBuilder<Func<object>>();
        foreach (var node in negotiatorsNode)
        {
            var negotiator = ReadNegotiator(doc, node, folder);
            if (negotiators.Any(n => string.Equals(n.Name, negotiator.Name, StringComparison.OrdinalIgnoreCase)))
                throw doc.Error(node, $"negotiator name '{negotiator.Name}' is used twice; expected unique names (give one a 'name:')");
            Func<object> factory;
            try
            {
                factory = NegotiatorFactory.Compile(negotiator, TournamentProtocols.Resolve(protocol));
                _ = factory() ?? throw new ArgumentException("its constructor returned null");
            }
            catch (ArgumentException e) { throw doc.Error(node, $"negotiator '{negotiator.Name}': {e.Message}"); }
            catch (System.Reflection.TargetInvocationException e) { throw doc.Error(node, $"negotiator '{negotiator.Name}': its constructor threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}"); }
            negotiators.Add(negotiator);
            factories.Add(factory);
        }

        var scenariosNode = doc.Seq(doc.Required(root, "scenarios", "the tournament"), "'scenarios'");
        if (scenariosNode.Children.Count == 0) throw doc.Error(scenariosNode, "'scenarios' is empty; expected at least one scenario folder or file");
        var entries = new List<(YamlNode Node, string Path, string? Name)>();
        foreach (var node in scenariosNode) ReadScenarioEntry(doc, node, folder, entries);
        var loaded = LoadScenarios(doc, entries, protocol);

        int repetitions = (int)Bounded(doc, root, "repetitions", 1, 1, 1_000_000);
        bool rotate = Bool(doc, root, "rotateRoles", true);
        bool selfPlay = Bool(doc, root, "selfPlay", true);
        var isolation = doc.OptionalString(root, "isolation") switch
        {
            null or "auto" => IsolationMode.Auto,
            "threads" => IsolationMode.Threads,
            "processes" => IsolationMode.Processes,
            var other => throw doc.Error(doc.Optional(root, "isolation")!, $"'isolation' is '{other}'; expected auto, threads or processes"),
        };
        var grace = doc.Optional(root, "hangGrace") is { } g ? Duration(doc, g, "'hangGrace'") : TimeSpan.FromSeconds(2);
        var seed = Bounded(doc, root, "seed", 0, int.MinValue, int.MaxValue);

        var spec = new TournamentSpec
        {
            Name = doc.OptionalString(root, "name") ?? Path.GetFileNameWithoutExtension(file),
            File = file,
            Text = text,
            Seed = (int)seed,
            Negotiators = negotiators.ToImmutable(),
            Scenarios = [.. loaded.Select(l => l.Entry)],
            Protocol = protocol,
            Repetitions = repetitions,
            RotateRoles = rotate,
            SelfPlay = selfPlay,
            Isolation = isolation,
            HangGrace = grace,
        };
        var prepared = new PreparedTournament(spec, [.. loaded.Select(l => l.Scenario)], factories.ToImmutable());
        if (prepared.Count == 0)
            throw doc.Error(negotiatorsNode, "no negotiation to run: with selfPlay false there must be at least as many negotiators as the largest table has seats");
        if (prepared.Count > MaxNegotiations)
            throw doc.Error(root, $"the tournament plans {prepared.Count:N0} negotiations; expected at most {MaxNegotiations:N0} (fewer negotiators, scenarios or repetitions)");
        return prepared;
    }

    private static ProtocolSettings ReadProtocol(YamlDoc doc, YamlNode node)
    {
        if (node is YamlScalarNode) return CheckProtocol(doc, node, new ProtocolSettings { Name = doc.String(node, "'protocol'"), Rounds = 1000 });
        var map = doc.Map(node, "'protocol'");
        doc.AllowOnly(map, "'protocol'", "name", "rounds", "timeLimit", "turnBudget", "mediators");
        string name = doc.String(doc.Required(map, "name", "'protocol'"), "protocol 'name'");
        int? rounds = doc.Optional(map, "rounds") is not null ? (int)Bounded(doc, map, "rounds", 0, 1, 100_000_000) : null;
        TimeSpan? limit = doc.Optional(map, "timeLimit") is { } t ? Duration(doc, t, "protocol 'timeLimit'") : null;
        var budget = doc.Optional(map, "turnBudget") is { } b ? Duration(doc, b, "protocol 'turnBudget'") : TimeSpan.FromSeconds(1);
        if (rounds is null && limit is null) throw doc.Error(map, "'protocol' has no deadline; expected 'rounds:', 'timeLimit:' or both");
        var mediators = ImmutableArray<string>.Empty;
        if (doc.Optional(map, "mediators") is { } m)
        {
            if (name == "sao") throw doc.Error(m, "'mediators' is given, but sao seats no mediator; expected single-text or shuttle");
            mediators = [.. doc.Seq(m, "protocol 'mediators'").Select(x => doc.String(x, "a mediator"))];
        }
        var settings = CheckProtocol(doc, node, new ProtocolSettings { Name = name, Rounds = rounds, TimeLimit = limit, TurnBudget = budget, Mediators = mediators });
        if (TournamentProtocols.Resolve(settings) is MediatedTournamentProtocol mediated)
        {
            try { mediated.CheckMediators(); }
            catch (ArgumentException e) { throw doc.Error(doc.Optional(map, "mediators") ?? map, e.Message); }
        }
        return settings;
    }

    private static ProtocolSettings CheckProtocol(YamlDoc doc, YamlNode node, ProtocolSettings settings)
    {
        if (!TournamentProtocols.TryResolve(settings, out _))
            throw doc.Error(node, $"protocol '{settings.Name}' is unknown; expected one of: {string.Join(", ", TournamentProtocols.Names)}");
        return settings;
    }

    private static NegotiatorSpec ReadNegotiator(YamlDoc doc, YamlNode node, string folder)
    {
        if (node is YamlScalarNode)
        {
            string text = doc.String(node, "a negotiator").Trim();
            int colon = text.IndexOf(':');
            if (colon > 0 && string.Equals(text[..colon], "timedependent", StringComparison.OrdinalIgnoreCase))
                return new NegotiatorSpec { Name = text, BuiltIn = "timedependent", Parameters = ImmutableSortedDictionary<string, string>.Empty.Add("exponent", text[(colon + 1)..]) };
            return new NegotiatorSpec { Name = text, BuiltIn = text };
        }
        var map = doc.Map(node, "a negotiator");
        doc.AllowOnly(map, "a negotiator", "name", "builtin", "assembly", "type", "parameters");
        string? builtin = doc.OptionalString(map, "builtin");
        string? assembly = doc.OptionalString(map, "assembly");
        string? type = doc.OptionalString(map, "type");
        var parameters = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (doc.Optional(map, "parameters") is { } p)
            foreach (var (k, v) in doc.Map(p, "'parameters'").Children)
                parameters[doc.String(k, "a parameter name")] = doc.String(v, $"parameter '{(k as YamlScalarNode)?.Value}'");
        if (builtin is not null && (assembly is not null || type is not null))
            throw doc.Error(map, "a negotiator has 'builtin' and 'assembly'/'type'; expected either a built-in name or an assembly with a type");
        if (builtin is null && assembly is null)
            throw doc.Error(map, "a negotiator needs 'builtin: NAME' or 'assembly: PATH' with 'type: FULL.TYPE.NAME'");
        if (assembly is not null && type is null) throw doc.Error(map, $"negotiator from assembly '{assembly}' has no 'type'; expected the full type name");
        string name = doc.OptionalString(map, "name") ?? builtin ?? type!;
        if (string.IsNullOrWhiteSpace(name)) throw doc.Error(map, "a negotiator's 'name' is empty");
        return new NegotiatorSpec
        {
            Name = name,
            BuiltIn = builtin,
            AssemblyPath = assembly is null ? null : Path.GetFullPath(Path.Combine(folder, assembly)),
            TypeName = type,
            Parameters = parameters.ToImmutable(),
        };
    }

    private static void ReadScenarioEntry(YamlDoc doc, YamlNode node, string folder, List<(YamlNode, string, string?)> entries)
    {
        string path;
        string? name = null;
        if (node is YamlMappingNode map)
        {
            doc.AllowOnly(map, "a scenario", "path", "name");
            path = doc.String(doc.Required(map, "path", "a scenario"), "scenario 'path'");
            name = doc.OptionalString(map, "name");
        }
        else path = doc.String(node, "a scenario");
        string full = Path.GetFullPath(Path.Combine(folder, path));
        if (File.Exists(full))
        {
            entries.Add((node, full, name));
            return;
        }
        if (!Directory.Exists(full)) throw doc.Error(node, $"scenario '{path}' does not exist (looked for {full}); expected a GENIUS or GeniusWeb folder, a Parley .yaml file, or a folder of them");
        var found = new List<string>();
        Collect(full, found);
        if (found.Count == 0) throw doc.Error(node, $"folder '{path}' holds no scenario; expected GENIUS (.xml) or GeniusWeb (.json) files, .yaml scenarios, or folders of them");
        if (found.Count > 1 && name is not null) throw doc.Error(node, $"'name' is given for folder '{path}', which holds {found.Count} scenarios; expected a name only for a single scenario");
        foreach (var f in found) entries.Add((node, f, found.Count == 1 ? name : null));
    }

    /// <summary>A folder with .xml or .json files is one scenario; any other folder is searched for scenarios (sorted by name).</summary>
    private static void Collect(string folder, List<string> found)
    {
        if (Directory.EnumerateFiles(folder, "*.xml").Any() || Directory.EnumerateFiles(folder, "*.json").Any())
        {
            found.Add(folder);
            return;
        }
        var children = Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (Directory.Exists(child)) Collect(child, found);
            else if (Path.GetExtension(child).ToLowerInvariant() is ".yaml" or ".yml") found.Add(child);
        }
    }

    private static List<(ScenarioEntry Entry, Scenario Scenario)> LoadScenarios(YamlDoc doc, List<(YamlNode Node, string Path, string? Name)> entries, ProtocolSettings protocol)
    {
        var loaded = new List<(YamlNode Node, string Path, string? Name, Scenario Scenario)>();
        foreach (var (node, path, name) in entries)
        {
            Scenario scenario;
            try { scenario = ScenarioLoader.Load(path); }
            catch (ScenarioFormatException e) { throw doc.Error(node, $"scenario {e.Message}"); }
            if (!TournamentProtocols.TryResolve(protocol, out var runner)) throw doc.Error(node, "unknown protocol");
            if (runner.Unsuitable(scenario) is { } why) throw doc.Error(node, $"scenario '{scenario.Name}' ({path}) cannot run under '{protocol.Name}': {why}");
            loaded.Add((node, path, name, scenario));
        }
        var plain = loaded.Select(l => l.Name ?? l.Scenario.Name).ToList();
        var names = plain.ToList();
        for (int i = 0; i < loaded.Count; i++)
        {
            if (loaded[i].Name is null && plain.Count(n => n == plain[i]) > 1)
                names[i] = Path.GetFileName(Path.GetDirectoryName(loaded[i].Path)) + "/" + names[i];
        }
        for (int i = 0; i < loaded.Count; i++)
            for (int j = 0; j < i; j++)
                if (names[i] == names[j])
                    throw doc.Error(loaded[i].Node, $"two scenarios are called '{names[i]}' ({loaded[j].Path} and {loaded[i].Path}); expected unique names (list it as 'path:' with a 'name:')");
        return [.. loaded.Select((l, i) => (new ScenarioEntry(names[i], l.Path), l.Scenario with { Name = names[i] }))];
    }

    private static long Bounded(YamlDoc doc, YamlMappingNode map, string key, long fallback, long min, long max)
    {
        if (doc.Optional(map, key) is not { } node) return fallback;
        long v = doc.Long(node, $"'{key}'");
        if (v < min || v > max) throw doc.Error(node, $"'{key}' is {v}; expected a whole number from {min:N0} to {max:N0}");
        return v;
    }

    private static bool Bool(YamlDoc doc, YamlMappingNode map, string key, bool fallback)
    {
        if (doc.Optional(map, key) is not { } node) return fallback;
        return doc.String(node, $"'{key}'").ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw doc.Error(node, $"'{key}' is '{other}'; expected true or false"),
        };
    }

    private static TimeSpan Duration(YamlDoc doc, YamlNode node, string what)
    {
        string text = doc.String(node, what);
        if (DurationText.TryParse(text, out var d)) return d;
        throw doc.Error(node, $"{what} is '{text}'; expected a duration such as 500ms, 3s or 2m");
    }
}
