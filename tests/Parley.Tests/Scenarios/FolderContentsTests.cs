using Parley.Scenarios;

namespace Parley.Tests.Scenarios;

/// <summary>
/// Issue 12 §2: files that are neither a domain nor a profile are skipped with a warning, never an error. Issue 20 §3:
/// except a file named .xml that is not XML, a damaged scenario file, which is an error naming it.
/// </summary>
public class FolderContentsTests
{
    private static void CopyAnac(string name, string to)
    {
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.AnacScenarios, name)))
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    [Fact]
    public void Load_FolderWithReadmeTextCsvImageAndForeignXml_SkipsEachWithAWarning()
    {
        using var t = TestPaths.TempFolder();
        CopyAnac("y2010/EnglandZimbabwe", t.Path);
        t.File("README.md", "# England vs Zimbabwe\n");
        t.File("notes.txt", "hello");
        t.File("results.csv", "a,b\n1,2\n");
        File.WriteAllBytes(Path.Combine(t.Path, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        t.File("settings.xml", "<settings><x/></settings>");

        var s = ScenarioLoader.Load(t.Path);

        Assert.Equal(2, s.Parties.Length);
        Assert.Equal(576, (int)s.Space.Cardinality!.Value);
        foreach (var name in new[] { "README.md", "notes.txt", "results.csv", "logo.png", "settings.xml" })
            Assert.Contains(s.Warnings, w => w.StartsWith(name + ": skipped", StringComparison.Ordinal));
        Assert.Contains(s.Warnings, w => w.Contains("root <settings>"));
        Assert.Equal(5, s.Warnings.Count(w => w.Contains("skipped")));
    }

    [Theory]
    [InlineData("0.5, 0.6\n0.7, 0.4\n")]
    [InlineData("\u0000\u0001PK garbage")]
    [InlineData("")]
    public void Load_XmlFileThatIsNotXml_IsAnErrorNamingIt(string content)
    {
        using var t = TestPaths.TempFolder();
        CopyAnac("y2010/EnglandZimbabwe", t.Path);
        t.File("damaged.xml", content);
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(t.Path));
        Assert.EndsWith("damaged.xml", e.File);
        Assert.Contains("not XML", e.Problem);
    }

    [Fact]
    public void Load_ParetoFileBesideScenario_IsNotWarnedAbout()
    {
        using var t = TestPaths.TempFolder();
        CopyAnac("y2010/EnglandZimbabwe", t.Path);
        t.File("PARETO.XML", "\n0.5, 0.6\n");
        var s = ScenarioLoader.Load(t.Path);
        Assert.DoesNotContain(s.Warnings, w => w.Contains("skipped"));
        Assert.Single(PublishedFrontier.TryLoad(t.Path)!.Points);
    }

    [Fact]
    public void Load_OnlyNonScenarioFiles_SaysWhatWasExpected()
    {
        using var t = TestPaths.TempFolder();
        t.File("README.md", "nothing here");
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Load(t.Path));
        Assert.Contains(t.Path, e.Message);
        Assert.Contains("expected", e.Message);
    }
}
