using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Affiliates.AspNetCore;

/// <summary>Maps the affiliates endpoints (minimal APIs) under one prefix.</summary>
public static class AffiliatesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <c>POST conversions</c> (bind the signed-in user from the referral cookie or a typed code),
    /// <c>GET referral</c> (the public profile of the code the visitor's cookie came from) and
    /// <c>GET partners/{code}</c> (a code's public profile).
    /// </summary>
    /// <remarks>
    /// The signed-in user is whoever <see cref="ReferralLinkOptions.UserAddress"/> says; the host's authentication
    /// decides who that is. Answers are JSON; amounts are strings of base units.
    /// </remarks>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">The route prefix. Default <c>/affiliates</c>.</param>
    /// <returns>The route group, for the host's own conventions (authorization, rate limits, CORS).</returns>
    public static RouteGroupBuilder MapAffiliates(this IEndpointRouteBuilder endpoints, string prefix = "/affiliates")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder group = endpoints.MapGroup(prefix);
        group.MapPost("/conversions", AffiliateEndpoints.ConvertAsync);
        group.MapGet("/referral", AffiliateEndpoints.ReferralAsync);
        group.MapGet("/partners/{code}", AffiliateEndpoints.ProfileAsync);
        return group;
    }
}
