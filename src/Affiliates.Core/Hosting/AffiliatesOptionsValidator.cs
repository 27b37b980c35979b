using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Hosting;

/// <summary>Checks every option and reports all problems at once.</summary>
internal sealed class AffiliatesOptionsValidator : IValidateOptions<AffiliatesOptions>
{
    public ValidateOptionsResult Validate(string? name, AffiliatesOptions options)
    {
        var problems = new List<string>();
        if (options.MaxRequestLifetime <= Duration.Zero || options.MaxRequestLifetime > Duration.FromDays(366))
        {
            problems.Add($"{nameof(AffiliatesOptions.MaxRequestLifetime)} must be above zero and at most 366 days (was {options.MaxRequestLifetime}).");
        }

        if (options.IpHashSalt is null)
        {
            problems.Add($"{nameof(AffiliatesOptions.IpHashSalt)} must not be null.");
        }

        if (options.MaxEventsPerBatch is < 1 or > 1_000_000)
        {
            problems.Add($"{nameof(AffiliatesOptions.MaxEventsPerBatch)} must be from 1 to 1 000 000 (was {options.MaxEventsPerBatch}).");
        }

        if (options.DustAfterIdleEpochs is < 1)
        {
            problems.Add($"{nameof(AffiliatesOptions.DustAfterIdleEpochs)} must be at least 1 or null (was {options.DustAfterIdleEpochs}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
