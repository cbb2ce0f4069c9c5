using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Parley.Protocols;
using Parley.Agents.Interactive;
using Parley.Protocols.Interactive;
using Parley.Scenarios;

namespace Parley.Web.Tests;

/// <summary>
/// A person at the table in a real headless Chromium, by clicking: a whole SAOP negotiation against Boulware whose
/// recorded transcript equals the library run with the person's moves replayed; a single-text mediation of
/// EnglandZimbabwe to agreement; two browsers at two seats of one session; reload resumes; a second claim is refused; a
/// shuttle mediator cannot send along a missing channel. Content is asserted (values, utilities, buttons enabled or
/// not); each test also saves a screenshot (docs/human.md uses them).
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed class SessionBrowserTests(ViewerFixture viewer, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Buyer = "laptop_buyer_utility";
    private const string Seller = "laptop_seller_utility";

    private async Task<IPage> Open(string path, IBrowserContext? context = null)
    {
        context ??= await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(viewer.BaseUrl, path).ToString());
        return page;
    }

    /// <summary>A full-page screenshot in the artifacts, and a smaller one (the top of the page) for docs/human.md as <c>docs-NAME.png</c>.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Artifacts, name + ".png"), FullPage = true });
        ImageChecks.AssertPngNotBlank(png, minColours: 16);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Artifacts, "docs-" + name + ".png"), FullPage = false });
    }

    private static async Task<JsonElement> SeatState(IPage page, HttpClient http)
    {
        var parts = new Uri(page.Url).Fragment.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seat", parts[1]);
        return await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{parts[0]}?token={parts[2]}");
    }

    private static async Task Confirm(IPage page)
    {
        await page.Locator("#confirm-ok").ClickAsync();
    }

    [Fact]
    public async Task Saop_PersonPlaysAgainstBoulwareByClicking_TranscriptEqualsTheLibraryReplay()
    {
        var page = await Open("/session.html#/");
        await page.Locator("#new-session select[name=scenario]").SelectOptionAsync("EnglandZimbabwe");
        await page.Locator("select[data-party=England]").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('select[data-party=England]').value === 'boulware'");
        Assert.Equal("me", await page.Locator("select[data-party=Zimbabwe]").InputValueAsync());
        await page.Locator("#new-session input[name=rounds]").FillAsync("12");
        await page.Locator("#new-session input[name=seed]").FillAsync("5");
        await Screenshot(page, "human-new-session");
        await page.Locator("#create").ClickAsync();
        await page.Locator("#turn.yours").WaitForAsync();

        var state = await SeatState(page, viewer.Http);
        Assert.Equal("Zimbabwe", await page.Locator("#you").InnerTextAsync());
        Assert.Equal("England", await page.Locator("#offer-by").InnerTextAsync());
        Assert.Equal(state.GetProperty("standingOffer").GetProperty("utility").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#standing-utility").InnerTextAsync());
        Assert.Equal(state.GetProperty("you").GetProperty("reservedValue").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#reserved-now").InnerTextAsync());
        Assert.True(await page.Locator("#accept").IsEnabledAsync());
        Assert.True(await page.Locator("#walkaway").IsEnabledAsync());
        Assert.True(await page.Locator("#offer").IsEnabledAsync());
        await page.WaitForFunctionAsync("() => document.getElementById('draft-utility').textContent === '1.000'"); // the editor starts at the best outcome
        Assert.Equal(state.GetProperty("issues").GetArrayLength(), await page.Locator("#editor select").CountAsync());

        // Walk away asks for confirmation; cancelling changes nothing.
        await page.Locator("#walkaway").ClickAsync();
        Assert.Contains("Walk away?", await page.Locator("#confirm-text").InnerTextAsync());
        await page.Locator("#confirm-cancel").ClickAsync();
        Assert.Equal("running", (await SeatState(page, viewer.Http)).GetProperty("status").GetString());

        // Three counter-offers, each edited on one issue first (the utility follows the edit), then accept.
        for (int k = 0; k < 3; k++)
        {
            var select = page.Locator("#editor select").Nth(k);
            var options = await select.Locator("option").AllInnerTextsAsync();
            string before = await page.Locator("#draft-utility").InnerTextAsync();
            await select.SelectOptionAsync(new SelectOptionValue { Index = options.Count - 1 - k % options.Count });
            await page.WaitForFunctionAsync($"() => document.getElementById('draft-utility').textContent !== '…'");
            string roundBefore = await page.Locator("#round").InnerTextAsync();
            await page.Locator("#offer").ClickAsync();
            await Confirm(page);
            await page.WaitForFunctionAsync($"() => document.getElementById('round').textContent !== '{roundBefore}' || document.getElementById('result')");
            await page.Locator("#turn.yours").WaitForAsync();
        }
        Assert.True(await page.Locator("#history tbody tr").CountAsync() >= 6);
        Assert.True(await page.Locator("#history-plane circle.offer").CountAsync() >= 6);
        await Screenshot(page, "human-sao");
        await page.Locator("#accept").ClickAsync();
        Assert.Contains("Accept England's offer", await page.Locator("#confirm-text").InnerTextAsync());
        await Confirm(page);
        await page.Locator("#result").WaitForAsync();
        Assert.Contains("Agreement.", await page.Locator("#result").InnerTextAsync());
        Assert.Equal("agreed", await page.Locator("#status").InnerTextAsync());
        Assert.False(await page.Locator("#accept").IsEnabledAsync());
        Assert.False(await page.Locator("#offer").IsEnabledAsync());

        // The recorded transcript equals the library run with the person's moves replayed.
        string exportUrl = await page.EvaluateAsync<string>("() => document.getElementById('export-json').getAttribute('href')");
        var export = await viewer.Http.GetFromJsonAsync<JsonElement>(exportUrl);
        var setup = new InteractiveSetup
        {
            Scenario = ScenarioLoader.Load(Path.Combine(TestPaths.Scenarios, "EnglandZimbabwe")), Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], Rounds = 12, Seed = 5,
        };
        var moves = export.GetProperty("moves").GetProperty("Zimbabwe").EnumerateArray().ToArray();
        Assert.Equal(4, moves.Length);
        Assert.True(export.GetProperty("log").EnumerateArray().Count(l => l.GetProperty("kind").GetString() == "edit") >= 3);
        Assert.Contains(export.GetProperty("log").EnumerateArray(), l => l.GetProperty("kind").GetString() == "view");
        var replayed = setup.Replay(new Dictionary<int, IReadOnlyList<SeatMove>> { [1] = [.. moves.Select(m => ToMove(setup, m))] });
        AssertSameTranscript(replayed, export);
    }

    internal static SeatMove ToMove(InteractiveSetup setup, JsonElement m)
    {
        var space = setup.Table().Space;
        var action = m.GetProperty("action").GetString() switch
        {
            "offer" => NegotiationAction.Offer, "accept" => NegotiationAction.Accept, "walkaway" => NegotiationAction.WalkAway, "propose" => NegotiationAction.Propose,
            "reject" => NegotiationAction.Reject, "veto" => NegotiationAction.Veto, _ => NegotiationAction.Fail,
        };
        Parley.Outcomes.Outcome? Read(string name) => m.GetProperty(name).ValueKind == JsonValueKind.Object
            ? SessionApiTests.Encode(space, m.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)) : null;
        return new SeatMove(action, Read("outcome"), Basis: Read("basis"));
    }

    internal static void AssertSameTranscript(NegotiationResult replayed, JsonElement export)
    {
        var transcript = export.GetProperty("transcript").EnumerateArray().ToArray();
        Assert.Equal(replayed.Transcript.Count, transcript.Length);
        for (int i = 0; i < transcript.Length; i++)
        {
            var e = replayed.Transcript[i];
            Assert.Equal(e.Step, transcript[i].GetProperty("step").GetInt32());
            Assert.Equal(e.Time, transcript[i].GetProperty("t").GetDouble());
            Assert.Equal(e.Party >= 0 ? replayed.Parties[e.Party] : null, transcript[i].GetProperty("party").GetString());
            Assert.Equal(e.Action.ToString().ToLowerInvariant(), transcript[i].GetProperty("action").GetString());
            if (e.Outcome is not null) Assert.Equal(e.Utilities.ToArray(), transcript[i].GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()));
        }
        Assert.Equal(RunsCamel(replayed.Status), export.GetProperty("status").GetString());
    }

    private static string RunsCamel(NegotiationStatus s) => char.ToLowerInvariant(s.ToString()[0]) + s.ToString()[1..];

    [Fact]
    public async Task SingleText_PersonMediatesEnglandZimbabwe_ToAgreement()
    {
        var created = await SessionApiTests.Create(viewer.Http, new
        {
            scenario = "EnglandZimbabwe", protocol = "single-text", seats = new Dictionary<string, string> { ["England"] = "boulware", ["Zimbabwe"] = "conceder", ["Mediator"] = "human" },
            rounds = 200, seed = 3, analyst = true,
        });
        var page = await Open(created.GetProperty("seats")[0].GetProperty("link").GetString()!);
        await page.Locator("#turn.yours").WaitForAsync();
        Assert.Equal("Mediator", await page.Locator("#you").InnerTextAsync());
        Assert.True(await page.Locator("#suggest-logrolling").IsEnabledAsync());
        Assert.True(await page.Locator("#put-text").IsEnabledAsync());
        Assert.Equal(0, await page.Locator("#draft-utility").CountAsync()); // a mediator sees no utility of its own

        await page.Locator("#analyst summary").ClickAsync();
        await page.Locator("#zone").WaitForAsync();
        Assert.True(int.Parse(await page.Locator("#zone").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(await page.Locator("#sticking tbody tr").CountAsync() > 0);
        await page.Locator("svg#plane circle").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        for (int round = 0; round < 200; round++)
        {
            if (await page.Locator("#result").CountAsync() > 0) break;
            await page.Locator("#suggest-logrolling:not([disabled])").WaitForAsync();
            await page.Locator("#suggest-logrolling").ClickAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('suggestion').textContent.startsWith('Suggested')");
            if (round == 3) await Screenshot(page, "human-mediator");
            string before = await page.Locator("#round").InnerTextAsync();
            await page.Locator("#put-text").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.getElementById('result') || (document.getElementById('round').textContent !== '{before}' && document.querySelector('#turn.yours'))");
        }
        await page.Locator("#result").WaitForAsync();
        Assert.Contains("Agreement.", await page.Locator("#result").InnerTextAsync());
        Assert.True(await page.Locator("#answers tbody tr").CountAsync() > 1);
        Assert.Contains("accept", await page.Locator("#answers tbody tr").First.InnerTextAsync());

        var export = await viewer.Http.GetFromJsonAsync<JsonElement>(created.GetProperty("export").GetString()!);
        Assert.Equal("agreed", export.GetProperty("status").GetString());
        var setup = new InteractiveSetup
        {
            Scenario = ScenarioLoader.Load(Path.Combine(TestPaths.Scenarios, "EnglandZimbabwe")), Protocol = "single-text", Seats = ["boulware", "conceder", InteractiveSetup.Person], Rounds = 200, Seed = 3,
        };
        var moves = export.GetProperty("moves").GetProperty("Mediator").EnumerateArray().Select(m => ToMove(setup, m)).ToArray();
        AssertSameTranscript(setup.Replay(new Dictionary<int, IReadOnlyList<SeatMove>> { [2] = moves }), export);
    }

    [Fact]
    public async Task TwoBrowsers_TakeTwoSeatsOfOneSession()
    {
        var created = await SessionApiTests.Create(viewer.Http, new { scenario = "Laptop", seats = new Dictionary<string, string> { [Buyer] = "human", [Seller] = "human" }, rounds = 10 });
        string Link(string party) => created.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("party").GetString() == party).GetProperty("link").GetString()!;
        var buyer = await Open(Link(Buyer));
        var seller = await Open(Link(Seller));
        await buyer.Locator("#turn.yours").WaitForAsync();
        await seller.Locator("#turn").WaitForAsync();
        Assert.Contains($"Waiting for {Buyer}", await seller.Locator("#turn").InnerTextAsync());
        Assert.False(await seller.Locator("#offer").IsEnabledAsync());
        Assert.False(await buyer.Locator("#accept").IsEnabledAsync()); // nothing on the table yet
        Assert.False(await buyer.Locator("#walkaway").IsEnabledAsync());
        await buyer.WaitForFunctionAsync("() => document.getElementById('draft-utility').textContent === '1.000'");
        await buyer.Locator("#offer").ClickAsync();
        await Confirm(buyer);
        await seller.Locator("#turn.yours").WaitForAsync();
        Assert.Equal(Buyer, await seller.Locator("#offer-by").InnerTextAsync());
        Assert.True(await seller.Locator("#accept").IsEnabledAsync());
        await Screenshot(seller, "human-two-seats");
        await seller.Locator("#accept").ClickAsync();
        await Confirm(seller);
        await seller.Locator("#result").WaitForAsync();
        await buyer.Locator("#result").WaitForAsync();
        Assert.Contains("Agreement.", await buyer.Locator("#result").InnerTextAsync());
        Assert.Equal("1.000", await buyer.Locator("#result-utility").InnerTextAsync());
    }

    [Fact]
    public async Task Reload_ResumesTheSeat_AndASecondClaimIsRefused()
    {
        var created = await SessionApiTests.Create(viewer.Http, new { scenario = "EnglandZimbabwe", seats = new Dictionary<string, string> { ["Zimbabwe"] = "human" }, rounds = 10 });
        string id = created.GetProperty("id").GetString()!;
        string link = created.GetProperty("seats")[0].GetProperty("link").GetString()!;
        var page = await Open(link);
        await page.Locator("#turn.yours").WaitForAsync();
        string seatUrl = page.Url;
        string offerUtility = await page.Locator("#standing-utility").InnerTextAsync();
        await page.ReloadAsync();
        await page.Locator("#turn.yours").WaitForAsync();
        Assert.Equal(seatUrl, page.Url);
        Assert.Equal("Zimbabwe", await page.Locator("#you").InnerTextAsync());
        Assert.Equal(offerUtility, await page.Locator("#standing-utility").InnerTextAsync());
        // The session's address alone resumes too (the token is in the browser's local storage), as does the invite link again.
        await page.GotoAsync(new Uri(viewer.BaseUrl, $"/session.html#/{id}").ToString());
        await page.WaitForFunctionAsync("url => location.href === url", seatUrl);
        await page.Locator("#turn.yours").WaitForAsync();
        await page.GotoAsync(new Uri(viewer.BaseUrl, link).ToString());
        await page.WaitForFunctionAsync("url => location.href === url", seatUrl);

        var stranger = await Open(link); // another browser (its own storage) with the same link
        await stranger.Locator("#claim-error").WaitForAsync();
        Assert.Contains("already been taken", await stranger.Locator("#claim-error").InnerTextAsync());
        Assert.Equal(0, await stranger.Locator("#offer").CountAsync());
    }

    [Fact]
    public async Task ShuttleMediator_CannotSendAlongAMissingChannel()
    {
        var created = await SessionApiTests.Create(viewer.Http, new { scenario = "cairo-2024", protocol = "shuttle", seats = new Dictionary<string, string> { ["United States"] = "human" }, rounds = 20 });
        var page = await Open(created.GetProperty("seats")[0].GetProperty("link").GetString()!);
        await page.Locator("#turn.yours").WaitForAsync();
        var to = await page.Locator("#to option").AllInnerTextsAsync();
        Assert.Contains("Israel", to);
        Assert.DoesNotContain("Hamas", to); // no US–Hamas channel: the composer does not offer it
        Assert.Equal(["relay", "propose", "object"], await page.Locator("#kind option").AllInnerTextsAsync());
        await Screenshot(page, "human-shuttle");
        // Forcing the missing channel into the form is refused by the server, and the message is shown.
        await page.EvaluateAsync("() => { const o = document.createElement('option'); o.textContent = 'Hamas'; document.getElementById('to').append(o); document.getElementById('to').value = 'Hamas'; }");
        await page.Locator("#kind").SelectOptionAsync("propose");
        await page.Locator("#send").ClickAsync();
        await page.Locator("#action-error:not([hidden])").WaitForAsync();
        Assert.Contains("no channel to Hamas", await page.Locator("#action-error").InnerTextAsync());
        await page.Locator("#to").SelectOptionAsync("Israel");
        await page.Locator("#send").ClickAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#history td')].some(td => td.textContent.includes('→ Israel'))");
    }

    [Fact]
    public async Task Principal_SeesTheTimelineItsEventsAndRedLines_AndAVoterAnswersTexts()
    {
        // Cairo under SAOP as Israel: reserved value over time with the scenario's events, red lines marked in the editor.
        var cairo = await SessionApiTests.Create(viewer.Http, new { scenario = "cairo-2024", protocol = "sao", seats = new Dictionary<string, string> { ["Israel"] = "human", ["Hamas"] = "boulware" }, rounds = 30 });
        var page = await Open(cairo.GetProperty("seats")[0].GetProperty("link").GetString()!);
        await page.Locator("#turn.yours").WaitForAsync();
        var state = await SeatState(page, viewer.Http);
        Assert.Equal("propose", state.GetProperty("question").GetString());
        Assert.False(await page.Locator("#accept").IsEnabledAsync());
        Assert.True(await page.Locator("#offer").IsEnabledAsync());
        Assert.True(await page.Locator("#events li").CountAsync() >= 5);
        Assert.Contains("(-0.05 for you)", await page.Locator("#events").InnerTextAsync()); // the [M] Rafah step (issue 18 model)
        Assert.Contains(await page.Locator("#events li.muted").AllInnerTextsAsync(), e => e.Contains("Rafah")); // not fired yet
        Assert.True(await page.Locator("#editor option", new() { HasText = "red line" }).CountAsync() > 0);
        await page.Locator("#timeline path").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // Choosing a red-line value is flagged and the offer button disabled.
        var redOption = page.Locator("#editor option", new() { HasText = "red line" }).First;
        string value = (await redOption.GetAttributeAsync("value"))!;
        var select = redOption.Locator("xpath=..");
        await select.SelectOptionAsync(value);
        await page.WaitForFunctionAsync("() => document.getElementById('draft-warning').textContent.startsWith('Crosses your red line')");
        Assert.False(await page.Locator("#offer").IsEnabledAsync());
        Assert.Contains("crosses", await select.GetAttributeAsync("class") ?? "");
        await Screenshot(page, "human-timeline");

        // A single-text principal: the text with its utility, accept / reject / veto, objections.
        var text = await SessionApiTests.Create(viewer.Http, new { scenario = "EnglandZimbabwe", protocol = "single-text", seats = new Dictionary<string, string> { ["Zimbabwe"] = "human" }, rounds = 20 });
        var voter = await Open(text.GetProperty("seats")[0].GetProperty("link").GetString()!);
        await voter.Locator("#turn.yours").WaitForAsync();
        var v = await SeatState(voter, viewer.Http);
        Assert.Equal("vote", v.GetProperty("question").GetString());
        Assert.Equal(v.GetProperty("text").GetProperty("utility").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), await voter.Locator("#text-utility").InnerTextAsync());
        Assert.True(await voter.Locator("#reject").IsEnabledAsync());
        Assert.True(await voter.Locator("#veto").IsEnabledAsync());
        await voter.Locator("#objections input").First.CheckAsync();
        await Screenshot(voter, "human-voter");
        await voter.Locator("#reject").ClickAsync();
        await voter.WaitForFunctionAsync("() => document.getElementById('round').textContent === '2'");
        var after = await SeatState(voter, viewer.Http);
        var reject = after.GetProperty("history").EnumerateArray().First(e => e.GetProperty("action").GetString() == "reject");
        Assert.Equal("Zimbabwe", reject.GetProperty("party").GetString());
        Assert.Equal([v.GetProperty("issues")[0].GetProperty("name").GetString()], reject.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
    }
}
