using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parley.Cli.Tests;

/// <summary><c>parley plot</c> and <c>parley serve</c> as a user runs them.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-plot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Temp(string name) => Path.Combine(_dir, name);

    private static (int Width, int Height) PngSize(string path)
    {
        byte[] head = File.ReadAllBytes(path)[..24];
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(head, 1, 3));
        return (BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)));
    }

    [Fact]
    public void Plot_RunFile_WritesTwoPanelPng()
    {
        string run = Temp("run.json"), png = Temp("run.png");
        Assert.Equal(0, CliRunner.AsProcess("negotiate", "scenarios/Laptop", "--agents", "hardheaded,conceder", "--rounds", "200", "--out", run).ExitCode);
        var result = CliRunner.AsProcess("plot", run, "-o", png);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal((1800, 700), PngSize(png));
        Assert.True(new FileInfo(png).Length > 20_000, "the picture is nearly empty");
    }

    [Fact]
    public void Plot_Scenario_WritesSvgOfTheAskedSize()
    {
        string svg = Temp("space.svg");
        var result = CliRunner.InProcess("plot", Path.Combine(CliRunner.RepoRoot, "scenarios", "EnglandZimbabwe"), "-o", svg, "--width", "800", "--height", "600", "--parties", "Zimbabwe,England");
        Assert.True(result.ExitCode == 0, result.Error);
        string text = File.ReadAllText(svg);
        Assert.Contains("width=\"800\"", text);
        Assert.Contains("height=\"600\"", text);
        Assert.Contains("Utility to Zimbabwe", text);
        Assert.Contains("Pareto frontier", text);
    }

    [Theory]
    [InlineData("shuttle", 2600)]      // plane, offers by round, and the sequence diagram of messages
    [InlineData("single-text", 1800)]  // the mediators' texts are their own trails in the plane
    public void Plot_MediatedRun_ShowsMediatorsAndMessages(string protocol, int width)
    {
        string run = Temp("run.json"), png = Temp("run.png"), svg = Temp("run.svg");
        // The flat Cairo model (a test fixture since issue 18 phased the bundled one): three mediators, small enough to plot.
        var negotiate = CliRunner.InProcess("negotiate", Path.Combine(CliRunner.RepoRoot, "tests", "Parley.Tests", "Reports", "Fixtures", "cairo-2024-flat.yaml"), "--protocol", protocol, "--rounds", "40", "--out", run);
        Assert.True(negotiate.ExitCode == 0, negotiate.Error);
        var result = CliRunner.InProcess("plot", run, "-o", png);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal((width, 700), PngSize(png));
        Assert.Equal(0, CliRunner.InProcess("plot", run, "-o", svg).ExitCode);
        string text = File.ReadAllText(svg);
        if (protocol == "shuttle")
        {
            Assert.Contains("Messages along the channels", text);
            Assert.Contains("Qatar", text);
        }
        else Assert.Contains("Texts proposed by", text);
    }

    [Fact]
    public void Plot_ResultsDatabase_WritesTheLeaderboard()
    {
        string db = Temp("results.db"), png = Temp("board.png");
        var run = CliRunner.AsProcess("tournament", "run", "scenarios/example-tournament.yaml", "--db", db, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        var result = CliRunner.InProcess("plot", db, "-o", png);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal((1000, 700), PngSize(png));
        var missing = CliRunner.InProcess("plot", Temp("none.db"), "-o", Temp("none.png"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such results database", missing.Error);
    }

    [Fact]
    public void Plot_MovedScenario_IsFoundWithScenarioOption()
    {
        string run = Temp("run.json"), png = Temp("run.png");
        Assert.Equal(0, CliRunner.InProcess("negotiate", Path.Combine(CliRunner.RepoRoot, "scenarios", "Laptop"), "--rounds", "20", "--out", run).ExitCode);
        File.WriteAllText(run, File.ReadAllText(run).Replace(Path.Combine(CliRunner.RepoRoot, "scenarios", "Laptop").Replace("\\", "\\\\"), "/nowhere/Laptop"));
        var missing = CliRunner.InProcess("plot", run, "-o", png);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--scenario", missing.Error);
        var found = CliRunner.InProcess("plot", run, "-o", png, "--scenario", Path.Combine(CliRunner.RepoRoot, "scenarios", "Laptop"));
        Assert.True(found.ExitCode == 0, found.Error);
    }

    [Theory]
    [InlineData("scenarios/Laptop", "x.gif", "expected a file name ending in .png or .svg")]
    [InlineData("scenarios/NoSuchScenario", "x.png", "no such file or folder")]
    [InlineData("scenarios/Laptop", "x.png", "not a principal", "--parties", "Alice,Bob")]
    [InlineData("notes.json", "x.png", "not JSON")]
    [InlineData("summary.json", "x.png", "this is a --repeat summary")]
    public void Plot_BadInput_OneLineAndExit2(string input, string output, string expected, params string[] more)
    {
        File.WriteAllText(Temp("notes.json"), "these are not { json");
        File.WriteAllText(Temp("summary.json"), """{"scenario":"Laptop","negotiations":10}""");
        string path = input.EndsWith(".json") ? Temp(input) : Path.Combine(CliRunner.RepoRoot, input);
        var result = CliRunner.InProcess(["plot", path, "-o", Temp(output), .. more]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Temp(output)));
    }

    [Fact]
    public async Task Serve_AnswersOnLoopbackUntilStopped()
    {
        int port = FreePort();
        string dll = typeof(ParleyApp).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "serve", "--port", port.ToString() }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        try
        {
            // Generous limits: on a loaded CI machine the server's first answer can take well over 5 s.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            string? body = null;
            for (int attempt = 0; attempt < 300 && body is null && !process.HasExited; attempt++)
            {
                try { body = await http.GetStringAsync($"http://127.0.0.1:{port}/api/scenarios"); }
                catch (HttpRequestException) { await Task.Delay(200); }
                catch (TaskCanceledException) { }
            }
            Assert.NotNull(body);
            Assert.Contains("EnglandZimbabwe", body);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    [Fact]
    public void Serve_MissingScenarioFolder_OneLineAndExit2()
    {
        var result = CliRunner.InProcess("serve", "--scenarios", Temp("nothing-here"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such folder", result.Error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
