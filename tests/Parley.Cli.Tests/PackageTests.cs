using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Parley.Cli.Tests;

/// <summary>
/// What <c>dotnet pack</c> makes of every packable project, read from the packages themselves: real metadata, a README,
/// the repository and commit (SourceLink), symbols; the core package free of database drivers; the tool under 50 MB
/// with native libraries for the platforms it names only.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.Packed>
{
    private readonly Packed _packed;

    public PackageTests(Packed packed) => _packed = packed;

    /// <summary>Packs Parley, Parley.Storage and Parley.Cli once (from the build the tests run on) into a temporary folder.</summary>
    public sealed class Packed : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "parley-packages-" + Guid.NewGuid().ToString("N"));

        public Packed()
        {
            Directory.CreateDirectory(Folder);
            // The tests run from bin/<Configuration>/net10.0: pack the same configuration without building again.
            string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            foreach (string project in new[] { "src/Parley", "src/Parley.Storage", "src/Parley.Cli" })
            {
                var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string a in new[] { "pack", project, "--no-build", "-c", configuration, "-o", Folder, "-nologo" }) psi.ArgumentList.Add(a);
                using var process = Process.Start(psi)!;
                var output = process.StandardOutput.ReadToEndAsync();
                string error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet pack {project} failed:\n{output.Result}\n{error}");
            }
        }

        /// <summary>The .nupkg of package <paramref name="id"/> ("Parley" is not "Parley.Storage": the version follows the id).</summary>
        public string Package(string id) => Directory.EnumerateFiles(Folder, "*.nupkg")
            .Single(f => Path.GetFileName(f) is var name && name.StartsWith(id + ".", StringComparison.Ordinal) && char.IsDigit(name[id.Length + 1]));

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    [Theory]
    [InlineData("Parley")]
    [InlineData("Parley.Storage")]
    [InlineData("Parley.Cli")]
    public void EveryPackage_HasRealMetadataAReadmeAndItsCommit(string id)
    {
        using var package = ZipFile.OpenRead(_packed.Package(id));
        var metadata = Metadata(package);
        string description = Value(metadata, "description")!;
        Assert.NotEqual("Package Description", description);
        Assert.True(description.Length > 60, description);
        Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.StartsWith("https://", Value(metadata, "projectUrl"));
        Assert.Contains("negotiation", Value(metadata, "tags")!.Split(' '));
        string readme = Value(metadata, "readme")!;
        var readmeEntry = package.GetEntry(readme);
        Assert.NotNull(readmeEntry);
        using (var reader = new StreamReader(readmeEntry.Open()))
            Assert.Contains("# " + id, reader.ReadToEnd());
        // SourceLink: the repository and the exact commit the package was built from.
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.StartsWith("https://", repository.Attribute("url")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);
        Assert.True(File.Exists(Path.ChangeExtension(_packed.Package(id), ".snupkg")), $"{id}: no symbol package");
    }

    [Fact]
    public void CorePackage_DependsOnNoDatabaseDriver_StoragePackageBringsThem()
    {
        static string[] Dependencies(string file)
        {
            using var package = ZipFile.OpenRead(file);
            return Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct().ToArray();
        }
        var core = Dependencies(_packed.Package("Parley"));
        Assert.DoesNotContain(core, d => d.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || d.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) || d.Contains("SQLitePCL", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("YamlDotNet", core);
        var storage = Dependencies(_packed.Package("Parley.Storage"));
        Assert.Contains("Parley", storage);
        Assert.Contains("Microsoft.Data.Sqlite", storage);
        Assert.Contains("Npgsql", storage);
    }

    [Fact]
    public void ToolPackage_IsUnder50MegabytesWithNativeLibrariesForItsPlatformsOnly()
    {
        string file = _packed.Package("Parley.Cli");
        Assert.True(new FileInfo(file).Length < 50_000_000, $"Parley.Cli is {new FileInfo(file).Length / 1e6:0.0} MB");
        using var package = ZipFile.OpenRead(file);
        var platforms = package.Entries.Where(e => e.FullName.Contains("/native/", StringComparison.Ordinal))
            .Select(e => e.FullName.Split('/')[e.FullName.Split('/').ToList().IndexOf("runtimes") + 1]).Distinct().Order().ToArray();
        Assert.Equal(["linux-arm64", "linux-x64", "osx", "osx-arm64", "osx-x64", "win-arm64", "win-x64"], platforms);
        // Plots need SkiaSharp on every platform named in the package's README.
        foreach (string rid in new[] { "linux-x64", "linux-arm64", "win-x64", "win-arm64" })
            Assert.Contains(package.Entries, e => e.FullName.Contains($"runtimes/{rid}/native/", StringComparison.Ordinal) && e.Name.Contains("SkiaSharp", StringComparison.Ordinal));
        Assert.Contains(package.Entries, e => e.FullName.Contains("runtimes/osx/native/libSkiaSharp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("linux-x64", "true")]
    [InlineData("", "")]
    public void PublishForOnePlatform_IsReadyToRun(string rid, string expected)
    {
        // Measured in docs/cli.md ("The first second"): ReadyToRun takes 40-45% off the CPU time of start-up.
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "msbuild", "src/Parley.Cli", "-getProperty:PublishReadyToRun", $"-p:RuntimeIdentifier={rid}", "-nologo" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(expected, output.Trim());
    }
}
