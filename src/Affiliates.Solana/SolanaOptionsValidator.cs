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

        if (string.IsNullOrWhiteSpace(options.RailName) || options.RailName.Length > 64)
        {
            problems.Add($"{nameof(SolanaOptions.RailName)} must be 1 to 64 characters (was '{options.RailName}').");
        }

        if (options.MaxPayoutsPerTransaction is < 1 or > SolanaOptions.MaxPayoutsPerTransactionLimit)
        {
            problems.Add($"{nameof(SolanaOptions.MaxPayoutsPerTransaction)} must be from 1 to {SolanaOptions.MaxPayoutsPerTransactionLimit} (was {options.MaxPayoutsPerTransaction}).");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{nameof(SolanaOptions.PollInterval)} must be above zero and at most 10 minutes (was {options.PollInterval}).");
        }

        if (options.Payer is not null && options.RpcUrl is null)
        {
            problems.Add($"{nameof(SolanaOptions.Payer)} is set but {nameof(SolanaOptions.RpcUrl)} is not: payouts need an RPC endpoint.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
