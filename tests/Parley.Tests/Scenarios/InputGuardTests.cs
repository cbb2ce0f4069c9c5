using Parley.Scenarios;

namespace Parley.Tests.Scenarios;

/// <summary>Issue 12 §4: inputs that would exhaust the stack, the memory or the time are refused before parsing, naming the file.</summary>
public class InputGuardTests
{
    private static ScenarioFormatException Refused(string path) => Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(path));

    [Fact]
    public void Load_YamlFlowNested100000Deep_IsRefusedNamingFileAndLine()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("deep.yaml", "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var e = Refused(file);
        Assert.StartsWith(file + ": line 1, column ", e.Message);
        Assert.Contains("nested more than 256 levels deep", e.Message);
    }

    [Fact]
    public void Load_YamlBlockSequencesNested100000Deep_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("deep.yaml", "issues:\n" + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n");
        Assert.Contains("nested more than 256 levels deep", Refused(file).Message);
    }

    [Fact]
    public void Load_YamlNestedMappings100000Deep_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("deep.yaml", "name: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "x" + new string('}', 100_000) + "\n");
        Assert.Contains("nested more than 256 levels deep", Refused(file).Message);
    }

    [Fact]
    public void Load_YamlAliasBomb_IsRefusedWithoutExpandingIt()
    {
        using var t = TestPaths.TempFolder();
        var text = new System.Text.StringBuilder("x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int k = 1; k < 10; k++) text.Append($"x{k}: &x{k} [{string.Join(", ", Enumerable.Repeat($"*x{k - 1}", 10))}]\n");
        // As a mapping key the bomb would be hashed, node by node, while the document is built.
        text.Append("? *x9\n: boom\n");
        string file = t.File("bomb.yaml", text.ToString());
        var e = Refused(file);
        Assert.StartsWith(file + ": line ", e.Message);
        Assert.Contains("more than 1,000,000 values, keys and lists (aliases expanded)", e.Message);
    }

    [Fact]
    public void Load_YamlAliasInsideItsOwnAnchor_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("loop.yaml", "name: &a [x, *a]\n");
        var e = Refused(file);
        Assert.Contains("loop.yaml", e.Message);
    }

    [Fact]
    public void Load_YamlWithOrdinaryAnchors_StillLoads()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("anchors.yaml", """
            issues:
              - {name: Price, type: discrete, values: [low, high]}
            parties:
              - name: Buyer
                utility: &same
                  weights: {Price: 1}
                  issues: {Price: {values: {low: 1, high: 0}}}
              - name: Seller
                utility: *same
            """);
        var s = ScenarioLoader.Load(file);
        Assert.Equal(1.0, s.Parties[1].Profile.Utility.Utility([0]));
    }

    [Fact]
    public void Load_XmlNested100000Deep_IsRefusedNamingFileAndLine()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", "<negotiation_template>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</negotiation_template>");
        t.File("a.xml", "<utility_space/>");
        var e = Refused(t.Path);
        Assert.StartsWith(Path.Combine(t.Path, "domain.xml") + ": line 1", e.Message);
        Assert.Contains("nested more than 256 levels deep", e.Message);
    }

    [Fact]
    public void Load_XmlWithMoreThanAMillionElements_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", "<negotiation_template>" + string.Concat(Enumerable.Repeat("<a/>", 1_000_001)) + "</negotiation_template>");
        Assert.Contains("domain.xml: line 1: more than 1,000,000 elements", Refused(t.Path).Message);
    }

    [Fact]
    public void Load_JsonNested100000Deep_IsRefusedNamingFile()
    {
        using var t = TestPaths.TempFolder();
        t.File("d.json", "{\"name\": \"x\", \"issuesValues\": " + new string('[', 100_000) + new string(']', 100_000) + "}");
        var e = Refused(t.Path);
        Assert.StartsWith(Path.Combine(t.Path, "d.json") + ": line 1", e.Message);
        Assert.Contains("nested more than 64 levels", e.Message);
    }

    public static TheoryData<string, string> TooManyIssues => new()
    {
        { "scenario.yaml", "issues:\n" + string.Concat(Enumerable.Range(0, 1_001).Select(k => $"  - {{name: i{k}, type: integer, min: 0, max: 1}}\n")) + "parties:\n" + YamlParty("a") + YamlParty("b") },
        { "domain.xml", "<negotiation_template><utility_space><objective index=\"0\" name=\"root\">" + string.Concat(Enumerable.Range(0, 1_001).Select(k => $"<issue index=\"{k + 1}\" name=\"i{k}\" type=\"integer\" lowerbound=\"0\" upperbound=\"1\"/>")) + "</objective></utility_space></negotiation_template>" },
        { "domain.json", "{\"name\": \"x\", \"issuesValues\": {" + string.Join(", ", Enumerable.Range(0, 1_001).Select(k => $"\"i{k}\": {{\"values\": [\"a\"]}}")) + "}}" },
    };

    private static string YamlParty(string name) =>
        $"  - name: {name}\n    utility:\n      weights: {{{string.Join(", ", Enumerable.Range(0, 1_001).Select(k => $"i{k}: 0.001"))}}}\n"
        + $"      issues: {{{string.Join(", ", Enumerable.Range(0, 1_001).Select(k => $"i{k}: {{slope: 0, offset: 1}}"))}}}\n";

    [Theory]
    [MemberData(nameof(TooManyIssues))]
    public void Load_MoreThanAThousandIssues_IsRefusedNamingTheFile(string name, string text) =>
        Assert.Contains("1,001 issues; expected at most 1,000", RefusedNamingTheFile(name, text));

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/> (with a stub profile beside a folder format) and returns the refusal, checked to name the file.</summary>
    private static string RefusedNamingTheFile(string name, string text)
    {
        using var t = TestPaths.TempFolder();
        string file = t.File(name, text);
        bool yaml = name.EndsWith(".yaml", StringComparison.Ordinal), json = name.EndsWith(".json", StringComparison.Ordinal);
        if (!yaml) t.File(json ? "a.json" : "a.xml", json ? "{\"LinearAdditiveUtilitySpace\": {}}" : "<utility_space/>");
        var e = Refused(yaml ? file : t.Path);
        Assert.Contains(file, e.Message);
        return e.Message;
    }

    public static TheoryData<string, string> IntegerBeyondIntMax => new()
    {
        { "scenario.yaml", "issues:\n  - {name: x, type: integer, min: 0, max: 2147483647}\nparties:\n  - {name: a, utility: {weights: {x: 1}, issues: {x: {slope: 0, offset: 1}}}}\n  - {name: b, utility: {weights: {x: 1}, issues: {x: {slope: 0, offset: 1}}}}\n" },
        { "domain.xml", "<negotiation_template><utility_space><objective index=\"0\" name=\"root\"><issue index=\"1\" name=\"x\" type=\"integer\" lowerbound=\"-9223372036854775808\" upperbound=\"9223372036854775807\"/></objective></utility_space></negotiation_template>" },
        { "domain.json", "{\"name\": \"x\", \"issuesValues\": {\"x\": {\"range\": {\"low\": -2147483648, \"high\": 2147483647, \"step\": 1}}}}" },
    };

    [Theory]
    [MemberData(nameof(IntegerBeyondIntMax))]
    public void Load_IntegerIssueBeyondIntMaxValues_IsRefusedNamingTheFileAndIssue(string name, string text)
    {
        string message = RefusedNamingTheFile(name, text);
        Assert.Contains("issue", message);
        Assert.Contains("expected at most 2,147,483,647 values per integer issue", message);
    }

    [Fact]
    public void Load_IntegerIssueOfExactlyIntMaxValues_LoadsOrIsRefusedNamingTheFile()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("big.yaml", "issues:\n  - {name: x, type: integer, min: 1, max: 2147483647}\nparties:\n  - {name: a, utility: {weights: {x: 1}, issues: {x: {slope: 0, offset: 1}}}}\n  - {name: b, utility: {weights: {x: 1}, issues: {x: {slope: 0, offset: 1}}}}\n");
        try
        {
            Assert.Equal(int.MaxValue, (int)ScenarioLoader.Load(file).Space.Cardinality!.Value);
        }
        catch (ScenarioFormatException e)
        {
            Assert.StartsWith(file + ": ", e.Message);
            Assert.Contains("too large", e.Message);
        }
    }
}

