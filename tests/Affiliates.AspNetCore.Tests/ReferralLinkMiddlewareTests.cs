using System.Security.Cryptography;
using System.Text;
using Affiliates.Programs;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Affiliates.AspNetCore.Tests;

public sealed class ReferralLinkMiddlewareTests
{
    private const string Alice = "alice-wallet";

    [Fact]
    public async Task Link_RecordsTheClickAndSetsASecureHttpOnlyLaxCookieForTheRegistrysWindow()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext visit = await site.SendAsync("/pricing?ref=ab123", ip: "198.51.100.7");

        Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
        SetCookieHeaderValue cookie = ReferralCookie(visit);
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Equal((site.Clock.GetCurrentInstant() + Duration.FromDays(30)).ToDateTimeOffset(), cookie.Expires);
        AttributionClick click = (await site.Store.GetClickAsync(cookie.Value.ToString()))!;
        Assert.Equal("AB123", click.Code);
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0", click.UserAgent);
        string expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{TestSite.Salt}\n{site.RegistryId}\n198.51.100.7")));
        Assert.Equal(expectedHash, click.IpHash);
    }

    [Fact]
    public async Task WalletRef_ResolvesToThePartnersCode()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext visit = await site.SendAsync($"/?ref={Alice}");

        Assert.Equal("AB123", (await site.Store.GetClickAsync(ReferralCookie(visit).Value.ToString()))!.Code);
    }

    [Theory]
    [InlineData("NOPE1")]
    [InlineData("%00%01")]
    [InlineData("'%3E%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("%20%20")]
    public async Task BadOrUnknownRef_NeverBreaksThePageAndSetsNoCookie(string reference)
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext visit = await site.SendAsync("/pricing?ref=" + reference);

        Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
        Assert.Equal(0, visit.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public async Task OverlongRef_IsIgnoredWithoutAskingTheStore()
    {
        int storeCalls = 0;
        await using TestSite site = await TestSite.StartAsync(wrapStore: store => StoreInterceptor.Wrap(store, method =>
        {
            if (method == "GetRegistryAsync")
            {
                Interlocked.Increment(ref storeCalls);
            }

            return Task.CompletedTask;
        }));
        using var counter = new ClickCounter(site.RegistryId);
        int before = storeCalls;

        HttpContext visit = await site.SendAsync("/?ref=" + new string('A', 129));

        Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
        Assert.Equal(before, storeCalls);
        Assert.Equal(1, counter["Malformed"]);
    }

    [Theory]
    [InlineData("Googlebot/2.1 (+http://www.google.com/bot.html)")]
    [InlineData("facebookexternalhit/1.1")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task Bots_AreNotRecordedByTheDefaultRule(string userAgent)
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        using var counter = new ClickCounter(site.RegistryId);

        HttpContext visit = await site.SendAsync("/?ref=AB123", userAgent: userAgent);

        Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
        Assert.Equal(0, visit.Response.Headers.SetCookie.Count);
        Assert.Equal(1, counter["Bot"]);
        Assert.Equal(0, counter["Recorded"]);
    }

    [Fact]
    public async Task BotRule_IsConfigurable()
    {
        await using TestSite site = await TestSite.StartAsync(options => options.IsBot = context => context.Request.Headers.ContainsKey("X-Monitor"));
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext curl = await site.SendAsync("/?ref=AB123", userAgent: "curl/8.5.0");
        HttpContext monitor = await site.Server.SendAsync(context =>
        {
            context.Request.Path = "/";
            context.Request.QueryString = new QueryString("?ref=AB123");
            context.Request.Headers["X-Monitor"] = "1";
        });

        Assert.Equal(1, curl.Response.Headers.SetCookie.Count);
        Assert.Equal(0, monitor.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public async Task QueryParameter_IsConfigurable()
    {
        await using TestSite site = await TestSite.StartAsync(options => options.QueryParameter = "via");
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext ignored = await site.SendAsync("/?ref=AB123");
        HttpContext recorded = await site.SendAsync("/?via=AB123");

        Assert.Equal(0, ignored.Response.Headers.SetCookie.Count);
        Assert.Equal("AB123", (await site.Store.GetClickAsync(ReferralCookie(recorded).Value.ToString()))!.Code);
    }

    [Fact]
    public async Task SlowStore_DoesNotHoldThePage_TheClickIsDroppedAndCounted()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool hold = false;
        await using TestSite site = await TestSite.StartAsync(
            options => options.ClickTimeout = TimeSpan.FromMilliseconds(50),

            // The held call ignores its cancellation token, as a stuck driver would.
            wrapStore: store => StoreInterceptor.Wrap(store, _ => Volatile.Read(ref hold) ? release.Task : Task.CompletedTask));
        await site.CreateCodeAsync(Alice, "AB123");
        using var counter = new ClickCounter(site.RegistryId);
        Volatile.Write(ref hold, true);
        try
        {
            HttpContext visit = await site.SendAsync("/pricing?ref=AB123");

            Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
            Assert.Equal(0, visit.Response.Headers.SetCookie.Count);
            Assert.Equal(1, counter["TimedOut"]);
            Assert.Equal(0, counter["Recorded"]);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task FailingStore_DoesNotBreakThePage_TheFailureIsCounted()
    {
        bool fail = false;
        await using TestSite site = await TestSite.StartAsync(wrapStore: store => StoreInterceptor.Wrap(
            store, _ => Volatile.Read(ref fail) ? throw new InvalidOperationException("database is locked") : Task.CompletedTask));
        await site.CreateCodeAsync(Alice, "AB123");
        using var counter = new ClickCounter(site.RegistryId);
        Volatile.Write(ref fail, true);

        HttpContext visit = await site.SendAsync("/pricing?ref=AB123");

        Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
        Assert.Equal(0, visit.Response.Headers.SetCookie.Count);
        Assert.Equal(1, counter["Failed"]);
    }

    [Fact]
    public async Task Redirect_DropsOnlyTheRefParameterAndCarriesTheCookie()
    {
        await using TestSite site = await TestSite.StartAsync(options => options.RedirectWithoutParameter = true);
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext visit = await site.SendAsync("/pricing?plan=pro&REF=AB123&utm_source=x");

        Assert.Equal(StatusCodes.Status302Found, visit.Response.StatusCode);
        Assert.Equal("https://shop.example/pricing?plan=pro&utm_source=x", visit.Response.Headers.Location.ToString());
        Assert.NotNull(ReferralCookie(visit));
    }

    [Fact]
    public async Task Redirect_OfAProtocolRelativePath_StaysOnTheHost()
    {
        await using TestSite site = await TestSite.StartAsync(options => options.RedirectWithoutParameter = true);

        HttpContext visit = await site.SendAsync("//evil.example/x?ref=AB123");

        Assert.StartsWith("https://shop.example/", visit.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieDomainAndName_AreConfigurable_ForSubDomains()
    {
        await using TestSite site = await TestSite.StartAsync(options =>
        {
            options.CookieDomain = "shop.example";
            options.CookieName = "ref_token";
        });
        await site.CreateCodeAsync(Alice, "AB123");

        HttpContext visit = await site.SendAsync("/?ref=AB123");

        SetCookieHeaderValue cookie = SetCookieHeaderValue.ParseList(visit.Response.Headers.SetCookie.ToArray()!).Single();
        Assert.Equal("ref_token", cookie.Name.ToString());
        Assert.Equal("shop.example", cookie.Domain.ToString());
    }

    [Fact]
    public async Task PageWithoutRef_IsUntouched()
    {
        await using TestSite site = await TestSite.StartAsync();
        using var counter = new ClickCounter(site.RegistryId);

        HttpContext visit = await site.SendAsync("/pricing?plan=pro");

        Assert.Equal(StatusCodes.Status200OK, visit.Response.StatusCode);
        Assert.Equal(0, visit.Response.Headers.SetCookie.Count);
        Assert.Equal(0, counter["Malformed"] + counter["Bot"] + counter["Recorded"]);
    }

    internal static SetCookieHeaderValue ReferralCookie(HttpContext visit, string name = "affiliates_ref") =>
        SetCookieHeaderValue.ParseList(visit.Response.Headers.SetCookie.ToArray()!).Single(c => c.Name == name);
}
