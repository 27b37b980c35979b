namespace Affiliates.Chainflip.Rpc;

/// <summary>An opened swap deposit channel.</summary>
/// <param name="Address">The deposit address on the source chain.</param>
/// <param name="IssuedBlock">The state-chain block the channel was opened in.</param>
/// <param name="ChannelId">The channel id.</param>
/// <param name="SourceChainExpiryBlock">The source-chain block after which the channel no longer credits deposits.</param>
/// <param name="ChannelOpeningFee">The FLIP fee taken from the broker, in base units.</param>
public sealed record DepositChannel(string Address, long IssuedBlock, ulong ChannelId, ulong SourceChainExpiryBlock, Amount ChannelOpeningFee);
