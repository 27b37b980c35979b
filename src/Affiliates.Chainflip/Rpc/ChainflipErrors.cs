using System.Text.RegularExpressions;

namespace Affiliates.Chainflip.Rpc;

/// <summary>Maps a node's error object to a <see cref="ChainflipError"/> by the chain's error name, since the text around it differs between the node and the standalone broker API.</summary>
internal static partial class ChainflipErrors
{
    private static readonly (string Name, ChainflipError Error)[] Names =
    [
        ("BrokerCommissionBpsTooHigh", ChainflipError.BrokerCommissionTooHigh),
        ("AffiliateNotRegisteredForBroker", ChainflipError.AffiliateNotRegisteredForBroker),
        ("AffiliateShortIdOutOfBounds", ChainflipError.AffiliateShortIdOutOfBounds),
        ("AffiliateFeeTooHigh", ChainflipError.AffiliateFeeTooHigh),
        ("BrokerFeeTooHigh", ChainflipError.BrokerFeeTooHigh),
        ("AffiliateEarnedFeesNotWithdrawn", ChainflipError.AffiliateEarnedFeesNotWithdrawn),
        ("NoFundsAvailable", ChainflipError.NoFundsAvailable),
        ("BelowEgressDustLimit", ChainflipError.BelowEgressDustLimit),
        ("WithdrawalsDisabled", ChainflipError.WithdrawalsDisabled),
        ("DestinationNotAllowed", ChainflipError.DestinationNotAllowed),
        ("InvalidDestinationAddress", ChainflipError.InvalidDestinationAddress),
        ("IncompatibleAssetAndAddress", ChainflipError.InvalidDestinationAddress),
        ("InvalidRefundAddress", ChainflipError.InvalidRefundAddress),
        ("RetryDurationTooHigh", ChainflipError.RetryDurationTooHigh),
        ("NoPrivateChannelExistsForBroker", ChainflipError.NoPrivateChannelExistsForBroker),
        ("BrokerAlreadyBound", ChainflipError.BrokerAlreadyBound),
        ("BadOrigin", ChainflipError.NotABroker),
    ];

    public static (ChainflipError Error, string? Name) Classify(int code, string message, string? data)
    {
        switch (code)
        {
            case -32601:
                return (ChainflipError.MethodNotFound, null);
            case -32602:
                return (ChainflipError.InvalidParams, null);
        }

        string text = data is null ? message : message + " " + data;
        if (text.Contains("Broker commission is too low", StringComparison.OrdinalIgnoreCase))
        {
            return (ChainflipError.BrokerCommissionTooLow, "Broker commission is too low");
        }

        foreach ((string name, ChainflipError error) in Names)
        {
            if (Regex.IsMatch(text, $@"\b{name}\b", RegexOptions.CultureInvariant))
            {
                return (error, name);
            }
        }

        // -32024 KnownModuleError { name: "X" }, -32021 "DispatchError: X", the standalone API's "Module error 'X'".
        Match named = ErrorName().Match(text);
        string? other = named.Success ? named.Groups["name"].Value : null;
        return code is <= -32020 and >= -32026 ? (ChainflipError.ChainError, other) : (ChainflipError.ServerError, other);
    }

    [GeneratedRegex("""(?:name:\s*"|DispatchError:\s*|Module error\s*['‘’"]?)(?<name>[A-Za-z][A-Za-z0-9_]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorName();
}
