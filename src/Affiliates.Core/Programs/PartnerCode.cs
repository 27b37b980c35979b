using NodaTime;

namespace Affiliates.Programs;

/// <summary>One generation of a partner code in a registry.</summary>
/// <remarks>
/// A retired code may be created again after the registry's cool-down; the new one is the next
/// <see cref="Generation"/>, and bindings and ledger entries record the generation, so it never inherits the old
/// generation's referrals or revenue.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="Code">The upper-cased code.</param>
/// <param name="Generation">1 for the first creation, increasing by one on every re-creation after retirement.</param>
/// <param name="OwnerAddress">The address that created the code and signs its changes; never changes.</param>
/// <param name="Channel">The owner's channel label for this code ("twitter", "discord"), or empty.</param>
/// <param name="PaymentAddress">Where the partner's share is paid (partner-editable).</param>
/// <param name="Kickback">The share of the referral fee passed to the user (partner-editable, within the admin's range).</param>
/// <param name="AffiliateFee">The fee charged on top of the notional (partner-editable, within the admin's range).</param>
/// <param name="ReferralFeeOverride">The admin's per-partner referral fee, replacing the default when set.</param>
/// <param name="Status">Active or retired.</param>
/// <param name="CreatedAt">When this generation was created.</param>
/// <param name="RetiredAt">When this generation was retired, if it was.</param>
/// <param name="Version">How many times this generation was written: 1 when created, one more on every change; stores
/// compare and set it (<see cref="Storage.IAffiliateUnitOfWork"/>).</param>
public sealed record PartnerCode(
    string RegistryId,
    string Code,
    int Generation,
    string OwnerAddress,
    string Channel,
    string PaymentAddress,
    Rate Kickback,
    Rate AffiliateFee,
    Rate? ReferralFeeOverride,
    CodeStatus Status,
    Instant CreatedAt,
    Instant? RetiredAt,
    long Version);
