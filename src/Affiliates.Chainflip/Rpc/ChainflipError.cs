namespace Affiliates.Chainflip.Rpc;

/// <summary>What went wrong with a Chainflip JSON-RPC call, by the name the chain gives it.</summary>
public enum ChainflipError
{
    /// <summary>Not set; never reported.</summary>
    Unknown = 0,

    /// <summary>JSON-RPC -32601: the node has no broker key loaded (so it serves no <c>broker_*</c> method), or the endpoint is wrong.</summary>
    MethodNotFound,

    /// <summary>JSON-RPC -32602: the node could not decode the parameters (bad SS58, unknown asset, more than five affiliates, a missing required field).</summary>
    InvalidParams,

    /// <summary><c>BrokerCommissionBpsTooHigh</c>: broker and affiliates together above 1 000 bps.</summary>
    BrokerCommissionTooHigh,

    /// <summary>"Broker commission is too low": a vault swap below the broker's own minimum.</summary>
    BrokerCommissionTooLow,

    /// <summary><c>AffiliateNotRegisteredForBroker</c>: the affiliate is not this broker's.</summary>
    AffiliateNotRegisteredForBroker,

    /// <summary><c>AffiliateShortIdOutOfBounds</c>: all 256 short ids are taken.</summary>
    AffiliateShortIdOutOfBounds,

    /// <summary><c>AffiliateFeeTooHigh</c>: a vault-swap affiliate above 255 bps.</summary>
    AffiliateFeeTooHigh,

    /// <summary><c>BrokerFeeTooHigh</c>: a Bitcoin vault-swap broker fee above 255 bps.</summary>
    BrokerFeeTooHigh,

    /// <summary><c>AffiliateEarnedFeesNotWithdrawn</c>: an affiliate with a balance cannot be deregistered.</summary>
    AffiliateEarnedFeesNotWithdrawn,

    /// <summary><c>NoFundsAvailable</c>: the balance to withdraw is zero.</summary>
    NoFundsAvailable,

    /// <summary><c>BelowEgressDustLimit</c>: what is left after the egress fee is below the chain's dust limit.</summary>
    BelowEgressDustLimit,

    /// <summary><c>WithdrawalsDisabled</c>: safe mode has switched withdrawals off.</summary>
    WithdrawalsDisabled,

    /// <summary><c>DestinationNotAllowed</c>: the destination is not the broker's bound or whitelisted address.</summary>
    DestinationNotAllowed,

    /// <summary><c>InvalidDestinationAddress</c> or <c>IncompatibleAssetAndAddress</c>: the address does not fit the asset's chain.</summary>
    InvalidDestinationAddress,

    /// <summary><c>InvalidRefundAddress</c>: the refund address does not fit the source chain.</summary>
    InvalidRefundAddress,

    /// <summary><c>RetryDurationTooHigh</c>: the refund retry duration is above the chain's maximum.</summary>
    RetryDurationTooHigh,

    /// <summary><c>NoPrivateChannelExistsForBroker</c>: a Bitcoin vault swap needs the broker's private channel open.</summary>
    NoPrivateChannelExistsForBroker,

    /// <summary><c>BrokerAlreadyBound</c>: the broker's fee withdrawal address was bound before.</summary>
    BrokerAlreadyBound,

    /// <summary><c>BadOrigin</c>: the signing account is not a registered broker.</summary>
    NotABroker,

    /// <summary>Another dispatch or runtime error (-32020 to -32026); <see cref="ChainflipRpcException.ErrorName"/> carries the chain's name when there is one.</summary>
    ChainError,

    /// <summary>JSON-RPC -32603 or another server error.</summary>
    ServerError,

    /// <summary>The node answered with a result this client cannot read (wrong shape, a decimal string where hex is due, an amount that does not fit).</summary>
    MalformedResponse,

    /// <summary>The call took longer than its timeout. A write may still have executed.</summary>
    Timeout,

    /// <summary>The WebSocket closed or the node broke the protocol before answering. A write may still have executed.</summary>
    ConnectionLost,
}
