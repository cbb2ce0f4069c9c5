using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Parley.Cli;
using Parley.Tournaments.Storage;

namespace Parley.Cli.Tests;

/// <summary><c>parley serve</c> as an experimenter runs it: sessions from a conditions folder, recorded in the named database.</summary>
public sealed class ServeSessionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-serve-sessions-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Serve_SessionFromACondition_IsRecordedInTheSessionsDatabase()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "conditions"));
        File.WriteAllText(Path.Combine(_dir, "conditions", "c1.yaml"), "scenario: Laptop\nseats: {laptop_buyer_utility: human}\nrounds: 10\n");
        string db = Path.Combine(_dir, "sessions.db");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRunner.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { typeof(ParleyApp).Assembly.Location, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--conditions", Path.Combine(_dir, "conditions"), "--sessions-db", db })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        string id;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            HttpResponseMessage? created = null;
            for (int attempt = 0; attempt < 300 && created is null && !process.HasExited; attempt++)
            {
                try { created = await http.PostAsJsonAsync("/api/sessions", new { condition = "c1" }); }
                catch (HttpRequestException) { await Task.Delay(200); }
                catch (TaskCanceledException) { }
            }
            Assert.NotNull(created);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        using var store = TournamentStore.OpenSqlite(db);
        var (session, _, _) = store.ReadSession(id);
        Assert.Equal(("Laptop", "c1"), (session.Scenario, session.Condition));
        Assert.Contains(store.ReadSessionActions(id), a => a.Kind == "created");
    }

    [Fact]
    public void Serve_MissingConditionsFolder_OneLineAndExit2()
    {
        var result = CliRunner.InProcess("serve", "--scenarios", Path.Combine(CliRunner.RepoRoot, "scenarios"), "--conditions", Path.Combine(_dir, "nothing-here"), "--sessions-db", Path.Combine(_dir, "s.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--conditions", result.Error);
        Assert.Contains("no such folder", result.Error);
    }
}
