using Parley.Scenarios;

namespace Parley.Tests.Scenarios;

/// <summary>Every kind of bad scenario input gives one clear error naming the file, the element or line, and what was expected.</summary>
public class BadInputTests
{
    private const string Domain = """
        <negotiation_template>
          <utility_space number_of_issues="2">
            <objective index="0" name="root" type="objective" etype="objective">
              <issue index="1" name="Price" type="discrete" etype="discrete" vtype="discrete">
                <item index="1" value="low"/><item index="2" value="high"/>
              </issue>
              <issue index="2" name="Days" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5"/>
            </objective>
          </utility_space>
        </negotiation_template>
        """;

    private static string Profile(string priceIssue = "Price", string lowValue = "low", string weight1 = "0.6", string extra = "") => $"""
        <utility_space>
          <objective index="0" name="root" type="objective" etype="objective">
            <issue index="1" name="{priceIssue}" type="discrete" etype="discrete" vtype="discrete">
              <item index="1" value="{lowValue}" evaluation="1"/><item index="2" value="high" evaluation="3"/>
            </issue>
            <issue index="2" name="Days" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5">
              <evaluator ftype="linear" slope="0.25" offset="0"/>
            </issue>
            <weight index="1" value="{weight1}"/>
            {extra}
            <weight index="2" value="0.4"/>
          </objective>
          <reservation value="0.2"/>
        </utility_space>
        """;

