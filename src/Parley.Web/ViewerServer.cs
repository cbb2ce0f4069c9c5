using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Web.Api;
using Parley.Web.Runs;
using Parley.Web.Scenarios;
using Parley.Web.Security;

namespace Parley.Web;

/// <summary>The web viewer: the JSON API (docs/api.md) and the pages that use it, served by Kestrel.</summary>
public static class ViewerServer
{
    /// <summary>Largest request body accepted; a larger one gets 413.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>Builds the viewer for <paramref name="options"/> (which must have no <see cref="ViewerOptions.Problems"/>); start it with <c>RunAsync</c> or <c>StartAsync</c>.</summary>
    public static WebApplication Build(ViewerOptions options, Action<ILoggingBuilder>? logging = null) => Build(options, RunProtocols.All, logging);

    /// <summary>Builds the viewer offering <paramref name="protocols"/> to runs from the page.</summary>
    internal static WebApplication Build(ViewerOptions options, IReadOnlyList<RunProtocol> protocols, Action<ILoggingBuilder>? logging = null)
    {
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Parley.Web" });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ScenarioCatalog(options.ScenariosFolder, options.AnalysisTimeLimit));
        // A request still running at shutdown (SIGTERM, Ctrl+C) does not hold the process for long.
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(services => new RunService(options, services.GetRequiredService<ScenarioCatalog>(), protocols));
        var recorder = Sessions.SessionRecorder.Open(options.Sessions); // opened now, so a database that cannot be opened stops the start
        builder.Services.AddSingleton(services => new Sessions.SessionService(options.Sessions, services.GetRequiredService<ScenarioCatalog>(), recorder));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        var app = builder.Build();
        // Never a stack trace or an HTML error page: every failure is a problem-details JSON answer.
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            var e = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            await context.Response.WriteAsJsonAsync(new { title = "Internal error", status = 500, detail = "the server could not answer this request" + (e is null ? "" : $" ({e.GetType().Name})") }, options: null, contentType: "application/problem+json");
        }));
        app.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            if (response.HasStarted || response.ContentLength is > 0) return;
            await response.WriteAsJsonAsync(new { title = response.StatusCode == 404 ? "Not found" : "Refused", status = response.StatusCode, detail = $"nothing at {status.HttpContext.Request.Path} answers this request; GET /api/scenarios lists the scenarios" }, options: null, contentType: "application/problem+json");
        });
        // Host check, access token, security headers, body limit: in front of every endpoint (Security/ViewerGuard.cs).
        app.UseViewerGuard(options, MaxBodyBytes);
        ScenarioEndpoints.Map(app);
        RunEndpoints.Map(app);
        TournamentEndpoints.Map(app);
        ReportEndpoints.Map(app);
        SessionEndpoints.Map(app);
        MapPages(app);
        return app;
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", () => Page("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Page("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Page("app.css", "text/css; charset=utf-8"));
    }

    private static IResult Page(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"page {name} is not embedded");
        return Results.Stream(stream, contentType);
    }
}
