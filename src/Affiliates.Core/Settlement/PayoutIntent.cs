using NodaTime;

namespace Affiliates.Settlement;

/// <summary>An intent to pay a payee, with a stable id that rails use as their idempotency key.</summary>
/// <param name="Id">The stable payout id (<see cref="PayoutId"/>); a rail never sends two transfers for one id.</param>
/// <param name="RegistryId">The registry.</param>
/// <param name="EpochId">The epoch the payout settles.</param>
/// <param name="Partner">The payee being paid: the partner (owner of the codes), or the user for a kickback (see <see cref="PayeeKind"/>).</param>
/// <param name="PayeeAddress">The address the transfer goes to: the payment address in force at settlement, or the user's address.</param>
/// <param name="Asset">The asset paid.</param>
/// <param name="Amount">The amount paid, in the asset's base units.</param>
/// <param name="Status">Where the payout is.</param>
/// <param name="Version">Incremented by every status change; stores compare-and-set on it.</param>
/// <param name="UpdatedAt">When the status last changed.</param>
/// <param name="TransactionId">The chain transaction id once sent.</param>
public sealed record PayoutIntent(
    string Id,
    string RegistryId,
    string EpochId,
    string Partner,
    string PayeeAddress,
    Asset Asset,
    Amount Amount,
    PayoutStatus Status,
    long Version,
    Instant UpdatedAt,
    string? TransactionId)
{
    /// <summary>Gets whether <see cref="Partner"/> is a partner paid its commissions and affiliate fees, or a user paid its kickbacks.</summary>
    public PayeeKind PayeeKind { get; init; } = PayeeKind.Partner;
}
