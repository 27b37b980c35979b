using Affiliates.Programs;
using Microsoft.Playwright;
using NodaTime;

namespace Affiliates.AspNetCore.Tests;

/// <summary>The shop on Kestrel and SQLite, visited by a real Chromium: link, banner, sign-up, conversion.</summary>
public sealed class BrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string Alice = "alice-wallet";

    /// <summary>The browser keeps cookies by its own clock, so the site's fake clock starts at the real time.</summary>
    private static readonly Instant BrowserNow = SystemClock.Instance.GetCurrentInstant();

    private readonly string directory = Directory.CreateTempSubdirectory("affiliates-web.").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReferralLink_ShowsTheBanner_AndTheSignUpIsBoundToThePartner()
    {
        await using TestSite site = await TestSite.StartAsync(
            options => options.RedirectWithoutParameter = true, kestrel: true, sqlitePath: Path.Combine(directory, "shop.db"), start: BrowserNow);
        await site.CreateCodeAsync(Alice, "AB123");
        await using IBrowserContext context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.Address!.ToString() });
        IPage page = await context.NewPageAsync();

        await page.GotoAsync("/?ref=ab123");
        await page.WaitForSelectorAsync("body[data-banner]");

        Assert.Equal(new Uri(site.Address, "/"), new Uri(page.Url));
        Assert.Equal("shown", await page.GetAttributeAsync("body", "data-banner"));
        Assert.Equal("AB123", await page.TextContentAsync("#partner"));
        BrowserContextCookiesResult cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "affiliates_ref");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Null(await page.EvaluateAsync<string?>("document.cookie.includes('affiliates_ref') ? 'visible' : null"));

        await page.FillAsync("#wallet", "carol-wallet");
        await page.ClickAsync("#signup");
        await page.WaitForURLAsync("**/welcome");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveTextAsync("Bound");
        await Assertions.Expect(page.Locator("#code")).ToHaveTextAsync("AB123");
        await SaveScreenshotAsync(page, "welcome.png");

        Assert.Equal("AB123", (await site.Store.GetBindingAsync(site.RegistryId, "carol-wallet", Binding.AccountScope))!.Code);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "affiliates_ref");
    }

    [Theory]
    [InlineData("NOPE1")]
    [InlineData("%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")]
    [InlineData("")]
    public async Task BadOrUnknownRef_ShowsThePageWithoutABanner(string reference)
    {
        await using TestSite site = await TestSite.StartAsync(kestrel: true, start: BrowserNow);
        await using IBrowserContext context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.Address!.ToString() });
        IPage page = await context.NewPageAsync();

        IResponse? response = await page.GotoAsync("/?ref=" + reference);
        await page.WaitForSelectorAsync("body[data-banner]");

        Assert.Equal(200, response!.Status);
        Assert.Equal("none", await page.GetAttributeAsync("body", "data-banner"));
        Assert.Equal("Shop", await page.TextContentAsync("h1"));
    }

    /// <summary>Screenshots go to AFFILIATES_ARTIFACTS when set, else next to the test assembly.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        string folder = Environment.GetEnvironmentVariable("AFFILIATES_ARTIFACTS") is { Length: > 0 } named
            ? named
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
    }
}
