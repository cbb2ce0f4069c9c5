using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Parley.Tournaments;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;
using Parley.Web.Runs;

namespace Parley.Web.Tests;

/// <summary>One real viewer (Kestrel on a free loopback port) over the repository's scenarios, shared by the HTTP and browser tests.</summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A results database of the example tournament, run once for all the tests.</summary>
    public static string ResultsDatabase => Results.Value;

    private static readonly Lazy<string> Results = new(() =>
    {
        string db = Path.Combine(Directory.CreateTempSubdirectory("parley-web-").FullName, "results.db");
        var tournament = TournamentFileReader.ReadFile(Path.Combine(TestPaths.Scenarios, "example-tournament.yaml"));
        using var store = TournamentStore.OpenSqlite(db);
        TournamentRun.Start(tournament, store, new ThreadRunner(2));
        return db;
    });

    public async Task InitializeAsync()
    {
        _app = ViewerServer.Build(Options(TestPaths.Scenarios) with { ResultsDatabase = ResultsDatabase }, RunProtocols.All);
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public static ViewerOptions Options(string scenarios) => new()
    {
        ScenariosFolder = scenarios,
        Urls = "http://127.0.0.1:0",
        StreamDuration = TimeSpan.FromSeconds(1),
        RunTimeLimit = TimeSpan.FromSeconds(10),
    };

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    public async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ViewerFixture>
{
    public const string Name = "viewer";
}

/// <summary>Where the tests find the repository's files.</summary>
public static class TestPaths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static string Scenarios => Path.Combine(RepoRoot, "scenarios");

    /// <summary>A folder for this run's screenshots and pictures (kept after the run for a person to look at).</summary>
    public static string Artifacts
    {
        get
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
