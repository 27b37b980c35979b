using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Evm;

/// <summary>Checks every EVM option and reports all problems at once.</summary>
internal sealed class EvmOptionsValidator : IValidateOptions<EvmOptions>
{
    public ValidateOptionsResult Validate(string? name, EvmOptions options)
    {
        var problems = new List<string>();
        if (options.ChainId <= 0)
        {
            problems.Add($"{nameof(EvmOptions.ChainId)} must be set to the chain's id, above zero (was {options.ChainId}).");
        }

        if (options.RpcUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{nameof(EvmOptions.RpcUrl)} must be an absolute http or https URL (was {url}).");
        }

        if (options.Signer is not null && options.RpcUrl is null)
        {
            problems.Add($"{nameof(EvmOptions.RpcUrl)} must be set when a {nameof(EvmOptions.Signer)} is, to pay through it.");
        }

        if (options.Signer is { } signer && !EvmAddressCodec.Instance.Parse(signer.Address).IsValid)
        {
            problems.Add($"{nameof(EvmOptions.Signer)}.Address must be an EVM address (was '{signer.Address}').");
        }

        if (string.IsNullOrWhiteSpace(options.Chain))
        {
            problems.Add($"{nameof(EvmOptions.Chain)} must name the chain of the assets paid (for example \"{Chains.Ethereum}\").");
        }

        for (int i = 0; i < options.TokenContracts.Count; i++)
        {
            if (EvmAddressCodec.Instance.Parse(options.TokenContracts[i]) is { IsValid: false } bad)
            {
                problems.Add($"{nameof(EvmOptions.TokenContracts)}[{i}] is not an EVM address: {bad.Detail}.");
            }
        }

        if (options.Confirmations is < 1 or > 1000)
        {
            problems.Add($"{nameof(EvmOptions.Confirmations)} must be from 1 to 1000 (was {options.Confirmations}).");
        }

        if (options.MaxFeePerGas <= 0)
        {
            problems.Add($"{nameof(EvmOptions.MaxFeePerGas)} must be above zero wei (was {options.MaxFeePerGas}).");
        }

        if (options.PriorityFeePercentile is < 0 or > 100)
        {
            problems.Add($"{nameof(EvmOptions.PriorityFeePercentile)} must be from 0 to 100 (was {options.PriorityFeePercentile}).");
        }

        if (options.ReplaceAfter <= Duration.Zero)
        {
            problems.Add($"{nameof(EvmOptions.ReplaceAfter)} must be above zero (was {options.ReplaceAfter}).");
        }

        if (options.PollInterval <= Duration.Zero)
        {
            problems.Add($"{nameof(EvmOptions.PollInterval)} must be above zero (was {options.PollInterval}).");
        }

        if (options.FeeBumpPercent is < 10 or > 1000)
        {
            problems.Add($"{nameof(EvmOptions.FeeBumpPercent)} must be from 10 to 1000 (was {options.FeeBumpPercent}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