    private static ScenarioFormatException LoadFails(TempFolder folder) =>
        Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(folder.Path));

    [Fact]
    public void Load_ValidTinyFolder_Loads()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile());
        t.File("b.xml", Profile());
        var s = ScenarioLoader.Load(t.Path);
        Assert.Equal(["a", "b"], s.Parties.Select(p => p.Name));
        Assert.Equal(0.6 * 1 / 3 + 0.4 * 0.5, s.Parties[0].Profile.Utility.Utility([0, 2]), 12);
    }

    [Fact]
    public void Load_MalformedXml_NamesFileAndLine()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile().Replace("</objective>", ""));
        var e = LoadFails(t);
        Assert.Contains("a.xml", e.Message);
        Assert.Contains("line", e.Message);
        Assert.Contains("malformed XML", e.Message);
    }

    [Fact]
    public void Load_DtdWithExternalEntity_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        t.File("secret.txt", "secret");
        t.File("domain.xml", $"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{t.Path}/secret.txt">]>""" + Domain.Replace("root", "&xxe;"));
        t.File("a.xml", Profile());
        var e = LoadFails(t);
        Assert.Contains("domain.xml", e.Message);
        Assert.Contains("DTD", e.Message);
        Assert.DoesNotContain("secret", e.Message.Replace("secret.txt", ""));
    }

    [Fact]
    public void Load_ProfileNamesUnknownIssue_NamesIssueAndExpected()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile(priceIssue: "Colour"));
        var e = LoadFails(t);
        Assert.Contains("a.xml", e.Message);
        Assert.Contains("'Colour' is not in the domain", e.Message);
        Assert.Contains("Price, Days", e.Message);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Load_ProfileNamesUnknownValue_NamesValueAndExpected()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile(lowValue: "cheap"));
        var e = LoadFails(t);
        Assert.Contains("'cheap' is not a value of issue 'Price'", e.Message);
        Assert.Contains("low, high", e.Message);
        Assert.Contains("<item", e.Message);
    }

    [Fact]
    public void Load_NegativeWeight_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile(weight1: "-0.5"));
        var e = LoadFails(t);
        Assert.Contains("a.xml", e.Message);
        Assert.Contains("<weight index=\"1\">", e.Message);
        Assert.Contains("negative weight -0.5", e.Message);
    }

    [Fact]
    public void Load_MissingWeight_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile().Replace("<weight index=\"2\" value=\"0.4\"/>", ""));
        var e = LoadFails(t);
        Assert.Contains("issue 'Days' has no <weight>", e.Message);
    }

    [Fact]
    public void Load_NonNumericWeight_SaysNumberExpected()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile(weight1: "heavy"));
        var e = LoadFails(t);
        Assert.Contains("attribute 'value' is 'heavy'; expected a number", e.Message);
    }

    [Fact]
    public void Load_EmptyFolder_SaysWhatWasExpected()
    {
        using var t = TestPaths.TempFolder();
        var e = LoadFails(t);
        Assert.Contains(t.Path, e.Message);
        Assert.Contains("no scenario files; expected a GENIUS folder", e.Message);
    }

    [Fact]
    public void Load_FolderWithoutDomain_SaysDomainMissing()
    {
        using var t = TestPaths.TempFolder();
        t.File("a.xml", Profile());
        Assert.Contains("no domain file", LoadFails(t).Message);
    }

    [Fact]
    public void Load_UnknownRootElement_IsSkippedWithAWarningNamingIt()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile());
        t.File("b.xml", Profile());
        t.File("notes.xml", "<notes/>");
        var s = ScenarioLoader.Load(t.Path);
        Assert.Equal(["a", "b"], s.Parties.Select(p => p.Name));
        var w = Assert.Single(s.Warnings, w => w.Contains("notes.xml"));
        Assert.Contains("<notes>", w);
        Assert.Contains("skipped", w);
    }

    [Fact]
    public void Load_TwoGigabyteFile_IsRefusedWithoutReadingIt()
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        string big = Path.Combine(t.Path, "huge.xml");
        using (var f = File.Create(big)) f.SetLength(2L * 1024 * 1024 * 1024);
        var e = LoadFails(t);
        Assert.Contains("huge.xml", e.Message);
        Assert.Contains("2,147,483,648 bytes", e.Message);
        Assert.Contains("at most", e.Message);
    }

    [Fact]
    public void Load_MissingPath_SaysNoSuchFile()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load("/no/such/scenario"));
        Assert.Contains("no such file or folder", e.Message);
    }

    [Fact]
    public void Load_MalformedYaml_NamesFileAndLine()
    {
        using var t = TestPaths.TempFolder();
        string file = t.File("bad.yaml", "issues:\n  - name: a\n    type: [unclosed\n");
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(file));
        Assert.Contains("bad.yaml", e.Message);
        Assert.Contains("line", e.Message);
        Assert.Contains("malformed YAML", e.Message);
    }

    private const string YamlScenario = """
        name: tiny
        issues:
          - {name: Price, type: discrete, values: [low, high]}
          - {name: Days, type: integer, min: 1, max: 5}
        parties:
          - name: Buyer
            utility:
              weights: {Price: 0.5, Days: 0.5}
              issues:
                Price: {values: {low: 1, high: 0}}
                Days: {slope: -0.25, offset: 1}
          - name: Seller
            reservedValue: [{t: 0, value: 0.2}, {t: 1, value: 0.6}]
            utility:
              weights: {Price: 0.7, Days: 0.3}
              issues:
                Price: {values: {low: 0, high: 1}}
                Days: {slope: 0.25, offset: 0}
        """;

    [Fact]
    public void Load_ValidYaml_LoadsPiecewiseReservedValue()
    {
        using var t = TestPaths.TempFolder();
        var s = ScenarioLoader.Load(t.File("ok.yaml", YamlScenario));
        Assert.Equal(0.4, s.Parties[1].Profile.ReservedValue.At(0.5), 12);
        Assert.Equal(0.5 * 1 + 0.5 * 0.5, s.Parties[0].Profile.Utility.Utility([0, 2]), 12);
    }

    [Theory]
    [InlineData("Price: 0.5, Days", "Colour: 0.5, Days", "names issue 'Colour', which the scenario does not define", "line 8")]
    [InlineData("{low: 1, high: 0}", "{low: 1, cheap: 0}", "'cheap' is not a value of issue 'Price'", "line 10")]
    [InlineData("Price: 0.7", "Price: -0.7", "weight of 'Price' is -0.7; expected a weight ≥ 0", "line 15")]
    [InlineData("Price: 0.7", "Price: lots", "is 'lots'; expected a number", "line 15")]
    [InlineData("type: integer", "type: float", "has type 'float'; expected discrete, integer or real", "line 4")]
    [InlineData("{Price: 0.5, Days: 0.5}", "{Price: 0.5}", "has no weight for issue 'Days'", "line 8")]
    [InlineData("- name: Seller", "- nam: Seller", "has no 'name'", "line 12")]
    [InlineData("{t: 1, value: 0.6}", "{t: 2, value: 0.6}", "t = 2; expected normalised time in [0, 1]", "line 13")]
    public void Load_BadYaml_NamesLineAndExpectation(string find, string replace, string expected, string line)
    {
        using var t = TestPaths.TempFolder();
        Assert.Contains(find, YamlScenario);
        string file = t.File("bad.yaml", YamlScenario.Replace(find, replace));
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(file));
        Assert.Contains("bad.yaml", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains(line, e.Message);
    }
}

/// <summary>Issue 12 §8: a GENIUS &lt;weight&gt; that names no issue is an error, not silently skipped.</summary>
public class GeniusWeightIndexTests
{
    private const string Domain = """
        <negotiation_template><utility_space><objective index="0" name="root" type="objective">
          <issue index="1" name="Price" type="discrete"><item index="1" value="low"/><item index="2" value="high"/></issue>
          <issue index="2" name="Colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
        </objective></utility_space></negotiation_template>
        """;

    private static string Profile(string weights) => $"""
        <utility_space><objective index="0" name="root" type="objective">
          <issue index="1" name="Price" type="discrete"><item value="low" evaluation="1"/><item value="high" evaluation="2"/></issue>
          <issue index="2" name="Colour" type="discrete"><item value="red" evaluation="1"/><item value="blue" evaluation="1"/></issue>
          {weights}
        </objective></utility_space>
        """;

    private static Exception? Load(string weights)
    {
        using var t = TestPaths.TempFolder();
        t.File("domain.xml", Domain);
        t.File("a.xml", Profile(weights));
        t.File("b.xml", Profile("""<weight index="1" value="0.5"/><weight index="2" value="0.5"/>"""));
        return Record.Exception(() => ScenarioLoader.Load(t.Path));
    }

    [Fact]
    public void Load_WeightWithUnknownIndex_NamesTheWeightAndTheIndex()
    {
        var e = Assert.IsType<ScenarioFormatException>(Load("""<weight index="1" value="0.5"/><weight index="2" value="0.3"/><weight index="7" value="0.2"/>"""));
        Assert.Contains("a.xml", e.Message);
        Assert.Contains("<weight index=\"7\">", e.Message);
        Assert.Contains("no <issue index=\"7\">", e.Message);
    }

    [Fact]
    public void Load_WeightGivenTwice_IsRefused()
    {
        var e = Assert.IsType<ScenarioFormatException>(Load("""<weight index="1" value="0.5"/><weight index="2" value="0.3"/><weight index="2" value="0.2"/>"""));
        Assert.Contains("a.xml", e.Message);
        Assert.Contains("weight for issue 'Colour' given twice", e.Message);
    }

    [Fact]
    public void Load_RootObjectiveWeight_IsIgnoredAsGeniusDoes()
    {
        Assert.Null(Load("""<weight index="0" value="1"/><weight index="1" value="0.5"/><weight index="2" value="0.5"/>"""));
    }
}
