using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>Issue 12 §8: every mistake a user can make on the command line or in a scenario is reported as a user
/// error (exit 2, one line naming the file or option), never as an internal error with a stack trace, and never at
/// the cost of a result already computed.</summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-usererr-" + Guid.NewGuid().ToString("N"));

    public UserErrorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private static string Laptop => Path.Combine(CliRunner.RepoRoot, "scenarios", "Laptop");

    private static void AssertUserError(CliRunner.Result r, string expected)
    {
        Assert.True(r.ExitCode == ExitCodes.UserError, $"exit {r.ExitCode}: {r.Error}");
        Assert.Contains(expected, r.Error);
        Assert.DoesNotContain("internal error", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.Single(r.Error.TrimEnd().Split('\n'));
    }

    /// <summary>A GENIUS folder with the Laptop domain and only the buyer's profile.</summary>
    private string OneProfileFolder()
    {
        string folder = Path.Combine(_dir, "one-profile");
        Directory.CreateDirectory(folder);
        foreach (string name in new[] { "laptop_domain.xml", "laptop_buyer_utility.xml" })
            File.Copy(Path.Combine(Laptop, name), Path.Combine(folder, name));
        return folder;
    }

    [Fact]
    public void Negotiate_GeniusFolderWithOneProfile_IsAUserError()
    {
        string folder = OneProfileFolder();
        var r = CliRunner.InProcess("negotiate", folder);
        AssertUserError(r, $"{folder}: one principal party ('laptop_buyer_utility'); a negotiation needs at least two principals");
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Process_Negotiate_GeniusFolderWithOneProfile_ExitsTwoWithoutStackTrace()
    {
        var r = CliRunner.AsProcess("negotiate", OneProfileFolder(), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("needs at least two principals", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void ConvertToYaml_OneProfile_IsRefusedBeforeWritingAFileThatCouldNotBeReadBack()
    {
        string output = Path.Combine(_dir, "one.yaml");
        AssertUserError(CliRunner.InProcess("convert", OneProfileFolder(), "--to", "yaml", "--out", output), "needs at least two");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Negotiate_OutIsAFolder_IsRefusedBeforeAnyWork()
    {
        var r = CliRunner.InProcess("negotiate", Laptop, "--out", _dir, "--json");
        AssertUserError(r, $"--out '{_dir}' is a folder; expected a file path");
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Negotiate_OutCannotBeWritten_ResultIsStillPrintedAndTheFileNamed()
    {
        string blocker = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(blocker, "x");
        string output = Path.Combine(blocker, "run.json");
        var r = CliRunner.InProcess("negotiate", Laptop, "--rounds", "50", "--json", "--out", output);
        AssertUserError(r, $"{output}: cannot write");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("utilities").GetArrayLength());

        var tables = CliRunner.InProcess("negotiate", Laptop, "--rounds", "50", "--out", output);
        AssertUserError(tables, $"{output}: cannot write");
        Assert.Contains("Result:", tables.Console);
    }

    [Fact]
    public void Negotiate_OutInAMissingFolder_CreatesIt()
    {
        string output = Path.Combine(_dir, "runs", "today", "run.json");
        var r = CliRunner.InProcess("negotiate", Laptop, "--rounds", "50", "--out", output);
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("Laptop", doc.RootElement.GetProperty("scenario").GetString());
    }

    [Fact]
    public void Convert_OutOfTheWrongKind_IsRefused()
    {
        string file = Path.Combine(_dir, "existing.yaml");
        File.WriteAllText(file, "keep me");
        AssertUserError(CliRunner.InProcess("convert", Laptop, "--to", "genius", "--out", file, "--force"), $"--out '{file}' is a file; expected a folder");
        Assert.Equal("keep me", File.ReadAllText(file));
        AssertUserError(CliRunner.InProcess("convert", Laptop, "--to", "yaml", "--out", _dir, "--force"), $"--out '{_dir}' is a folder; expected a file path");
        string below = Path.Combine(file, "sub.yaml");
        AssertUserError(CliRunner.InProcess("convert", Laptop, "--to", "yaml", "--out", below), $"{below}: cannot write");
    }

    [Fact]
    public void ConvertToGenius_PartiesWhoseFileNamesCollide_AreWrittenUnderDistinctNames()
    {
        string yaml = Path.Combine(_dir, "clash.yaml");
        File.WriteAllText(yaml, """
            name: Clash
            issues:
              - {name: Price, type: discrete, values: ["low", "high"]}
            parties:
              - name: Buyer 1
                utility: {weights: {Price: 1}, issues: {Price: {values: {low: 1, high: 0}}}}
              - name: Buyer/1
                utility: {weights: {Price: 1}, issues: {Price: {values: {low: 0, high: 1}}}}
            """);
        string folder = Path.Combine(_dir, "clash-genius");
        var r = CliRunner.InProcess("convert", yaml, "--to", "genius", "--out", folder);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("written as Buyer_1_2.xml", r.Console);
        Assert.True(File.Exists(Path.Combine(folder, "Buyer_1.xml")));
        Assert.True(File.Exists(Path.Combine(folder, "Buyer_1_2.xml")));
        var analyzed = CliRunner.InProcess("analyze", folder, "--json");
        Assert.True(analyzed.ExitCode == 0, analyzed.Error);
        using var doc = JsonDocument.Parse(analyzed.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("parties").GetArrayLength());
    }

    [Theory]
    [InlineData("--time-limit", "99999999999m", "--time-limit '99999999999m' is not a duration up to 100 days")]
    [InlineData("--turn-budget", "1e3s", "--turn-budget '1e3s' is not a duration")]
    [InlineData("--rounds", "99999999999", "'99999999999' is not a valid value for '--rounds'")]
    [InlineData("--seed", "seven", "'seven' is not a valid value for '--seed'")]
    [InlineData("--repeat", "-1", "--repeat must be between 1 and 10,000,000")]
    public void Negotiate_BadOptionValue_NamesTheOption(string option, string value, string expected) =>
        AssertUserError(CliRunner.InProcess("negotiate", Laptop, option, value), expected);

    [Fact]
    public void Negotiate_BadOptionValueWithEquals_NamesTheOption() =>
        AssertUserError(CliRunner.InProcess("negotiate", Laptop, "--rounds=lots"), "'lots' is not a valid value for '--rounds'");
}
