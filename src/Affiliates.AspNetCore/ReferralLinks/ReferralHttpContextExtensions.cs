using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Affiliates.AspNetCore;

/// <summary>Reads the visitor's attribution token in pages and endpoints.</summary>
public static class ReferralHttpContextExtensions
{
    /// <summary>Tokens the engine issues are 32 hex characters; anything much longer is not one of ours.</summary>
    internal const int MaxTokenLength = 128;

    /// <summary>
    /// Returns the attribution token of a click recorded during this request, or else the one in the visitor's referral
    /// cookie, or <see langword="null"/>. The token is only a claim: the engine checks it (registry, window, code) on conversion.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    public static string? GetReferralToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<ReferralVisitFeature>() is { } visit)
        {
            return visit.Token;
        }

        ReferralLinkOptions options = context.RequestServices.GetRequiredService<IOptions<ReferralLinkOptions>>().Value;
        string? cookie = context.Request.Cookies[options.CookieName];
        return string.IsNullOrEmpty(cookie) || cookie.Length > MaxTokenLength ? null : cookie;
    }
}
