using Microsoft.Extensions.Options;

namespace Affiliates.Solana;

/// <summary>Checks every Solana option and reports all problems at once.</summary>
internal sealed class SolanaOptionsValidator : IValidateOptions<SolanaOptions>
{
    public ValidateOptionsResult Validate(string? name, SolanaOptions options)
    {
        var problems = new List<string>();
        if (options.RpcUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{nameof(SolanaOptions.RpcUrl)} must be an absolute http or https URL (was '{url}').");
        }

        if (options.Commitment is not (SolanaCommitment.Processed or SolanaCommitment.Confirmed or SolanaCommitment.Finalized))
        {
            problems.Add($"{nameof(SolanaOptions.Commitment)} must be Processed, Confirmed or Finalized (was {options.Commitment}).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{nameof(SolanaOptions.RequestTimeout)} must be above zero and at most 10 minutes (was {options.RequestTimeout}).");
        }

        if (options.ReadRetries is < 0 or > 10)
        {
            problems.Add($"{nameof(SolanaOptions.ReadRetries)} must be from 0 to 10 (was {options.ReadRetries}).");
        }

        if (options.Payer is not null && options.RpcUrl is null)
        {
            problems.Add($"{nameof(SolanaOptions.Payer)} is set but {nameof(SolanaOptions.RpcUrl)} is not: payouts need an RPC endpoint.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
