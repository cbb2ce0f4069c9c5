using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.GeniusWeb;

namespace Parley.Tests.Scenarios.GeniusWeb;

/// <summary>GeniusWeb folders: semantics as GeniusWeb defines them, and clear errors naming the file and the JSON path.</summary>
public class GeniusWebScenarioReaderTests
{
    private const string Domain = """
        {"name": "trip", "issuesValues": {
          "city": {"values": ["Rome", "Oslo", "Lima"]},
          "days": {"values": ["3", "7"]}}}
        """;

    private static string Profile(string city = """{"Rome": 0.5, "Oslo": 0.25, "Lima": 0}""", string weights = """{"city": 0.6, "days": 0.4}""",
        string reservation = """{"issuevalues": {"city": "Oslo", "days": "3"}}""", string days = """{"3": 1, "7": 0.2}""") => """
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "city": {"discreteutils": {"valueUtilities": CITY}},
            "days": {"discreteutils": {"valueUtilities": DAYS}}},
          "issueWeights": WEIGHTS,
          "name": "p",
          "reservationBid": RESERVATION}}
        """.Replace("CITY", city).Replace("DAYS", days).Replace("WEIGHTS", weights).Replace("RESERVATION", reservation);

    private static Scenario Load(TempFolder t) => ScenarioLoader.Load(t.Path);

    private static ScenarioFormatException Fails(TempFolder t) => Assert.Throws<ScenarioFormatException>(() => Load(t));