/// <summary>Inputs the fuzz test found (replayed from its seeds); each crashed the process before the fix.</summary>
public class FuzzRegressionTests
{
    private static readonly string Cairo = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));

    private static void LoadsOrIsRefusedNamingTheFile(params ScenarioFuzzTests.Mutation[] mutations)
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("cairo.yaml", ScenarioFuzzTests.Mutate(Cairo, mutations));
        var e = Record.Exception(() => ScenarioLoader.Load(file));
        if (e is null) return;
        Assert.IsType<ScenarioFormatException>(e);
        Assert.StartsWith(file, e.Message);
    }

    /// <summary>Seed eXZ6V2gRJYu2: YamlDotNet's scanner threw InvalidOperationException.</summary>
    [Fact]
    public void Load_CairoYamlWithASpanRepeated_IsRefusedAsMalformedYaml() =>
        LoadsOrIsRefusedNamingTheFile(new ScenarioFuzzTests.Mutation(3, 0.6596072723342798, 1, 0));

    /// <summary>Seed 6Hek3zcdUpp3: YamlDotNet's document builder threw ArgumentException ("unsupported event").</summary>
    [Fact]
    public void Load_CairoYamlCutAndPatched_IsRefusedAsMalformedYaml() =>
        LoadsOrIsRefusedNamingTheFile(
            new ScenarioFuzzTests.Mutation(0, 0.35142170467882416, 0.019190828409482608, 4),
            new ScenarioFuzzTests.Mutation(1, 0.05102040816326531, 0.5013914982620673, 23),
            new ScenarioFuzzTests.Mutation(2, 1, 1, 13));
}
