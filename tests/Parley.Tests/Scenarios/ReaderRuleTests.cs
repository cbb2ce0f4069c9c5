using System.Collections.Immutable;
using System.Text.Json;
using System.Xml.Linq;
using Parley.Outcomes;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Scenarios.GeniusWeb;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios;

/// <summary>
/// Rules of the scenario readers pinned on both sides of each boundary so that a one-token change fails a test (issue 20
/// §7): the GENIUS weight-sum warning, the <c>ufun</c> weight of nonlinear profiles, duplicate values, bounds whose
/// upper end is below (or equal to) the lower one, and reservation values outside [0, 1].
/// </summary>
public class ReaderRuleTests
{
    private const string Domain = """
        <negotiation_template><utility_space><objective index="0" name="root" type="objective">
          <issue index="1" name="fruit" type="discrete"><item index="1" value="apple"/><item index="2" value="pear"/></issue>
          <issue index="2" name="size" type="discrete"><item index="1" value="small"/><item index="2" value="large"/></issue>
        </objective></utility_space></negotiation_template>
        """;

    private static OutcomeSpace Space() => GeniusScenarioReader.ReadDomain("domain.xml", XDocument.Parse(Domain));

    private static string Profile(double w1, double w2, string reservation = "") => $"""
        <utility_space><objective index="0" name="root" type="objective">
          <issue index="1" name="fruit" type="discrete"><item index="1" value="apple" evaluation="1"/><item index="2" value="pear" evaluation="0.5"/></issue>
          <issue index="2" name="size" type="discrete"><item index="1" value="small" evaluation="0.2"/><item index="2" value="large" evaluation="1"/></issue>
          <weight index="1" value="{w1}"/><weight index="2" value="{w2}"/>
        </objective>{reservation}</utility_space>
        """;

