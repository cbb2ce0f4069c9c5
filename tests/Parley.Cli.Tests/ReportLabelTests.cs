using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>Report defects found by an analyst reading the Cairo report (issue 18): labels, signs, wording, run records.</summary>
public class ReportLabelTests
{
    private static string Cairo => Path.Combine(CliRunner.RepoRoot, "scenarios", "cairo-2024.yaml");

    /// <summary>The earlier, flat Cairo model (kept as a fixture): no zone of agreement on its first date, for the no-zone wording.</summary>
    private static string FlatCairo => Path.Combine(CliRunner.RepoRoot, "tests", "Parley.Tests", "Reports", "Fixtures", "cairo-2024-flat.yaml");

    private static JsonElement Json(params string[] args) => JsonOf(Cairo, args);

    private static JsonElement JsonOf(string scenario, params string[] args)
    {
        var r = CliRunner.InProcess(["report", scenario, "--json", .. args]);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Report_TimeBetweenTwoDays_IsNotLabelledWithEitherDay()
    {
        var almost = CliRunner.InProcess("report", Cairo, "--at", "0.999", "--no-runs");
        var end = CliRunner.InProcess("report", Cairo, "--at", "1", "--no-runs");
        string almostTitle = almost.Out.Split('\n')[0], endTitle = end.Out.Split('\n')[0];
        Assert.NotEqual(almostTitle, endTitle);
        Assert.Contains("t = 0.999", almostTitle);
        Assert.Contains("between", almostTitle);
        Assert.Equal(JsonValueKind.Null, Json("--at", "0.999", "--no-runs").GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.String, Json("--at", "1", "--no-runs").GetProperty("date").ValueKind);
    }

    [Fact]
    public void Report_NoZone_FindingGivesTheGapWithItsSign()
    {
        var root = JsonOf(FlatCairo, "--no-runs");
        double gap = root.GetProperty("zoneOfAgreement").GetProperty("gap").GetDouble();
        Assert.True(gap < 0, "the scenario's first date has no zone");
        string finding = root.GetProperty("findings").EnumerateArray().Select(f => f.GetString()!).First(f => f.Contains("no zone of agreement", StringComparison.Ordinal));
        Assert.Contains($"(gap {gap.ToString("+0.000;-0.000;0.000", System.Globalization.CultureInfo.InvariantCulture)})", finding);
    }

    [Fact]
    public void Report_NoZone_SaysSoWithoutADoubleNegative()
    {
        var r = CliRunner.InProcess("report", FlatCairo, "--no-runs");
        Assert.DoesNotContain("crosses no principal's red line and", r.Out);
        Assert.Contains("no package both stays inside every principal's red lines and gives every principal at least its reserved value", r.Out);
    }

    [Fact]
    public void Report_MediatedRuns_EachHasANoteAndUtilitiesByPartyName()
    {
        var root = Json("--seed", "1");
        var principals = root.GetProperty("reservedValues").EnumerateObject().Select(p => p.Name).ToArray();
        var runs = root.GetProperty("mediatedRuns").EnumerateArray().ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, run =>
        {
            Assert.False(string.IsNullOrWhiteSpace(run.GetProperty("note").GetString()));
            var utilities = run.GetProperty("utilities");
            Assert.Equal(JsonValueKind.Object, utilities.ValueKind);
            Assert.Equal(principals, utilities.EnumerateObject().Select(p => p.Name).ToArray());
            // Issue 18 §5: what an analyst compares (the keys above are kept).
            Assert.Equal(JsonValueKind.String, run.GetProperty("endDate").ValueKind);
            Assert.Equal(JsonValueKind.Array, run.GetProperty("ratifierRefusals").ValueKind);
            Assert.True(run.GetProperty("distanceToNash").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.StartsWith("the Nash point of the ratified zone", run.GetProperty("nashReference").GetString(), StringComparison.Ordinal);
            Assert.Equal(principals, run.GetProperty("concessions").EnumerateArray().Select(c => c.GetProperty("party").GetString()).ToArray());
            Assert.Equal(JsonValueKind.Array, run.GetProperty("issueChanges").ValueKind);
            string summary = run.GetProperty("summary").GetString()!;
            Assert.True(summary.StartsWith(run.GetProperty("agreement").ValueKind == JsonValueKind.Null ? "No agreement" : "Agreement in round", StringComparison.Ordinal), summary);
        });
        // Seed 1: the Nash-seeking mediators reach a text the war cabinet ratifies, after it turned texts down.
        var nash = runs.Single(r => r.GetProperty("seating").GetString()!.EndsWith(": nash", StringComparison.Ordinal));
        Assert.NotEqual(JsonValueKind.Null, nash.GetProperty("agreement").ValueKind);
        Assert.All(nash.GetProperty("ratifierRefusals").EnumerateArray(), x => Assert.Equal("war cabinet and coalition", x.GetProperty("ratifier").GetString()));
    }
}
