namespace Parley.Cli.Tests;

/// <summary>Issue 20 §3: inputs that must be refused with an error naming the file, the place and what was expected (exit 2).</summary>
public sealed class RefusedInputCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-refused-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Bundled(string name) => Path.Combine(CliRunner.RepoRoot, "scenarios", name);

    private string LaptopCopy()
    {
        string folder = Path.Combine(_dir, "laptop");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(Bundled("Laptop"))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        return folder;
    }

    private const string Car = """
        name: Car
        issues:
          - {name: Price, type: discrete, values: ["9000", "10000"]}
        parties:
          - name: Buyer
            utility:
              weights: {Price: 1}
              issues:
                Price: {values: {"9000": 1, "10000": 0}}
            reservedValue: RESERVED_BUYER
          - name: Seller
            utility:
              weights: {Price: 1}
              issues:
                Price: {values: {"9000": 0, "10000": 1}}
            reservedValue: RESERVED_SELLER
        """;

    private string Yaml(string text)
    {
        string file = Path.Combine(_dir, "scenario.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    private static void AssertRefused(CliRunner.Result r, params string[] mentions)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Error}{r.Out}");
        Assert.StartsWith("parley: error: ", r.Error);
        Assert.DoesNotContain("internal error", r.Error);
        foreach (var m in mentions) Assert.Contains(m, r.Error);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("negotiate")]
    public void GeniusFolder_ProfileXmlOfBinaryGarbage_IsAnErrorNamingTheFile(string command)
    {
        string folder = LaptopCopy();
        var garbage = new byte[4096];
        new Random(20).NextBytes(garbage);
        garbage[0] = 0x00;
        File.WriteAllBytes(Path.Combine(folder, "laptop_seller_utility.xml"), garbage);
        var r = CliRunner.InProcess(command, folder);
        AssertRefused(r, "laptop_seller_utility.xml", "not XML", "expected a GENIUS domain");
    }

    [Fact]
    public void GeniusFolder_ReadmeAndTextFiles_StaySkippedWithAWarning()
    {
        string folder = LaptopCopy();
        File.WriteAllText(Path.Combine(folder, "README.md"), "# notes\n");
        File.WriteAllBytes(Path.Combine(folder, "photo.jpg"), [0xFF, 0xD8, 0xFF, 0x00]);
        var r = CliRunner.InProcess("analyze", folder);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("README.md: skipped", r.Console);
        Assert.Contains("photo.jpg: skipped", r.Console);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("-0.2")]
    public void GeniusProfile_ReservationOutsideZeroToOne_IsRefusedNamingFileAndElement(string value)
    {
        string folder = LaptopCopy();
        string profile = Path.Combine(folder, "laptop_buyer_utility.xml");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("<reservation value=\"0\" />", $"<reservation value=\"{value}\" />"));
        var r = CliRunner.InProcess("analyze", folder);
        AssertRefused(r, "laptop_buyer_utility.xml", "<reservation", value, "expected a utility in [0, 1]");
    }

    [Theory]
    [InlineData("1.3", "0.2", 10)]
    [InlineData("0.1", "-0.5", 16)]
    public void YamlScenario_ReservedValueOutsideZeroToOne_IsRefusedAtItsLine(string buyer, string seller, int line)
    {
        string file = Yaml(Car.Replace("RESERVED_BUYER", buyer).Replace("RESERVED_SELLER", seller));
        var r = CliRunner.InProcess("analyze", file);
        AssertRefused(r, "scenario.yaml", $"line {line},", "'reservedValue'", "expected a utility in [0, 1]");
    }

    [Fact]
    public void YamlScenario_ReservedValueCurvePointOutsideZeroToOne_IsRefused()
    {
        string file = Yaml(Car.Replace("RESERVED_BUYER", "0.2").Replace("RESERVED_SELLER", "[{t: 0, value: 0.3}, {t: 1, value: 1.3}]"));
        var r = CliRunner.InProcess("negotiate", file);
        AssertRefused(r, "scenario.yaml", "line 16,", "reserved value is 1.3", "expected a utility in [0, 1]");
    }

    [Fact]
    public void YamlScenario_ReservedValueEventChangeBeyondOne_IsRefusedAtItsLine()
    {
        string file = Yaml(Car.Replace("RESERVED_BUYER", "0.2").Replace("RESERVED_SELLER", "0.3")
            + "\nevents:\n  - {t: 0.5, name: windfall, type: reservedValue, party: Buyer, change: 1.5}\n");
        var r = CliRunner.InProcess("analyze", file);
        AssertRefused(r, "scenario.yaml", "line 18,", "'change' is 1.5", "in [-1, 1]");
    }

    [Theory]
    [InlineData("name: Car\nissues:\n\t- {name: Price, type: discrete, values: [a, b]}\n", 3, 1)]
    [InlineData("name: Car\nissues:\n  - name: Price\n    type: discrete\n\tvalues: [a, b]\n", 5, 1)]
    public void YamlScenario_TabInIndentation_IsReportedAtTheTab(string text, int line, int column)
    {
        var r = CliRunner.InProcess("analyze", Yaml(text));
        AssertRefused(r, "scenario.yaml", $"line {line}, column {column}:", "tab", "spaces");
    }

    [Fact]
    public void TournamentFile_TabInIndentation_IsReportedAtTheTab()
    {
        string file = Path.Combine(_dir, "tournament.yaml");
        File.WriteAllText(file, "name: T\nseed: 1\nnegotiators:\n\t- boulware\n");
        var r = CliRunner.InProcess("tournament", "run", file, "--db", Path.Combine(_dir, "results.db"));
        AssertRefused(r, "tournament.yaml", "line 4, column 1:", "tab");
    }

    [Fact]
    public void Negotiate_TournamentFile_SaysItIsATournamentFileAndHowToRunIt()
    {
        string file = Bundled("example-tournament.yaml");
        var r = CliRunner.InProcess("negotiate", file);
        AssertRefused(r, "example-tournament.yaml", "tournament file", $"parley tournament run {file}");
        Assert.DoesNotContain("unknown key", r.Error);
    }
}