    private static (Party Party, ImmutableArray<string> Warnings) ReadProfile(string xml)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var party = GeniusScenarioReader.ReadProfile("party.xml", XDocument.Parse(xml), Space(), warnings);
        return (party, warnings.ToImmutable());
    }

    [Theory]
    [InlineData(0.6, 0.4)]
    [InlineData(0.5, 0.5)]
    [InlineData(1.0, 0.0)]
    public void Genius_WeightsSumToOne_NoWarning(double w1, double w2) => Assert.Empty(ReadProfile(Profile(w1, w2)).Warnings);

    [Theory]
    [InlineData(0.6, 0.3, "0.9")]
    [InlineData(0.6, 0.6, "1.2")]
    [InlineData(0.5, 0.500002, "1.000002")]
    public void Genius_WeightsNotSummingToOne_WarnedAndUsedAsWritten(double w1, double w2, string sum)
    {
        var (party, warnings) = ReadProfile(Profile(w1, w2));
        var warning = Assert.Single(warnings);
        Assert.Contains($"weights sum to {sum}, not 1", warning);
        Assert.Contains("party.xml", warning);
        // Used as written, not rescaled: pear + small = w1·0.5 + w2·0.2.
        Assert.Equal(w1 * 0.5 + w2 * 0.2, party.Profile.Utility.Utility([1, 0]), 12);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    [InlineData("0.35", 0.35)]
    public void Genius_ReservationInRange_NoWarning(string value, double expected)
    {
        var (party, warnings) = ReadProfile(Profile(0.5, 0.5, $"<reservation value=\"{value}\"/>"));
        Assert.Empty(warnings);
        Assert.Equal(expected, party.Profile.ReservedValue.Initial);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("-0.2")]
    [InlineData("1.0000001")]
    public void Genius_ReservationOutsideUnitInterval_Refused(string value)
    {
        // Issue 20 §3: a reserved value outside [0, 1] is refused, naming the file and the element (it used to be a warning).
        var error = Assert.Throws<ScenarioFormatException>(() => ReadProfile(Profile(0.5, 0.5, $"<reservation value=\"{value}\"/>")));
        Assert.Contains($"<reservation>: reservation value {value}; expected a utility in [0, 1]", error.Message);
    }

    [Fact]
    public void Genius_NonlinearUfunWeight_ScalesItsRectangles()
    {
        var space = GeniusScenarioReader.ReadDomain("domain.xml", XDocument.Parse("""
            <negotiation_template><utility_space><objective index="0" name="root" type="objective">
              <issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"/>
            </objective></utility_space></negotiation_template>
            """));
        var profile = XDocument.Parse("""
            <utility_space type="nonlinear"><objective index="0" name="root" type="objective">
              <issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"/>
              <utility maxutility="10">
                <ufun type="PlainUfun" aggregation="sum"><hyperRectangle utility="10"><INCLUDES index="1" min="0" max="4"/></hyperRectangle></ufun>
                <ufun type="PlainUfun" aggregation="sum" weight="0.5"><hyperRectangle utility="10"><INCLUDES index="1" min="5" max="9"/></hyperRectangle></ufun>
              </utility>
            </objective></utility_space>
            """);
        var party = GeniusScenarioReader.ReadProfile("party.xml", profile, space, ImmutableArray.CreateBuilder<string>());
        Assert.Equal(1.0, party.Profile.Utility.Utility([2]), 12);
        Assert.Equal(0.5, party.Profile.Utility.Utility([7]), 12);
    }

    [Fact]
    public void Genius_DuplicateDiscreteValue_Refused()
    {
        var doc = XDocument.Parse("""
            <negotiation_template><utility_space><objective index="0" name="root" type="objective">
              <issue index="1" name="fruit" type="discrete"><item index="1" value="apple"/><item index="2" value="apple"/></issue>
            </objective></utility_space></negotiation_template>
            """);
        var e = Assert.Throws<ScenarioFormatException>(() => GeniusScenarioReader.ReadDomain("domain.xml", doc));
        Assert.Contains("'apple' listed twice", e.Message);
        Assert.Contains("domain.xml", e.Message);
    }

    private static OutcomeSpace GeniusIssue(string attributes) => GeniusScenarioReader.ReadDomain("domain.xml", XDocument.Parse($"""
        <negotiation_template><utility_space><objective index="0" name="root" type="objective">
          <issue index="1" name="n" {attributes}/>
        </objective></utility_space></negotiation_template>
        """));

    [Theory]
    [InlineData("""type="integer" lowerbound="5" upperbound="4" """)]
    [InlineData("""type="real" lowerbound="0.5" upperbound="0.25" """)]
    public void Genius_UpperBelowLower_Refused(string attributes)
    {
        var e = Assert.Throws<ScenarioFormatException>(() => GeniusIssue(attributes));
        Assert.Contains("is below lowerbound", e.Message);
    }

    [Fact]
    public void Genius_IntegerUpperEqualsLower_OneValue() => Assert.Equal(1, GeniusIssue("""type="integer" lowerbound="7" upperbound="7" """).Issues[0].ValueCount);

    [Fact]
    public void Genius_IntegerRange_CountsBothEnds() => Assert.Equal(4, GeniusIssue("""type="integer" lowerbound="4" upperbound="7" """).Issues[0].ValueCount);

    private static OutcomeSpace GeniusWebDomain(string issue) =>
        GeniusWebScenarioReader.ReadDomain("domain.json", JsonDocument.Parse("{\"name\": \"d\", \"issuesValues\": {\"n\": " + issue + "}}").RootElement, "$").Space;

    [Fact]
    public void GeniusWeb_DuplicateValue_Refused()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => GeniusWebDomain("""{"values": ["a", "b", "a"]}"""));
        Assert.Contains("'a' listed twice", e.Message);
    }

    [Fact]
    public void GeniusWeb_DistinctValues_Read() => Assert.Equal(3, GeniusWebDomain("""{"values": ["a", "b", "c"]}""").Issues[0].ValueCount);

    private static string Yaml(string issue) => $"""
        name: rules
        issues:
          - {issue}
        parties:
          - name: a
            utility: {"{"}weights: {"{"}n: 1{"}"}, issues: {"{"}n: {"{"}slope: 0, offset: 1{"}"}{"}"}{"}"}
          - name: b
            utility: {"{"}weights: {"{"}n: 1{"}"}, issues: {"{"}n: {"{"}slope: 0, offset: 1{"}"}{"}"}{"}"}
        """;

    [Theory]
    [InlineData("{name: n, type: discrete, values: [x, y, x]}", "lists value 'x' twice")]
    [InlineData("{name: n, type: integer, min: 3, max: 2}", "max 2 is below min 3")]
    [InlineData("{name: n, type: real, min: 1.5, max: 1.25, steps: 3}", "max 1.25 is below min 1.5")]
    public void Yaml_DuplicateValuesOrUpperBelowLower_Refused(string issue, string expected)
    {
        var e = Assert.Throws<ScenarioFormatException>(() => YamlScenarioReader.Read("rules.yaml", Yaml(issue)));
        Assert.Contains(expected, e.Message);
        Assert.Contains("rules.yaml", e.Message);
    }

    [Fact]
    public void Yaml_IntegerMinEqualsMax_OneValue() =>
        Assert.Equal(1, YamlScenarioReader.Read("rules.yaml", Yaml("{name: n, type: integer, min: 2, max: 2}")).Space.Issues[0].ValueCount);
}
