namespace Affiliates.Chainflip.Rpc;

/// <summary>A withdrawal the node scheduled (<c>broker_affiliate_withdrawal_request</c>, <c>broker_withdraw_fees</c>): the whole balance, less the egress fee.</summary>
/// <param name="TxHash">The state-chain extrinsic hash.</param>
/// <param name="EgressChain">The chain the funds leave on ("Ethereum").</param>
/// <param name="EgressId">The egress id on that chain.</param>
/// <param name="EgressAmount">What arrives, in base units (micro-USDC for affiliates).</param>
/// <param name="EgressFee">The fee withheld, in the same units.</param>
/// <param name="DestinationAddress">The address the funds go to.</param>
public sealed record Withdrawal(string TxHash, string EgressChain, ulong EgressId, Amount EgressAmount, Amount EgressFee, string DestinationAddress);
