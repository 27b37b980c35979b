using Microsoft.Extensions.Options;

namespace Affiliates.AspNetCore;

/// <summary>Checks every referral-link option and reports all problems at once.</summary>
internal sealed class ReferralLinkOptionsValidator : IValidateOptions<ReferralLinkOptions>
{
    private static readonly TimeSpan LongestClickTimeout = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, ReferralLinkOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RegistryId))
        {
            problems.Add($"{nameof(ReferralLinkOptions.RegistryId)} is required.");
        }

        if (string.IsNullOrWhiteSpace(options.QueryParameter))
        {
            problems.Add($"{nameof(ReferralLinkOptions.QueryParameter)} is required.");
        }

        if (string.IsNullOrEmpty(options.CookieName) || !options.CookieName.All(IsCookieNameChar))
        {
            problems.Add($"{nameof(ReferralLinkOptions.CookieName)} must be letters, digits, '_', '-' or '.' (was '{options.CookieName}').");
        }

        if (options.CookiePath is null || !options.CookiePath.StartsWith('/'))
        {
            problems.Add($"{nameof(ReferralLinkOptions.CookiePath)} must start with '/' (was '{options.CookiePath}').");
        }

        if (options.CookieDomain is { } domain && (domain.Length == 0 || domain.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '/')))
        {
            problems.Add($"{nameof(ReferralLinkOptions.CookieDomain)} must be a host name or null (was '{domain}').");
        }

        if (options.MaxRefLength is < 1 or > 4096)
        {
            problems.Add($"{nameof(ReferralLinkOptions.MaxRefLength)} must be from 1 to 4096 (was {options.MaxRefLength}).");
        }

        if (options.ClickTimeout <= TimeSpan.Zero || options.ClickTimeout > LongestClickTimeout)
        {
            problems.Add($"{nameof(ReferralLinkOptions.ClickTimeout)} must be above zero and at most {LongestClickTimeout} (was {options.ClickTimeout}).");
        }

        if (options.BotMarkers.Any(string.IsNullOrEmpty))
        {
            problems.Add($"{nameof(ReferralLinkOptions.BotMarkers)} must not contain empty markers (an empty marker matches every visitor).");
        }

        if (options.UserAddress is null)
        {
            problems.Add($"{nameof(ReferralLinkOptions.UserAddress)} is required.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsCookieNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
}
