using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Parley.Web.Runs;
using Parley.Web.Security;

namespace Parley.Web.Tests;

/// <summary>Issue 20 §6: the viewer checks Host (DNS rebinding), asks for a token beyond loopback, sends security headers, and answers 413 for a big body.</summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewerGuardTests(ViewerFixture viewer)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/scenarios")]
    [InlineData("/api/nothing-here")]
    public async Task AnyAnswer_HasSecurityHeaders(string path)
    {
        using var response = await viewer.Http.GetAsync(path);
        Assert.Equal(ViewerGuard.ContentSecurityPolicy, string.Join("", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", ViewerGuard.ContentSecurityPolicy);
        Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task LoopbackViewer_OtherHostHeader_Refused(string host)
    {
        // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends its own name as Host.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        request.Headers.Host = host;
        using var response = await viewer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("answers only requests addressed to", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task LoopbackViewer_LoopbackHostHeader_Answered(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        request.Headers.Host = $"{host}:{viewer.BaseUrl.Port}";
        using var response = await viewer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Run_BodyOverTheLimit_Is413()
    {
        string body = "{\"scenario\":\"Laptop\",\"negotiators\":[\"boulware\",\"conceder\"],\"pad\":\"" + new string('x', 100_000) + "\"}";
        using var response = await viewer.Http.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // Without a declared length (chunked), the limit is found while reading: still 413.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await viewer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [Fact]
    public void Options_BeyondLoopbackWithoutToken_Refused()
    {
        var options = ViewerFixture.Options(TestPaths.Scenarios) with { Urls = "http://0.0.0.0:0" };
        Assert.Contains(options.Problems(), p => p.Contains("access token is required", StringComparison.Ordinal));
        Assert.True(ViewerAccess.For("http://0.0.0.0:5080").BeyondLoopback);
        Assert.True(ViewerAccess.For("http://*:5080").BeyondLoopback);
        Assert.True(ViewerAccess.For("http://10.1.2.3:5080").BeyondLoopback);
        Assert.False(ViewerAccess.For("http://127.0.0.1:5080;http://[::1]:5080;http://localhost:5080").BeyondLoopback);
    }

    [Fact]
    public async Task TokenViewer_RequestsWithoutTheToken_401_WithItInHeaderQueryOrCookie_Answered()
    {
        string token = ViewerAccess.NewToken();
        // Bound to a non-loopback name that resolves here ("localhost" would count as loopback): the IPv4 wildcard.
        var options = ViewerFixture.Options(TestPaths.Scenarios) with { Urls = "http://0.0.0.0:0", AccessToken = token };
        await using var app = ViewerServer.Build(options, RunProtocols.All);
        await app.StartAsync();
        int port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using (var none = await http.GetAsync("/api/scenarios")) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using (var page = await http.GetAsync("/")) Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        using (var wrong = await http.GetAsync("/api/scenarios?token=" + ViewerAccess.NewToken())) Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            request.Headers.Authorization = new("Bearer", token);
            using var bearer = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        }
        // The printed address: the page with ?token= sets the cookie, and the page's own requests then carry it.
        using (var page = await http.GetAsync("/?token=" + token)) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var api = await http.GetAsync("/api/scenarios")) Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var cookie = cookies.GetCookies(http.BaseAddress!)[ViewerGuard.Cookie];
        Assert.True(cookie is { HttpOnly: true } && cookie.Value == token, "the token cookie is set, out of the page scripts' reach");
        await app.StopAsync();
    }
}
