using NodaTime;

namespace Affiliates.Ledger;

/// <summary>A revenue event reported by the host, ingested once by (registry, id).</summary>
/// <remarks>
/// Amounts are in base units of <see cref="Asset"/>, which must be the registry's asset: a registry refuses events in
/// any other asset, so an amount is never read in another asset's units.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="Id">The host's event id; the same id sent again with the same contents is a duplicate, with other contents a conflict.</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When it happened; decides its epoch (or, when that epoch is closed, that it is booked late).</param>
/// <param name="UserAddress">The user who paid.</param>
/// <param name="Amount">The revenue: the payment, the protocol fee or the collected fee; for a refund, the amount refunded.</param>
/// <param name="Notional">The traded volume or deposited amount the affiliate fee is charged on; zero when none.</param>
/// <param name="Asset">The asset of <paramref name="Amount"/> and <paramref name="Notional"/>.</param>
/// <param name="Pair">The traded pair ("SOL/USDC") for trades, else <see langword="null"/>.</param>
/// <param name="Code">A code passed with the transaction; it wins over the user's binding for this event.</param>
/// <param name="VaultId">The vault of a deposit or fee collection.</param>
/// <param name="RefundOf">The id of the refunded event, for refunds.</param>
public sealed record ProgramEvent(
    string RegistryId,
    string Id,
    EventKind Kind,
    Instant OccurredAt,
    string UserAddress,
    Amount Amount,
    Amount Notional,
    Asset Asset,
    string? Pair = null,
    string? Code = null,
    string? VaultId = null,
    string? RefundOf = null);
