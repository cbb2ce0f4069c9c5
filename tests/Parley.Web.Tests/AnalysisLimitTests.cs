using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Web.Tests;

/// <summary>The analysis behind <c>GET /api/scenarios/{name}</c> keeps to the server's time limit on a huge space (issue 20).</summary>
public sealed class AnalysisLimitTests
{
    /// <summary>Three integer issues of a million values each, one scored by a table: neither enumerable nor additive-by-structure.</summary>
    internal const string Huge = """
        name: huge
        issues:
          - {name: X, type: integer, min: 0, max: 1000000}
          - {name: Y, type: integer, min: 0, max: 1000000}
          - {name: Z, type: integer, min: 0, max: 1000000}
        parties:
          - name: P
            utility:
              weights: {X: 0.5, Y: 0.3, Z: 0.2}
              issues:
                X: {slope: 0.000001, offset: 0}
                Y: {slope: 0.000001, offset: 0}
                Z: {slope: 0.000001, offset: 0}
          - name: Q
            utility:
              weights: {X: 0.2, Y: 0.3, Z: 0.5}
              issues:
                X: {slope: -0.000001, offset: 1}
                Y: {slope: -0.000001, offset: 1}
                Z: {slope: -0.000001, offset: 1}
        """;

    [Fact]
    public async Task Issue20_ScenarioDetailOnAHugeSpace_AnswersWithinTheAnalysisTimeLimit()
    {
        string folder = Path.Combine(Path.GetTempPath(), "parley-huge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "huge.yaml"), Huge);
            var options = ViewerFixture.Options(folder) with { AnalysisTimeLimit = TimeSpan.FromSeconds(2) };
            await using var app = ViewerServer.Build(options);
            await app.StartAsync();
            using var http = new HttpClient
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
                Timeout = TimeSpan.FromSeconds(150),
            };
            var clock = Stopwatch.StartNew();
            var response = await http.GetAsync("/api/scenarios/huge");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The budget plus reading, tabulating and the plane, on a loaded machine: before, it never answered.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"answered after {clock.Elapsed}");
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("frontier", detail.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
