using Affiliates.Chainflip.Accounts;
using Microsoft.Extensions.Options;

namespace Affiliates.Chainflip;

/// <summary>Checks every Chainflip broker option and reports all problems at once.</summary>
internal sealed class ChainflipBrokerOptionsValidator : IValidateOptions<ChainflipBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, ChainflipBrokerOptions options)
    {
        var problems = new List<string>();
        if (options.RpcUrl is null)
        {
            problems.Add($"{nameof(ChainflipBrokerOptions.RpcUrl)} is required (the broker node's ws:// or wss:// endpoint).");
        }
        else if (!options.RpcUrl.IsAbsoluteUri || (options.RpcUrl.Scheme != "ws" && options.RpcUrl.Scheme != "wss"))
        {
            problems.Add($"{nameof(ChainflipBrokerOptions.RpcUrl)} must be an absolute ws or wss URL (was '{options.RpcUrl}').");
        }

        if (string.IsNullOrWhiteSpace(options.BrokerAccountId))
        {
            problems.Add($"{nameof(ChainflipBrokerOptions.BrokerAccountId)} is required (the broker's cF… account id).");
        }
        else if (!ChainflipAccountId.TryParse(options.BrokerAccountId, out _))
        {
            problems.Add($"{nameof(ChainflipBrokerOptions.BrokerAccountId)} '{options.BrokerAccountId}' is not a Chainflip account id (SS58, prefix 2112).");
        }

        Positive(problems, nameof(ChainflipBrokerOptions.ReadTimeout), options.ReadTimeout, TimeSpan.FromMinutes(10));
        Positive(problems, nameof(ChainflipBrokerOptions.WriteTimeout), options.WriteTimeout, TimeSpan.FromMinutes(30));
        Positive(problems, nameof(ChainflipBrokerOptions.ConnectTimeout), options.ConnectTimeout, TimeSpan.FromMinutes(5));
        Positive(problems, nameof(ChainflipBrokerOptions.RegistrationPollInterval), options.RegistrationPollInterval, TimeSpan.FromMinutes(5));
        Positive(problems, nameof(ChainflipBrokerOptions.RegistrationWait), options.RegistrationWait, TimeSpan.FromHours(1));
        if (options.ReadRetries is < 0 or > 10)
        {
            problems.Add($"{nameof(ChainflipBrokerOptions.ReadRetries)} must be from 0 to 10 (was {options.ReadRetries}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Positive(List<string> problems, string name, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            problems.Add($"{name} must be above zero and at most {max} (was {value}).");
        }
    }
}
