using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>Analyses that stop: every method keeps to <c>--budget</c>, all-linear spaces are solved by structure, and <c>serve</c> stops on SIGTERM (issue 20).</summary>
public sealed class AnalysisBudgetCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-budget-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Two parties scoring three integer issues 0..<paramref name="max"/> linearly, in opposite directions with different weights.</summary>
    private string ThreeLinearIssues(long max)
    {
        string slope = (1.0 / max).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string file = Path.Combine(_dir, $"linear{max}.yaml");
        File.WriteAllText(file, $$"""
            name: three linear issues
            issues:
              - {name: X, type: integer, min: 0, max: {{max}}}
              - {name: Y, type: integer, min: 0, max: {{max}}}
              - {name: Z, type: integer, min: 0, max: {{max}}}
            parties:
              - name: P
                utility:
                  weights: {X: 0.5, Y: 0.3, Z: 0.2}
                  issues:
                    X: {slope: {{slope}}, offset: 0}
                    Y: {slope: {{slope}}, offset: 0}
                    Z: {slope: {{slope}}, offset: 0}
              - name: Q
                utility:
                  weights: {X: 0.2, Y: 0.3, Z: 0.5}
                  issues:
                    X: {slope: -{{slope}}, offset: 1}
                    Y: {slope: -{{slope}}, offset: 1}
                    Z: {slope: -{{slope}}, offset: 1}
            """);
        return file;
    }

    [Fact]
    public void Issue20_ThreeLinearIssuesOf1901Values_SolvedExactlyByStructure()
    {
        var clock = Stopwatch.StartNew();
        var r = CliRunner.InProcess("analyze", ThreeLinearIssues(1900), "--json", "--budget", "5s", "--max-points", "10");
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        var frontier = doc.RootElement.GetProperty("paretoFrontier");
        Assert.Equal("issue-by-issue", doc.RootElement.GetProperty("method").GetString());
        Assert.True(frontier.GetProperty("exact").GetBoolean());
        Assert.Equal("5701", frontier.GetProperty("pointCount").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Issue20_ThreeLinearIssuesOfAMillionValues_KeepsToTheBudget()
    {
        var clock = Stopwatch.StartNew();
        var r = CliRunner.InProcess("analyze", ThreeLinearIssues(1_000_000), "--json", "--budget", "2s", "--max-points", "10");
        var elapsed = clock.Elapsed;
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        var frontier = doc.RootElement.GetProperty("paretoFrontier");
        Assert.False(frontier.GetProperty("exact").GetBoolean());
        Assert.True(frontier.GetProperty("points").GetArrayLength() > 0);
        // The budget plus reading, tabulating and the solutions, with room for a loaded machine: not the minutes it took.
        Assert.True(elapsed < TimeSpan.FromSeconds(40), $"took {elapsed}");
    }

    [Fact]
    public async Task Issue20_ServeBusyOnAHugeScenario_StopsOnSigterm()
    {
        if (OperatingSystem.IsWindows()) return;
        string folder = Path.Combine(_dir, "scenarios");
        Directory.CreateDirectory(folder);
        File.Copy(ThreeLinearIssues(1_000_000), Path.Combine(folder, "huge.yaml"));
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(ParleyApp).Assembly.Location);
        foreach (var a in new[] { "serve", "--scenarios", folder, "--port", port.ToString() }) psi.ArgumentList.Add(a);
        using var server = Process.Start(psi)!;
        try
        {
            await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)); // "Parley viewer on …"
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
            var busy = http.GetAsync($"http://127.0.0.1:{port}/api/scenarios/huge"); // keeps the analysis busy
            await Task.Delay(1500);
            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString()])) kill.WaitForExit();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(patience.Token); // throws when still running 30 s after SIGTERM
            Assert.True(server.HasExited);
            _ = busy.ContinueWith(_ => { }, TaskScheduler.Default); // its connection was closed with the server
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }
}
