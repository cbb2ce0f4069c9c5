using Microsoft.Playwright;

namespace Parley.Web.Tests;

/// <summary>
/// The viewer in a real headless Chromium, as a person uses it: open it, pick a scenario, run a negotiation and watch
/// the offers arrive, see the agreement; bad input shows a message. Each test saves a screenshot and checks it is not blank.
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed class BrowserTests(ViewerFixture viewer, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser = browser;

    private async Task<IPage> Open(string hash = "")
    {
        var page = await _browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(viewer.BaseUrl, "/" + hash).ToString());
        return page;
    }

    private static async Task Screenshot(IPage page, string name)
    {
        string path = Path.Combine(TestPaths.Artifacts, name + ".png");
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        ImageChecks.AssertPngNotBlank(png, minColours: 16);
    }

    [Fact]
    public async Task Viewer_PickScenarioAndRun_ShowsTheLiveTraceAndTheAgreement()
    {
        var page = await Open();
        await page.Locator("#scenarios").GetByRole(AriaRole.Link, new() { Name = "EnglandZimbabwe" }).ClickAsync();
        await page.Locator("#analysis").WaitForAsync();
        Assert.Contains("exact", await page.Locator("#analysis").InnerTextAsync());
        await page.Locator("svg#plane circle").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#run-form input[name=rounds]").FillAsync("300");
        await page.Locator("#run-button").ClickAsync();

        // Offers arrive while the run is streamed, before the result.
        await page.Locator("svg#plane circle.offer").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Contains("offers so far", await page.Locator("#run-status").InnerTextAsync());
        await page.Locator("#result").WaitForAsync();
        string result = await page.Locator("#result").InnerTextAsync();
        Assert.Contains("Agreement", result);
        Assert.True(await page.Locator("svg#plane circle.offer").CountAsync() > 10);
        Assert.Equal(1, await page.Locator("#agreement-mark").CountAsync());
        Assert.Contains("Offers by England", await page.Locator("#plane-legend").InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.getElementById('deal-space').complete && document.getElementById('deal-space').naturalWidth > 0");
        await Screenshot(page, "run-england-zimbabwe");
    }

    [Fact]
    public async Task Viewer_AbsurdRoundsAndUnknownScenario_ShowAMessageNotAnErrorPage()
    {
        var page = await Open("#/scenario/Laptop");
        await page.Locator("#run-form").WaitForAsync();
        await page.Locator("#run-form input[name=rounds]").FillAsync("999999999");
        await page.Locator("#run-button").ClickAsync();
        await page.Locator("#run-error").WaitForAsync();
        Assert.Contains("rounds must be between 1 and 10,000", await page.Locator("#run-error").InnerTextAsync());
        await Screenshot(page, "bad-rounds");

        await page.GotoAsync(new Uri(viewer.BaseUrl, "/#/scenario/..%2F..%2Fetc").ToString());
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("no scenario called", await page.Locator("[role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task Viewer_Leaderboard_ShowsRanksIntervalsAndPairwiseTable()
    {
        var page = await Open();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tournament leaderboard" }).ClickAsync();
        await page.Locator("#leaderboard").WaitForAsync();
        Assert.Equal(5, await page.Locator("#leaderboard tbody tr").CountAsync());
        Assert.Contains("±", await page.Locator("#leaderboard").InnerTextAsync());
        Assert.Equal(5, await page.Locator("#pairwise tbody tr").CountAsync());
        await page.WaitForFunctionAsync("() => document.getElementById('leaderboard-plot').complete && document.getElementById('leaderboard-plot').naturalWidth > 0");
        await Screenshot(page, "page-leaderboard");
    }

    [Fact]
    public async Task Viewer_CairoReport_ShowsFindingsAndFollowsTheDate()
    {
        var page = await Open();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cairo report" }).ClickAsync();
        var report = page.FrameLocator("#report");
        await report.Locator("h2", new() { HasText = "Findings" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("24 November 2023", await report.Locator("h1").InnerTextAsync()); // the scenario's first date (issue 18: the whole arc)
        await page.Locator("#report-form input[name=at]").FillAsync("2024-03-01");
        await page.Locator("#report-form button").ClickAsync();
        await report.Locator("h1", new() { HasText = "1 March 2024" }).WaitForAsync(new() { Timeout = 60_000 });
        await Screenshot(page, "cairo-report");
    }

    [Fact]
    public async Task Viewer_ShuttleRun_DrawsTheMessagesAsASequenceDiagram()
    {
        var page = await Open("#/scenario/cairo-2024");
        await page.Locator("#run-form").WaitForAsync();
        await page.Locator("#protocol").SelectOptionAsync("shuttle");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('select[name=negotiator] option')].every(o => o.value !== 'hardheaded')");
        await page.Locator("#run-form input[name=rounds]").FillAsync("40");
        await page.Locator("#run-button").ClickAsync();
        await page.Locator("#sequence-diagram g.message").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#result").WaitForAsync();
        Assert.True(await page.Locator("#sequence-diagram g.message").CountAsync() > 5);
        Assert.Contains("Qatar", await page.Locator("#sequence-diagram").InnerHTMLAsync());
        await Screenshot(page, "shuttle-run");
    }
}
