using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Parley.Web.Security;

/// <summary>
/// The viewer's front door, in front of every endpoint (pages, API, streams; whatever is added later):
/// <list type="bullet">
/// <item>security headers on every answer: a content security policy (scripts, styles, images and connections from the
/// viewer itself only; no framing), <c>X-Frame-Options: DENY</c>, <c>X-Content-Type-Options: nosniff</c>,
/// <c>Referrer-Policy: no-referrer</c>;</item>
/// <item>the <c>Host</c> header checked against the names the viewer listens on (<see cref="ViewerAccess"/>): another
/// name gets 400, so DNS rebinding cannot reach a loopback viewer;</item>
/// <item>when an access token is set (always when listening beyond loopback), every request must carry it: header
/// <c>Authorization: Bearer TOKEN</c> or <c>X-Parley-Token: TOKEN</c>, query <c>?token=TOKEN</c>, or the cookie
/// <c>parley_token</c>, which a request with a valid token in its query sets so that the pages' own requests carry it;
/// otherwise 401;</item>
/// <item>a body declared larger than the limit gets 413 before anything reads it.</item>
/// </list>
/// Refusals are problem-details JSON, like every other error of the viewer.
/// </summary>
public static class ViewerGuard
{
    /// <summary>The cookie that carries the access token.</summary>
    public const string Cookie = "parley_token";

    /// <summary>The content security policy of every answer.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the guard for <paramref name="options"/> to <paramref name="app"/>; call it before mapping endpoints.</summary>
    public static IApplicationBuilder UseViewerGuard(this IApplicationBuilder app, ViewerOptions options, long maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var access = ViewerAccess.For(options.Urls);
        byte[]? token = options.AccessToken is { } t ? Encoding.UTF8.GetBytes(t) : null;
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";

            var request = context.Request;
            if (!access.AllowsHost(request.Host.Host))
            {
                await Refuse(context, StatusCodes.Status400BadRequest, "Unknown host",
                    $"this viewer answers only requests addressed to {string.Join(", ", access.Hosts)}, not '{request.Host.Host}'");
                return;
            }
            if (token is not null)
            {
                string? query = request.Query["token"];
                string? presented = Bearer(request.Headers.Authorization) ?? (string?)request.Headers["X-Parley-Token"] ?? query ?? request.Cookies[Cookie];
                if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), token))
                {
                    await Refuse(context, StatusCodes.Status401Unauthorized, "Access token required",
                        "this viewer listens beyond this machine and needs its access token (printed by 'parley serve'): open the address it printed, with ?token=…, or send the header 'Authorization: Bearer …'");
                    return;
                }
                if (query is not null)
                    context.Response.Cookies.Append(Cookie, query, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/" });
            }
            if ((request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0) && !await BufferBody(context, maxBodyBytes))
            {
                await Refuse(context, StatusCodes.Status413PayloadTooLarge, "Body too large",
                    $"the request body has more than {maxBodyBytes:N0} bytes; at most {maxBodyBytes:N0} are accepted");
                return;
            }
            await next(context);
        });
    }

    /// <summary>Bodies up to this size are read to the end even when refused, so the client gets its 413 instead of a reset connection.</summary>
    private const long DrainLimit = 1 << 20;

    /// <summary>
    /// Reads the request body into memory (the endpoints then read it from there); false when it is larger than
    /// <paramref name="max"/> bytes, in which case it is read and dropped up to <see cref="DrainLimit"/> so the refusal
    /// reaches the client cleanly (a larger body is cut off with the connection).
    /// </summary>
    private static async Task<bool> BufferBody(HttpContext context, long max)
    {
        var request = context.Request;
        if (request.ContentLength > DrainLimit) return false;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = DrainLimit;
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total <= max) body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return false; // over the drain limit
        }
        if (total > max) return false;
        body.Position = 0;
        request.Body = body;
        return true;
    }

    private static string? Bearer(string? authorization) =>
        authorization is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? a["Bearer ".Length..].Trim() : null;

    private static Task Refuse(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { title, status, detail }, options: null, contentType: "application/problem+json");
    }
}
