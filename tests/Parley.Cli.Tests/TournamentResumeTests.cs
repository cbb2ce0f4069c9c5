using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Parley.Cli.Tests;

/// <summary>Kills a real tournament process at random moments, resumes it, and compares with an uninterrupted run.</summary>
public sealed class TournamentResumeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-resume-" + Guid.NewGuid().ToString("N"));

    public TournamentResumeTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Resume_AfterSigkillAtRandomMoments_EveryNegotiationExactlyOnce_SameAsUninterrupted()
    {
        string file = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(file, $"""
            seed: 3
            protocol: {"{"}name: sao, rounds: 1000{"}"}
            repetitions: 40
            negotiators: [boulware, linear, conceder, titfortat, random]
            scenarios: [{CliRunner.Anac("y2011/Laptop")}, {CliRunner.Anac("y2010/EnglandZimbabwe")}]
            """);
        const int total = 2 * 25 * 2 * 40;
        string killed = Path.Combine(_dir, "killed.db"), whole = Path.Combine(_dir, "whole.db");
        int seed = Environment.TickCount;
        var random = new Random(seed);

        int midRunKills = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            string[] args = attempt == 0 ? ["tournament", "run", file, "--db", killed, "--quiet"] : ["tournament", "resume", killed, "--quiet"];
            using var process = Start(args);
            int before = Stored(killed);
            // Wait until this run has stored something, then kill it a random moment later.
            var wait = Stopwatch.StartNew();
            while (Stored(killed) <= before && !process.HasExited && wait.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(10);
            Thread.Sleep(random.Next(0, 250));
            if (process.HasExited) break;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            int after = Stored(killed);
            if (after > before && after < total) midRunKills++;
        }
        var resumed = CliRunner.AsProcess("tournament", "resume", killed, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.True(midRunKills >= 1, $"no kill landed mid-run (seed {seed})");

        var uninterrupted = CliRunner.AsProcess("tournament", "run", file, "--db", whole, "--quiet");
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        Assert.Equal(total, Stored(killed));
        Assert.Equal(total, Scalar(killed, "SELECT COUNT(DISTINCT negotiation_index) FROM results"));
        Assert.Equal(2 * total, Scalar(killed, "SELECT COUNT(*) FROM result_utilities"));
        Assert.Equal(TournamentCommandTests.Results(whole), TournamentCommandTests.Results(killed));
    }

    private static Process Start(string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(ParleyApp).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Stored(string db) => File.Exists(db) ? Scalar(db, "SELECT COUNT(*) FROM results") : 0;

    private static int Scalar(string db, string sql)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet, or the schema is being written
        }
    }
}