    [Fact]
    public void Load_ValueUtilitiesBelowOne_AreUsedAsWrittenNotRescaled()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile());
        t.File("b.json", Profile());
        var s = Load(t);
        Assert.Equal(["a", "b"], s.Parties.Select(p => p.Name));
        // city scores as written (max 0.5, not rescaled to 1): Rome, days 7 = 0.6·0.5 + 0.4·0.2.
        Assert.Equal(0.6 * 0.5 + 0.4 * 0.2, s.Parties[0].Profile.Utility.Utility([0, 1]), 15);
        Assert.Equal(0.6 * 0.25 + 0.4 * 1, s.Parties[0].Profile.ReservedValue.Initial, 15);
        Assert.Equal(1.0, s.Parties[0].Profile.DiscountFactor);
        Assert.Equal("trip", s.Name);
    }

    [Fact]
    public void Load_NoReservationBid_ReservedValueIsZero()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile(reservation: "null"));
        string withoutBid = System.Text.RegularExpressions.Regex.Replace(Profile(), @",\s*""reservationBid"": \{""issuevalues"": \{[^}]*\}\}", "");
        Assert.DoesNotContain("reservationBid", withoutBid);
        t.File("b.json", withoutBid);
        Assert.All(Load(t).Parties, p => Assert.Equal(0.0, p.Profile.ReservedValue.Initial));
    }

    [Fact]
    public void Load_PartialReservationBid_CountsOnlyTheIssuesItGives()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile(reservation: """{"issuevalues": {"days": "7"}}"""));
        t.File("b.json", Profile());
        Assert.Equal(0.4 * 0.2, Load(t).Parties[0].Profile.ReservedValue.Initial, 15);
    }

    [Fact]
    public void Load_WithoutDomainFile_UsesTheDomainEmbeddedInTheProfiles()
    {
        using var t = TestPaths.TempFolder();
        string embedded = Profile().Replace("\"name\": \"p\"", "\"domain\": " + Domain);
        t.File("a.json", embedded);
        t.File("b.json", embedded);
        var s = Load(t);
        Assert.Equal(6, (int)s.Space.Cardinality!.Value);
        Assert.Equal("trip", s.Name);
    }

    [Fact]
    public void Load_EmbeddedDomainDiffers_NamesFileAndPath()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile().Replace("\"name\": \"p\"", "\"domain\": " + Domain.Replace("Lima", "Quito")));
        t.File("b.json", Profile());
        var e = Fails(t);
        Assert.Contains("a.json: LinearAdditiveUtilitySpace.domain: the profile's domain differs", e.Message);
    }

    [Fact]
    public void Load_FolderWithReadme_SkipsItWithAWarning()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile());
        t.File("b.json", Profile());
        t.File("README.md", "a trip");
        t.File("settings.json", """{"deadline": 60}""");
        var s = Load(t);
        Assert.Contains(s.Warnings, w => w.StartsWith("README.md: skipped", StringComparison.Ordinal));
        Assert.Contains(s.Warnings, w => w.StartsWith("settings.json: skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ValueWithoutUtility_ScoresZeroWithAWarning()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile(city: """{"Rome": 1, "Oslo": 0.5}"""));
        t.File("b.json", Profile());
        var s = Load(t);
        Assert.Equal(0.4 * 1, s.Parties[0].Profile.Utility.Utility([2, 0]), 15);
        Assert.Contains(s.Warnings, w => w.Contains("a.json") && w.Contains("'Lima' has no utility"));
    }

    [Fact]
    public void Load_WeightsNotSummingToOne_WarnAndAreUsedAsWritten()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", Profile(weights: """{"city": 0.3, "days": 0.4}"""));
        t.File("b.json", Profile());
        var s = Load(t);
        Assert.Contains(s.Warnings, w => w.Contains("a.json: weights sum to 0.7"));
        Assert.Equal(0.3 * 0.5 + 0.4 * 1, s.Parties[0].Profile.Utility.Utility([0, 0]), 15);
    }

    [Fact]
    public void Load_NumberRangeIssue_IsAnIntegerIssueWithLinearUtility()
    {
        using var t = TestPaths.TempFolder();
        t.File("d.json", """{"name": "price", "issuesValues": {"price": {"range": {"low": 10, "high": 20, "step": 1}}}}""");
        string profile(double lo, double hi) => """
            {"LinearAdditiveUtilitySpace": {"issueUtilities": {"price": {"numberutils": {"lowValue": 10, "lowUtility": LO, "highValue": 20, "highUtility": HI}}},
             "issueWeights": {"price": 1}, "reservationBid": {"issuevalues": {"price": 15}}}}
            """.Replace("LO", lo.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("HI", hi.ToString(System.Globalization.CultureInfo.InvariantCulture));
        t.File("buyer.json", profile(1, 0));
        t.File("seller.json", profile(0, 1));
        var s = Load(t);
        Assert.IsType<Parley.Outcomes.IntegerIssue>(s.Space.Issues[0]);
        Assert.Equal(11, (int)s.Space.Cardinality!.Value);
        Assert.Equal(0.7, s.Parties[0].Profile.Utility.Utility([3]), 12);
        Assert.Equal(0.3, s.Parties[1].Profile.Utility.Utility([3]), 12);
        Assert.Equal(0.5, s.Parties[0].Profile.ReservedValue.Initial, 12);
    }

    [Theory]
    [InlineData("weights", """{"city": 0.6}""", "a.json: LinearAdditiveUtilitySpace.issueWeights: issue 'days' has no weight")]
    [InlineData("weights", """{"city": -0.6, "days": 0.4}""", "a.json: LinearAdditiveUtilitySpace.issueWeights.city: negative weight -0.6")]
    [InlineData("weights", """{"city": "heavy", "days": 0.4}""", "LinearAdditiveUtilitySpace.issueWeights.city: is \"heavy\"; expected a number")]
    [InlineData("weights", """{"city": 0.6, "days": 0.4, "food": 0}""", "issueWeights.food: issue 'food' is not in the domain; expected one of: city, days")]
    [InlineData("city", """{"Rome": 0.5, "Paris": 1}""", "valueUtilities.Paris: 'Paris' is not a value of issue 'city' in the domain; expected one of: Rome, Oslo, Lima")]
    [InlineData("city", """{"Rome": 1.5}""", "valueUtilities.Rome: utility 1.5; expected a value utility in [0, 1]")]
    [InlineData("reservation", """{"issuevalues": {"city": "Paris"}}""", "reservationBid.issuevalues.city: 'Paris' is not a value of issue 'city'")]
    [InlineData("reservation", "[1, 2]", "LinearAdditiveUtilitySpace.reservationBid: expected an object, got array")]
    public void Load_BadProfile_NamesFilePathAndExpectation(string part, string text, string expected)
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", part switch
        {
            "weights" => Profile(weights: text),
            "city" => Profile(city: text),
            _ => Profile(reservation: text),
        });
        t.File("b.json", Profile());
        Assert.Contains(expected, Fails(t).Message);
    }

    [Theory]
    [InlineData("""{"name": "x", "issuesValues": {}}""", "trip.json: issuesValues: no issues")]
    [InlineData("""{"name": "x", "issuesValues": {"a": {"values": ["u", "u"]}}}""", "trip.json: issuesValues.a.values: value 'u' listed twice")]
    [InlineData("""{"name": "x", "issuesValues": {"a": {"values": []}}}""", "issuesValues.a.values: no values")]
    [InlineData("""{"name": "x", "issuesValues": {"a": {"colours": ["u"]}}}""", "issuesValues.a: expected 'values'")]
    [InlineData("""{"name": "x", "issuesValues": {"a": {"range": {"low": 5, "high": 1, "step": 1}}}}""", "issuesValues.a.range: high 1 is below low 5")]
    [InlineData("""{"name": "x", "issuesValues": {"a": {"range": {"low": 0, "high": 1, "step": 0}}}}""", "range.step: step 0; expected a positive number")]
    [InlineData("""{"name": "x", "issuesValues": [1]}""", "trip.json: issuesValues: expected an object, got array")]
    [InlineData("""{"name": "x", "issuesValues": {"a": {"values": ["u"]}""", "trip.json: line 1")]
    public void Load_BadDomain_NamesFilePathAndExpectation(string domain, string expected)
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", domain);
        t.File("a.json", Profile());
        Assert.Contains(expected, Fails(t).Message);
    }

    [Fact]
    public void Load_UnsupportedProfileType_SaysWhichIsExpected()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", """{"SumOfGroupsUtilitySpace": {}}""");
        Assert.Contains("a.json: SumOfGroupsUtilitySpace: profile type 'SumOfGroupsUtilitySpace' is not supported; expected a LinearAdditiveUtilitySpace", Fails(t).Message);
    }

    [Fact]
    public void Load_TwoDomainFiles_IsRefused()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("trip2.json", Domain);
        t.File("a.json", Profile());
        Assert.Contains("two domain files (trip.json and trip2.json)", Fails(t).Message);
    }

    [Fact]
    public void Load_NoProfiles_SaysWhatIsExpected()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        Assert.Contains("no profile files", Fails(t).Message);
    }

    [Fact]
    public void Load_DeeplyNestedJson_IsRefusedNamingDepth()
    {
        using var t = TestPaths.TempFolder();
        t.File("trip.json", Domain);
        t.File("a.json", "{\"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}");
        var e = Fails(t);
        Assert.Contains("a.json", e.Message);
        Assert.Contains("nested more than 64 levels", e.Message);
    }

    [Fact]
    public void Load_FitnessFolder_ProfilesAreLinearAdditive()
    {
        var s = ScenarioLoader.Load(Path.Combine(GeniusWebGoldenTests.Scenarios, "Fitness"));
        Assert.All(s.Parties, p => Assert.IsType<LinearAdditiveUtility>(p.Profile.Utility));
    }
}

/// <summary>A user who passes one file of a folder scenario is told to pass the folder.</summary>
public class FolderFilePathTests
{
    [Theory]
    [InlineData("Fitness/fitness.json", "JSON")]
    [InlineData("../anac/y2010/EnglandZimbabwe/England.xml", "XML")]
    public void Load_OneFileOfAFolderScenario_SaysToPassTheFolder(string relative, string kind)
    {
        string file = Path.GetFullPath(Path.Combine(GeniusWebGoldenTests.Scenarios, relative));
        Assert.True(File.Exists(file));
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(file));
        Assert.StartsWith(file + ": ", e.Message);
        Assert.Contains($"pass the folder that holds this {kind} file", e.Message);
    }
}
