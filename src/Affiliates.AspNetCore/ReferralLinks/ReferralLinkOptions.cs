using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Affiliates.AspNetCore;

/// <summary>How referral links are read, recorded and remembered, and how the endpoints find the signed-in user.</summary>
public sealed class ReferralLinkOptions
{
    /// <summary>The user-agent fragments (compared ignoring case) that mark a visitor as a bot by default.</summary>
    public static readonly IReadOnlyList<string> DefaultBotMarkers =
    [
        "bot", "crawl", "spider", "slurp", "facebookexternalhit", "embedly", "preview", "curl/", "wget/", "python-requests", "go-http-client", "okhttp",
    ];

    /// <summary>Gets or sets the registry whose codes the links carry. Required.</summary>
    public string RegistryId { get; set; } = string.Empty;

    /// <summary>Gets or sets the query parameter that carries the code or the referrer's wallet address. Default <c>ref</c>.</summary>
    public string QueryParameter { get; set; } = "ref";

    /// <summary>Gets or sets the name of the first-party cookie that keeps the attribution token. Default <c>affiliates_ref</c>.</summary>
    public string CookieName { get; set; } = "affiliates_ref";

    /// <summary>
    /// Gets or sets the cookie's domain, e.g. <c>example.com</c> to share it with every sub-domain; <see langword="null"/>
    /// (the default) keeps it on the host that served the link.
    /// </summary>
    public string? CookieDomain { get; set; }

    /// <summary>Gets or sets the cookie's path. Default <c>/</c>.</summary>
    public string CookiePath { get; set; } = "/";

    /// <summary>
    /// Gets or sets whether a GET or HEAD request carrying the parameter is answered with a redirect to the same URL
    /// without it (the cookie travels on the redirect), so that links are not shared on with the code. Default off.
    /// </summary>
    public bool RedirectWithoutParameter { get; set; }

    /// <summary>Gets or sets the longest ref value looked up; longer values are ignored without touching the store. Default 128.</summary>
    public int MaxRefLength { get; set; } = 128;

    /// <summary>
    /// Gets or sets how long the page waits for the click to be recorded. When the store takes longer the page goes on
    /// without a cookie and the click is dropped and counted (<c>affiliates.web.clicks</c>, outcome <c>TimedOut</c>).
    /// Default 250 ms.
    /// </summary>
    public TimeSpan ClickTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the user-agent fragments that mark a bot, compared ignoring case; an empty user agent is a bot too. Starts as <see cref="DefaultBotMarkers"/>.</summary>
    public IList<string> BotMarkers { get; } = [.. DefaultBotMarkers];

    /// <summary>Gets or sets a rule that replaces <see cref="BotMarkers"/>: bots' clicks are neither recorded nor given a cookie.</summary>
    public Func<HttpContext, bool>? IsBot { get; set; }

    /// <summary>
    /// Gets or sets how the endpoints find the signed-in user's address; the default reads the
    /// <see cref="ClaimTypes.NameIdentifier"/> claim of an authenticated user. <see langword="null"/> means not signed in.
    /// </summary>
    public Func<HttpContext, string?> UserAddress { get; set; } = DefaultUserAddress;

    private static string? DefaultUserAddress(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
