using System.Text;
using System.Text.Json;
using Affiliates.Programs;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Affiliates.AspNetCore.Tests;

public sealed class ConversionEndpointTests
{
    private const string Alice = "alice-wallet";
    private const string Bob = "bob-wallet";

    [Fact]
    public async Task SignedInUser_IsBoundFromTheCookie_AndTheCookieIsCleared()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        string cookie = await ClickAsync(site, "AB123");

        HttpContext conversion = await site.SendAsync("/affiliates/conversions", cookie, user: "carol-wallet", method: "POST");

        JsonElement body = await JsonAsync(conversion);
        Assert.Equal(StatusCodes.Status200OK, conversion.Response.StatusCode);
        Assert.Equal("Bound", body.GetProperty("outcome").GetString());
        Assert.Equal("AB123", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("isBound").GetBoolean());
        Assert.Equal("AB123", (await site.Store.GetBindingAsync(site.RegistryId, "carol-wallet", Binding.AccountScope))!.Code);
        SetCookieHeaderValue cleared = ReferralLinkMiddlewareTests.ReferralCookie(conversion);
        Assert.True(cleared.Expires < DateTimeOffset.UnixEpoch.AddYears(1));
    }

    [Fact]
    public async Task AnonymousVisitor_IsRefused()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        string cookie = await ClickAsync(site, "AB123");

        HttpContext conversion = await site.SendAsync("/affiliates/conversions", cookie, method: "POST");

        Assert.Equal(StatusCodes.Status401Unauthorized, conversion.Response.StatusCode);
    }

    [Fact]
    public async Task TypedCode_WinsOverTheCookie()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        await site.CreateCodeAsync(Bob, "BOB77");
        string cookie = await ClickAsync(site, "AB123");

        using HttpClient client = site.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/affiliates/conversions")
        {
            Content = new StringContent("""{"code":"bob77"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add(TestSite.UserHeader, "carol-wallet");
        using HttpResponseMessage response = await client.SendAsync(request);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("BOB77", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExpiredCookieToken_IsReportedAsExpired_AndBindsNobody()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        string cookie = await ClickAsync(site, "AB123");
        site.Clock.Advance(Duration.FromDays(30));

        HttpContext conversion = await site.SendAsync("/affiliates/conversions", cookie, user: "carol-wallet", method: "POST");

        Assert.Equal("TokenExpired", (await JsonAsync(conversion)).GetProperty("outcome").GetString());
        Assert.Null(await site.Store.GetBindingAsync(site.RegistryId, "carol-wallet", Binding.AccountScope));
    }

    [Theory]
    [InlineData("affiliates_ref=forged-token")]
    [InlineData("affiliates_ref=")]
    [InlineData("")]
    public async Task ForgedOrMissingCookie_GivesAnExplicitOutcome(string cookie)
    {
        await using TestSite site = await TestSite.StartAsync();

        HttpContext conversion = await site.SendAsync("/affiliates/conversions", cookie, user: "carol-wallet", method: "POST");

        Assert.Equal(StatusCodes.Status200OK, conversion.Response.StatusCode);
        string outcome = (await JsonAsync(conversion)).GetProperty("outcome").GetString()!;
        Assert.Contains(outcome, new[] { "UnknownToken", "NoReferral" });
    }

    [Fact]
    public async Task ReferralEndpoint_NamesTheCookiesCode_AndNothingForStrangers()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        string cookie = await ClickAsync(site, "AB123");

        HttpContext referral = await site.SendAsync("/affiliates/referral", cookie);
        HttpContext stranger = await site.SendAsync("/affiliates/referral");

        Assert.Equal("AB123", (await JsonAsync(referral)).GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status404NotFound, stranger.Response.StatusCode);
    }

    [Fact]
    public async Task ReferralEndpoint_ForAClickOfARetiredCode_IsNotFound()
    {
        await using TestSite site = await TestSite.StartAsync();
        await site.CreateCodeAsync(Alice, "AB123");
        string cookie = await ClickAsync(site, "AB123");
        Assert.True((await site.Program.ApplyAsync(site.Sign(Alice, new RetireCode("AB123")))).IsApplied);

        HttpContext referral = await site.SendAsync("/affiliates/referral", cookie);

        Assert.Equal(StatusCodes.Status404NotFound, referral.Response.StatusCode);
    }

    internal static async Task<string> ClickAsync(TestSite site, string reference)
    {
        HttpContext visit = await site.SendAsync("/?ref=" + reference);
        SetCookieHeaderValue cookie = ReferralLinkMiddlewareTests.ReferralCookie(visit);
        return $"{cookie.Name}={cookie.Value}";
    }

    internal static async Task<JsonElement> JsonAsync(HttpContext context)
    {
        using JsonDocument document = await JsonDocument.ParseAsync(context.Response.Body);
        return document.RootElement.Clone();
    }
}
