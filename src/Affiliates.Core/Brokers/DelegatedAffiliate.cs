using NodaTime;

namespace Affiliates.Brokers;

/// <summary>One registration of a fully-delegated affiliate under a broker: its short id, account, fixed withdrawal address and when it was registered.</summary>
/// <remarks>
/// Chainflip frees a short id when an affiliate is deregistered and gives the next registration that slot, and today
/// even the same account id. <see cref="Generation"/> tells the registrations of one slot apart, and
/// <see cref="RegistrationId"/> is what balances and history are kept under, so a newcomer in a reused slot never
/// inherits its predecessor's earnings or record.
/// </remarks>
/// <param name="ShortId">The short id (0 to 255) the chain assigned within the broker.</param>
/// <param name="AccountId">The affiliate's account id, in the SS58 codec's canonical form.</param>
/// <param name="WithdrawalAddress">The Ethereum address its USDC can only ever be withdrawn to, in the EVM codec's canonical form.</param>
/// <param name="RegisteredAt">When the registration was observed.</param>
/// <param name="Generation">1 for the first registration into this short id, one more for each reuse of it.</param>
/// <param name="DeregisteredAt">When the registration ended, or null while it is active.</param>
public sealed record DelegatedAffiliate(
    int ShortId,
    string AccountId,
    string WithdrawalAddress,
    Instant RegisteredAt,
    int Generation,
    Instant? DeregisteredAt = null)
{
    /// <summary>Gets a value indicating whether the affiliate is still registered.</summary>
    public bool IsActive => DeregisteredAt is null;

    /// <summary>Gets the id its balance and history are kept under: short id and generation, for example <c>7.2</c> for the second affiliate in slot 7.</summary>
    public string RegistrationId => FormattableString.Invariant($"{ShortId}.{Generation}");
}
