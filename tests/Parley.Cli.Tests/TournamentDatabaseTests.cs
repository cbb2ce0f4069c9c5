using System.Diagnostics;

namespace Parley.Cli.Tests;

/// <summary>Issue 20 §6: damaged, read-only, empty and busy results databases.</summary>
public sealed class TournamentDatabaseTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-db-" + Guid.NewGuid().ToString("N"));

    public TournamentDatabaseTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException) { }
    }

    private string Tournament(int repetitions = 1)
    {
        string file = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(file, $"""
            protocol: {"{"}name: sao, rounds: 200{"}"}
            repetitions: {repetitions}
            negotiators: [boulware, conceder, linear]
            scenarios: [{CliRunner.Anac("y2011/Laptop")}]
            """);
        return file;
    }

    private string Database(int repetitions = 1)
    {
        string db = Path.Combine(_dir, "r.db");
        var run = CliRunner.InProcess("tournament", "run", Tournament(repetitions), "--db", db, "--jobs", "1", "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        return db;
    }

    [Fact]
    public void ReportAndResume_DamagedPages_ClearMessageNamingTheFileExitTwo()
    {
        string db = Database();
        // Overwrite every page after the first two with garbage: the header still says SQLite, the tables do not.
        var bytes = File.ReadAllBytes(db);
        var random = new Random(5);
        for (int i = 8192; i < bytes.Length; i++) bytes[i] = (byte)random.Next(256);
        File.WriteAllBytes(db, bytes);
        foreach (var command in new[] { "report", "resume" })
        {
            var r = CliRunner.InProcess("tournament", command, db);
            Assert.True(r.ExitCode == 2, $"{command}: exit {r.ExitCode}: {r.Error}");
            Assert.Contains(db, r.Error);
            Assert.DoesNotContain("internal error", r.Error);
            Assert.DoesNotContain("   at ", r.Error);
        }
    }

    [Fact]
    public void Report_EmptyFile_RefusedAndLeftEmpty()
    {
        string db = Path.Combine(_dir, "empty.db");
        File.WriteAllBytes(db, []);
        var r = CliRunner.InProcess("tournament", "report", db);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("holds no Parley results", r.Error);
        Assert.Equal(0, new FileInfo(db).Length);
        Assert.Equal(["empty.db"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void ReportAndPlot_ReadOnlyDatabase_Work()
    {
        if (OperatingSystem.IsWindows()) return;
        string db = Database();
        var before = File.ReadAllBytes(db);
        // Neither the file nor its folder may be written: as root (CI), read as the unprivileged 'nobody'.
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        string svg = Path.Combine(Path.GetTempPath(), $"parley-plot-{Guid.NewGuid():N}.svg");
        try
        {
            var report = AsReader("tournament", "report", db, "--json");
            Assert.True(report.ExitCode == 0, report.Error);
            Assert.Contains("meanUtility", report.Out);
            var plot = AsReader("plot", db, "--out", svg);
            Assert.True(plot.ExitCode == 0, plot.Error + plot.Out);
            Assert.True(File.Exists(svg));
            Assert.Equal(before, File.ReadAllBytes(db));
        }
        finally
        {
            File.Delete(svg);
        }
    }

    [Fact]
    public void Resume_TwoAtOnce_SecondSaysTheTournamentIsBusy()
    {
        string db = Path.Combine(_dir, "r.db");
        var first = CliRunner.InProcess("tournament", "run", Tournament(), "--db", db, "--jobs", "1", "--quiet");
        Assert.Equal(0, first.ExitCode);
        // A running process holds the claim: simulate it with the store's own claim, held here.
        using (var store = Parley.Tournaments.Storage.TournamentStore.OpenSqlite(db))
        using (store.Claim(store.Find()!.Id))
        {
            var second = CliRunner.AsProcess("tournament", "resume", db, "--quiet");
            Assert.True(second.ExitCode == 2, $"exit {second.ExitCode}: {second.Error}{second.Out}");
            Assert.Contains("is being run by another process", second.Error);
        }
        var after = CliRunner.InProcess("tournament", "resume", db, "--quiet");
        Assert.True(after.ExitCode == 0, after.Error);
    }

    /// <summary>Runs the CLI as a process that cannot write the database: as 'nobody' when this is root.</summary>
    private static CliRunner.Result AsReader(params string[] args)
    {
        if (Environment.UserName != "root") return CliRunner.AsProcess(args);
        string dll = typeof(ParleyApp).Assembly.Location;
        var psi = new ProcessStartInfo("setpriv") { WorkingDirectory = "/" };
        foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", dll }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = "/tmp";
        psi.Environment["DOTNET_CLI_HOME"] = "/tmp";
        return CliRunner.Wait(psi, args);
    }
}
