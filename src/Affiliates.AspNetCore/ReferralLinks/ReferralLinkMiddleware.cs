using Affiliates.Programs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Affiliates.AspNetCore;

/// <summary>Records a visit through a referral link and keeps its attribution token in a first-party cookie.</summary>
/// <remarks>
/// Nothing about the ref can break the page: bots, malformed or unknown refs, a slow store and a failing store all let
/// the request go on (without a cookie), and each is counted under its outcome.
/// </remarks>
internal sealed class ReferralLinkMiddleware(
    RequestDelegate next, IAffiliateProgram program, IOptions<ReferralLinkOptions> options, ILogger<ReferralLinkMiddleware> logger)
{
    /// <summary>User agents are stored for analytics; a longer one is cut here rather than stored whole.</summary>
    private const int MaxUserAgentLength = 512;

    private readonly ReferralLinkOptions options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Query.TryGetValue(options.QueryParameter, out StringValues values) || StringValues.IsNullOrEmpty(values))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await RecordAsync(context, values[0]).ConfigureAwait(false);
        if (options.RedirectWithoutParameter && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.Redirect(UrlWithoutParameter(context.Request));
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task RecordAsync(HttpContext context, string? reference)
    {
        string userAgent = context.Request.Headers.UserAgent.ToString();
        if (options.IsBot?.Invoke(context) ?? IsBotByMarkers(userAgent))
        {
            WebTelemetry.CountClick(options.RegistryId, "Bot");
            return;
        }

        reference = reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > options.MaxRefLength || reference.Any(char.IsControl))
        {
            WebTelemetry.CountClick(options.RegistryId, "Malformed");
            return;
        }

        var click = new ClickRequest(
            options.RegistryId, reference, context.Connection.RemoteIpAddress?.ToString(), userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.ClickTimeout);
        Task<ClickResult> recording = program.RecordClickAsync(click, timeout.Token).AsTask();
        try
        {
            // WaitAsync bounds the wait even when the store does not honour cancellation.
            ClickResult result = await recording.WaitAsync(options.ClickTimeout, context.RequestAborted).ConfigureAwait(false);
            if (result is { Outcome: ClickOutcome.Recorded, Token: { } token, ExpiresAt: { } expiresAt })
            {
                context.Response.Cookies.Append(options.CookieName, token, CookieOptions(expiresAt.ToDateTimeOffset()));
                context.Features.Set(new ReferralVisitFeature(token, result.Code));
            }

            WebTelemetry.CountClick(options.RegistryId, result.Outcome.ToString());
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Observe(recording);
            WebTelemetry.CountClick(options.RegistryId, "Aborted");
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Observe(recording);
            WebTelemetry.CountClick(options.RegistryId, "TimedOut");
            Log.ClickTimedOut(logger, options.RegistryId, options.ClickTimeout);
        }
#pragma warning disable CA1031 // The page must not fail because the referral store did; the failure is logged and counted.
        catch (Exception e)
#pragma warning restore CA1031
        {
            WebTelemetry.CountClick(options.RegistryId, "Failed");
            Log.ClickFailed(logger, options.RegistryId, e);
        }
    }

    private bool IsBotByMarkers(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return true;
        }

        foreach (string marker in options.BotMarkers)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private CookieOptions CookieOptions(DateTimeOffset expires) => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Domain = options.CookieDomain,
        Path = options.CookiePath,
        Expires = expires,
    };

    /// <summary>An absolute URL on the same host, so a path like <c>//elsewhere</c> cannot turn the redirect into an open one.</summary>
    private string UrlWithoutParameter(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query
            .Where(pair => !string.Equals(pair.Key, options.QueryParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty))));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    /// <summary>A click given up on may still fail later; its exception is observed so it is not reported as unobserved.</summary>
    private static void Observe(Task task) =>
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
