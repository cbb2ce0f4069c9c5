using System.Text;
using CsCheck;
using Parley.Scenarios;

namespace Parley.Tests.Scenarios;

/// <summary>
/// Issue 12 §4: mutated ANAC XML, GeniusWeb JSON and Parley YAML files either load or are refused with a
/// <see cref="ScenarioFormatException"/> naming the file: never another exception, never a hang. Each format runs a
/// few seconds (CsCheck, seeded by CsCheck; a failure prints the seed and the shrunk mutation to replay it).
/// </summary>
public class ScenarioFuzzTests
{
    private const int Iterations = 600;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    /// <summary>Fragments that reach the readers' corners: markup, YAML anchors and aliases, JSON structure, extreme numbers.</summary>
    private static readonly string[] Tokens =
    [
        "<", ">", "/>", "\"", "'", "=", " ", "\n", "\t", "{", "}", "[", "]", ":", ",", "-", "- ", "&a ", "*a", "!!str ", "? ", "|\n", "#",
        "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<a><a><a>", "</issue>", "<issue name=\"x\" type=\"integer\"/>", "\uFEFF", "\0",
        "0", "-1", "1e308", "1e999", "-0", "NaN", "Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "2147483647", "4294967296", "0.1", "1.7976931348623157E+308", "null", "true", "[[[[[[[[", "{\"a\":{\"a\":", "\"values\": []",
        "\"range\": {\"low\": 0, \"high\": 1e20, \"step\": 1e-20}", "type: integer", "type: real", "steps: 1", "weights: {}", "\u00e9\u4e2d",
    ];

    /// <summary>One edit of a file: kind 0 replaces a character, 1 deletes a span, 2 inserts a token, 3 repeats a span, 4 truncates.</summary>
    public readonly record struct Mutation(int Kind, double Position, double Length, int Token);

    private static readonly Gen<Mutation> GenMutation =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, Tokens.Length - 1])
            .Select((kind, position, length, token) => new Mutation(kind, position, length, token));

    internal static string Mutate(string text, IEnumerable<Mutation> mutations)
    {
        var sb = new StringBuilder(text);
        foreach (var m in mutations)
        {
            int at = Math.Min(sb.Length, (int)(m.Position * sb.Length));
            int span = Math.Min(sb.Length - at, (int)(m.Length * m.Length * 200));
            switch (m.Kind)
            {
                case 0 when at < sb.Length: sb[at] = Tokens[m.Token][0]; break;
                case 1: sb.Remove(at, span); break;
                case 2: sb.Insert(at, Tokens[m.Token]); break;
                case 3: sb.Insert(at, sb.ToString(at, span), 1 + m.Token % 4); break;
                case 4: sb.Length = at; break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Copies <paramref name="source"/> (a folder or a file) into a fresh folder with one file mutated, and loads it.</summary>
    private static void LoadsOrIsRefusedNamingTheFile(string source, int fileChoice, Mutation[] mutations)
    {
        using var temp = TestPaths.TempFolder();
        string target;
        if (Directory.Exists(source))
        {
            var files = Directory.GetFiles(source).Order(StringComparer.Ordinal).ToArray();
            foreach (var f in files) File.Copy(f, Path.Combine(temp.Path, Path.GetFileName(f)));
            string victim = Path.Combine(temp.Path, Path.GetFileName(files[fileChoice % files.Length]));
            File.WriteAllText(victim, Mutate(File.ReadAllText(victim), mutations));
            target = temp.Path;
        }
        else
        {
            target = temp.File(Path.GetFileName(source), Mutate(File.ReadAllText(source), mutations));
        }

        var load = Task.Run(() => ScenarioLoader.Load(target));
        try
        {
            Assert.True(load.Wait(HangLimit), $"loading did not finish within {HangLimit.TotalSeconds} s");
            var scenario = load.Result;
            Assert.NotEmpty(scenario.Parties);
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is ScenarioFormatException e)
        {
            Assert.StartsWith(target, e.Message);
            Assert.DoesNotContain("   at ", e.Message);
        }
    }

    private static void Fuzz(string source) =>
        Gen.Select(Gen.Int[0, 7], GenMutation.Array[1, 4]).Sample((file, mutations) => LoadsOrIsRefusedNamingTheFile(source, file, mutations), iter: Iterations);

    [Fact]
    public void Load_MutatedAnacAdditiveXml_LoadsOrIsRefusedNamingTheFile() => Fuzz(TestPaths.Anac("y2010", "EnglandZimbabwe"));

    [Fact]
    public void Load_MutatedAnacNonlinearXml_LoadsOrIsRefusedNamingTheFile() => Fuzz(TestPaths.Anac("y2014", "10issuesDiscountedwithRV"));

    [Fact]
    public void Load_MutatedGeniusWebJson_LoadsOrIsRefusedNamingTheFile() => Fuzz(Path.Combine(TestPaths.Shared, "scenarios", "geniusweb", "JapnTrip"));

    [Fact]
    public void Load_MutatedParleyYaml_LoadsOrIsRefusedNamingTheFile() => Fuzz(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));

    [Fact]
    public void Mutate_EachKind_ChangesTheTextAsDescribed()
    {
        Assert.Equal("<bc", Mutate("abc", [new Mutation(0, 0, 0, 0)]));
        Assert.Equal("c", Mutate("abc", [new Mutation(1, 0, 0.1, 0)]));
        Assert.Equal("a>bc", Mutate("abc", [new Mutation(2, 0.34, 0, 1)]));
        Assert.Equal("ab", Mutate("abc", [new Mutation(4, 0.67, 0, 0)]));
        Assert.Equal("aabc", Mutate("abc", [new Mutation(3, 0, 0.08, 0)]));
    }
}
