using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Parley.Cli.Tests;

/// <summary>
/// A real cluster on the loopback interface: PostgreSQL (from PARLEY_TEST_POSTGRES, which .ci/run sets), three
/// single-worker silo processes and a coordinator. One silo is killed with SIGKILL mid-run and a fourth joins; the
/// tournament must end with every negotiation stored once and exactly the results of a single-machine run.
/// </summary>
public sealed class ClusterEndToEndTests : IDisposable
{
    internal const string PostgresVariable = "PARLEY_TEST_POSTGRES";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly string _schema = "cluster_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<Process> _processes = [];
    private readonly string? _postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public ClusterEndToEndTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        if (_postgres is not null)
        {
            using var connection = new NpgsqlConnection(_postgres);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [ClusterPostgresFact]
    public void ThreeSilos_OneKilledMidRun_OneJoining_SameResultsAsOneMachine_EachStoredOnce()
    {
        string cluster = CreateSchema();
        string file = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(file, $"""
            seed: 11
            protocol: {"{"}name: sao, rounds: 1000{"}"}
            repetitions: 100
            negotiators: [boulware, linear, conceder, titfortat, random]
            scenarios: [{CliRunner.Anac("y2011/Laptop")}, {CliRunner.Anac("y2010/EnglandZimbabwe")}]
            """);
        const int total = 2 * 25 * 2 * 100;
        var clock = Stopwatch.StartNew();

        var silos = Enumerable.Range(0, 3).Select(_ => StartSilo(cluster)).ToList();
        foreach (var silo in silos) WaitForJoin(silo);
        var coordinator = Start(out var coordinatorOut, "tournament", "run", file, "--cluster", cluster, "--batch", "10", "--quiet");
        var joining = StartSilo(cluster); // joins while the run is under way

        while (Stored(cluster) < total / 10)
        {
            Assert.False(coordinator.HasExited, $"the run ended before a silo could be killed: {coordinatorOut}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "no results after 90 s");
            Thread.Sleep(50);
        }
        silos[0].Process.Kill(); // SIGKILL: no goodbye to the cluster
        int atKill = Stored(cluster);

        Assert.True(coordinator.WaitForExit(150_000), "the coordinator did not finish in 150 s");
        coordinator.WaitForExit();
        string output = Text(coordinatorOut);
        Assert.True(coordinator.ExitCode == 0, $"exit {coordinator.ExitCode}: {output[Math.Max(0, output.Length - 3000)..]}");
        Assert.True(atKill < total, "the silo was killed after the run ended");
        Assert.Equal(total, Stored(cluster));
        Assert.Equal(0, Scalar(cluster, "SELECT COUNT(*) FROM (SELECT negotiation_index FROM results GROUP BY tournament_id, negotiation_index HAVING COUNT(*) > 1) d"));
        Assert.Contains($"{total:N0} of {total:N0} done", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("batches ran on 4 silos", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(joining.Process.HasExited);

        string local = Path.Combine(_dir, "local.db");
        var single = CliRunner.AsProcess("tournament", "run", file, "--db", local, "--jobs", "1", "--quiet");
        Assert.Equal(0, single.ExitCode);
        Assert.Equal(LocalRows(local), ClusterRows(cluster));

        var clusterReport = CliRunner.AsProcess("tournament", "report", "--cluster", cluster, "--json");
        var localReport = CliRunner.AsProcess("tournament", "report", local, "--json");
        Assert.Equal(0, clusterReport.ExitCode);
        Assert.Equal(localReport.Out, clusterReport.Out);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"took {clock.Elapsed}");
    }

    private const string RowsQuery = """
        SELECT r.negotiation_index, r.status, COALESCE(r.agreement, ''), r.rounds, u.seat, u.utility, u.undiscounted_utility
        FROM results r JOIN result_utilities u ON u.tournament_id = r.tournament_id AND u.negotiation_index = r.negotiation_index
        ORDER BY r.negotiation_index, u.seat
        """;

    private static List<string> LocalRows(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var command = new SqliteCommand(RowsQuery, connection);
        return Rows(command.ExecuteReader());
    }

    private static List<string> ClusterRows(string cluster)
    {
        using var connection = new NpgsqlConnection(cluster);
        connection.Open();
        using var command = new NpgsqlCommand(RowsQuery, connection);
        return Rows(command.ExecuteReader());
    }

    private static List<string> Rows(System.Data.Common.DbDataReader reader)
    {
        var rows = new List<string>();
        using (reader)
            while (reader.Read())
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{reader.GetInt32(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetInt32(3)}|{reader.GetInt32(4)}|{reader.GetDouble(5):R}|{reader.GetDouble(6):R}"));
        return rows;
    }

    private string CreateSchema()
    {
        using (var connection = new NpgsqlConnection(_postgres))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(_postgres) { SearchPath = _schema }.ConnectionString;
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static int Stored(string cluster) => Scalar(cluster, "SELECT COUNT(*) FROM results");

    private static int Scalar(string cluster, string sql)
    {
        using var connection = new NpgsqlConnection(cluster);
        connection.Open();
        using (var exists = new NpgsqlCommand("SELECT to_regclass('results') IS NOT NULL", connection))
            if (exists.ExecuteScalar() is not true) return 0;
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private (Process Process, StringBuilder Out) StartSilo(string cluster)
    {
        var process = Start(out var output, "silo", "--cluster", cluster, "--workers", "1", "--address", "127.0.0.1");
        return (process, output);
    }

    private static void WaitForJoin((Process Process, StringBuilder Out) silo)
    {
        var clock = Stopwatch.StartNew();
        while (!Text(silo.Out).Contains("joined cluster", StringComparison.Ordinal))
        {
            Assert.False(silo.Process.HasExited, $"a silo exited: {silo.Out}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"a silo did not join in 60 s: {silo.Out}");
            Thread.Sleep(100);
        }
    }

    private Process Start(out StringBuilder output, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(ParleyApp).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["COLUMNS"] = "400";
        var process = Process.Start(psi)!;
        var text = new StringBuilder();
        output = text;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }
}

/// <summary>A fact that runs only when PARLEY_TEST_POSTGRES names a PostgreSQL server, and shows as skipped otherwise.</summary>
public sealed class ClusterPostgresFactAttribute : FactAttribute
{
    public ClusterPostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(ClusterEndToEndTests.PostgresVariable) is not { Length: > 0 })
            Skip = $"no PostgreSQL: set {ClusterEndToEndTests.PostgresVariable} to a connection string (.ci/run does)";
    }
}
