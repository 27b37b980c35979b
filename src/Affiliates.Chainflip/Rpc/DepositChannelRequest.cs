using Affiliates.Fees;

namespace Affiliates.Chainflip.Rpc;

/// <summary>A swap deposit channel to open (<c>broker_request_swap_deposit_address</c>), or the same parameters for <c>broker_encode_cf_parameters</c>.</summary>
/// <param name="Source">The asset the user deposits.</param>
/// <param name="Destination">The asset the user receives.</param>
/// <param name="DestinationAddress">Where the output goes, an address on the destination chain.</param>
/// <param name="Beneficiaries">The broker's commission and up to five affiliates, already checked against Chainflip's limits.</param>
/// <param name="Refund">The refund parameters, which the node requires since 1.8.</param>
/// <param name="BoostFeeBps">The most the user pays for a boosted deposit, in bps (0 for none).</param>
/// <param name="Dca">Dollar-cost averaging, or null.</param>
public sealed record DepositChannelRequest(
    ChainflipAsset Source,
    ChainflipAsset Destination,
    string DestinationAddress,
    BeneficiaryList Beneficiaries,
    RefundParameters Refund,
    int BoostFeeBps = 0,
    DcaParameters? Dca = null);
