using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Sqlite;
using Affiliates.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.AspNetCore.Tests;

/// <summary>
/// A small shop on the referral-link middleware and the affiliates endpoints: in process on a TestServer, or on
/// Kestrel at a random port for the browser. Users sign in with a form (cookie authentication) or, for API tests,
/// with an <c>X-User</c> header.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    public const string Admin = "admin-wallet";
    public const string Salt = "test-salt";
    public const string UserHeader = "X-User";

    private static int sites;
    private int nonce;

    private TestSite(WebApplication app, FakeClock clock, string registryId)
    {
        RegistryId = registryId;
        App = app;
        Clock = clock;
        Program = app.Services.GetRequiredService<IAffiliateProgram>();
        Store = app.Services.GetRequiredService<IAffiliateStore>();
    }

    /// <summary>Gets the site's registry: one per site, so metrics of parallel tests do not mix.</summary>
    public string RegistryId { get; }

    public WebApplication App { get; }

    public FakeClock Clock { get; }

    public IAffiliateProgram Program { get; }

    public IAffiliateStore Store { get; }

    /// <summary>Gets the Kestrel address (http://127.0.0.1:port) when the site runs on Kestrel.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Gets the in-process server when the site runs on a TestServer.</summary>
    public TestServer Server => App.GetTestServer();

    /// <summary>Revenue-share terms in plain USD units: 20 % commission, monthly epochs, 30-day window.</summary>
    public static ProgramTerms Terms => ProgramTermsDefaults.RevenueShare(Asset.Usd, Rate.FromPercent(20)) with { Epochs = EpochCadence.Monthly };

    public static async Task<TestSite> StartAsync(
        Action<ReferralLinkOptions>? configure = null,
        Func<IAffiliateStore, IAffiliateStore>? wrapStore = null,
        bool kestrel = false,
        string? sqlitePath = null,
        ProgramTerms? terms = null,
        Instant? start = null)
    {
        string registryId = $"shop{Interlocked.Increment(ref sites)}";
        var clock = new FakeClock(start ?? Instant.FromUtc(2026, 11, 2, 9, 0));
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        IAffiliateStore store = sqlitePath is null
            ? new ServiceCollection().AddAffiliates().Services.BuildServiceProvider().GetRequiredService<IAffiliateStore>()
            : new SqliteAffiliateStore(new SqliteStoreOptions { FilePath = sqlitePath });
        builder.Services.AddSingleton(wrapStore is null ? store : wrapStore(store));
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddSingleton<ISignatureVerifier, HmacSignatureVerifier>();
        builder.Services.AddAffiliates(options => options.IpHashSalt = Salt)
            .AddReferralLinks(options =>
            {
                options.RegistryId = registryId;
                configure?.Invoke(options);
            });
        builder.Services.AddAuthentication("Site")
            .AddPolicyScheme("Site", "header or cookie", options => options.ForwardDefaultSelector =
                context => context.Request.Headers.ContainsKey(UserHeader) ? UserHeader : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(UserHeader, null)
            .AddCookie();
        builder.Services.AddAuthorization();

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseReferralLinks();
        app.MapAffiliates();
        MapPages(app);
        await app.StartAsync();

        var site = new TestSite(app, clock, registryId);
        if (kestrel)
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            site.Address = new Uri(address);
        }

        RegistryResult created = await site.Program.CreateRegistryAsync(new NewRegistry(registryId, "Shop", Admin, terms ?? Terms));
        Assert.Equal(ChangeOutcome.Applied, created.Outcome);
        return site;
    }

    public SignedRequest Sign(string signer, ProgramChange change)
    {
        string usedNonce = $"n{Interlocked.Increment(ref nonce)}";
        Instant expires = Clock.GetCurrentInstant() + Duration.FromMinutes(10);
        string message = SignedRequest.MessageFor(RegistryId, signer, change, usedNonce, expires);
        return new SignedRequest(RegistryId, signer, change, usedNonce, expires, HmacSignatureVerifier.Sign(signer, message));
    }

    public async Task CreateCodeAsync(string owner, string code)
    {
        ChangeResult result = await Program.ApplyAsync(Sign(owner, new CreateCode(code, string.Empty, "pay-" + owner, Rate.Zero, Rate.Zero)));
        Assert.Equal(ChangeOutcome.Applied, result.Outcome);
    }

    public async Task PayAsync(string id, string user, long dollars)
    {
        IngestResult result = Assert.Single(await Program.IngestAsync(
            [new ProgramEvent(RegistryId, id, EventKind.SubscriptionPayment, Clock.GetCurrentInstant(), user, Amount.FromUnits(dollars), Amount.Zero)]));
        Assert.Equal(IngestStatus.Recorded, result.Status);
    }

    /// <summary>Sends a request through the TestServer, from <paramref name="ip"/>, with a browser's user agent unless told otherwise.</summary>
    public async Task<HttpContext> SendAsync(string pathAndQuery, string? cookie = null, string? user = null, string? userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0", string method = "GET", string? ip = "203.0.113.9")
    {
        return await Server.SendAsync(context =>
        {
            context.Request.Method = method;
            int question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
            context.Request.Path = question < 0 ? pathAndQuery : pathAndQuery[..question];
            context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(pathAndQuery[question..]);
            context.Request.Scheme = "https";
            context.Request.Host = new HostString("shop.example");
            context.Connection.RemoteIpAddress = ip is null ? null : IPAddress.Parse(ip);
            if (userAgent is not null)
            {
                context.Request.Headers.UserAgent = userAgent;
            }

            if (cookie is not null)
            {
                context.Request.Headers.Cookie = cookie;
            }

            if (user is not null)
            {
                context.Request.Headers[UserHeader] = user;
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(Page("Shop", LandingBody), "text/html"));
        app.MapGet("/pricing", () => Results.Content(Page("Pricing", "<h1>Pricing</h1>"), "text/html"));
        app.MapPost("/signup", async (HttpContext context) =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            string wallet = form["wallet"].ToString();
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, wallet)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect("/welcome");
        });
        app.MapGet("/welcome", () => Results.Content(Page("Welcome", WelcomeBody), "text/html"));
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>";

    // The banner is filled from the referral endpoint, which reads the HttpOnly cookie the page itself cannot see.
    private const string LandingBody = """
        <div id="banner" hidden><img id="logo" alt=""><strong id="partner"></strong><p id="welcome"></p></div>
        <h1>Shop</h1>
        <form method="post" action="/signup"><input id="wallet" name="wallet"><button id="signup">Sign up</button></form>
        <script>
          fetch('/affiliates/referral').then(r => r.ok ? r.json() : null).then(p => {
            if (!p) { document.body.dataset.banner = 'none'; return; }
            document.getElementById('partner').textContent = p.displayName ?? p.code;
            document.getElementById('welcome').textContent = p.welcomeMessage ?? '';
            if (p.logoUrl) { document.getElementById('logo').src = p.logoUrl; }
            document.getElementById('banner').hidden = false;
            document.body.dataset.banner = 'shown';
          });
        </script>
        """;

    private const string WelcomeBody = """
        <h1>Welcome</h1><p>Referral: <span id="outcome">…</span> <span id="code"></span></p>
        <script>
          fetch('/affiliates/conversions', { method: 'POST' }).then(r => r.json()).then(c => {
            document.getElementById('code').textContent = c.code ?? '';
            document.getElementById('outcome').textContent = c.outcome;
          });
        </script>
        """;

    /// <summary>Authenticates whoever the <c>X-User</c> header names: API tests' stand-in for the host's sign-in.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string user = Request.Headers[UserHeader].ToString();
            if (string.IsNullOrEmpty(user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], UserHeader);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), UserHeader)));
        }
    }
}
