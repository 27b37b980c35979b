using Affiliates.Programs;
using Affiliates.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.AspNetCore;

/// <summary>The handlers behind <see cref="AffiliatesEndpointRouteBuilderExtensions.MapAffiliates"/>.</summary>
internal static class AffiliateEndpoints
{
    /// <summary>Longer than any code rule allows; such a route value is refused before the store is asked.</summary>
    private const int MaxCodeLength = 64;

    public static async Task<Results<Ok<ConversionResponse>, UnauthorizedHttpResult, Conflict<string>>> ConvertAsync(
        HttpContext context, ConversionBody? body, IAffiliateProgram program, IOptions<ReferralLinkOptions> options, ILogger<ReferralLinkOptions> logger)
    {
        ReferralLinkOptions settings = options.Value;
        string? user = settings.UserAddress(context);
        if (string.IsNullOrEmpty(user))
        {
            return TypedResults.Unauthorized();
        }

        string? token = context.GetReferralToken();
        BindResult result;
        try
        {
            result = await program.ConvertAsync(new ConversionRequest(settings.RegistryId, user, token, body?.Code), context.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.BindingChanged)
        {
            Log.ConversionConflicted(logger, settings.RegistryId);
            return TypedResults.Conflict("other writers kept changing this user's binding; send the conversion again");
        }

        // Once the engine has decided on the click, the cookie has done its work (or can never do it).
        if (token is not null && result.Outcome is not (BindOutcome.UnknownRegistry or BindOutcome.NoReferral))
        {
            context.Response.Cookies.Delete(settings.CookieName, new CookieOptions { Domain = settings.CookieDomain, Path = settings.CookiePath, Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }

        return TypedResults.Ok(new ConversionResponse(result.Outcome, result.Binding?.Code, result.IsBound));
    }

    public static async Task<Results<Ok<PartnerProfileResponse>, NotFound>> ReferralAsync(
        HttpContext context, IAffiliateStore store, IClock clock, IOptions<ReferralLinkOptions> options)
    {
        string registryId = options.Value.RegistryId;
        if (context.GetReferralToken() is not { } token
            || await store.GetClickAsync(token, context.RequestAborted).ConfigureAwait(false) is not { } click
            || click.RegistryId != registryId
            || clock.GetCurrentInstant() >= click.ExpiresAt)
        {
            return TypedResults.NotFound();
        }

        PartnerCode? code = await store.GetCodeAsync(registryId, click.Code, context.RequestAborted).ConfigureAwait(false);
        return code is { Status: CodeStatus.Active } && code.Generation == click.CodeGeneration
            ? TypedResults.Ok(Profile(code))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<PartnerProfileResponse>, NotFound>> ProfileAsync(
        string code, HttpContext context, IAffiliateStore store, IOptions<ReferralLinkOptions> options)
    {
        if (code.Length > MaxCodeLength)
        {
            return TypedResults.NotFound();
        }

        PartnerCode? found = await store.GetCodeAsync(options.Value.RegistryId, code.ToUpperInvariant(), context.RequestAborted).ConfigureAwait(false);
        return found is { Status: CodeStatus.Active } ? TypedResults.Ok(Profile(found)) : TypedResults.NotFound();
    }

    private static PartnerProfileResponse Profile(PartnerCode code) => new(code.Code, null, null, null);
}
