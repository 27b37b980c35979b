using Microsoft.Extensions.Logging;

namespace Affiliates.Chainflip;

/// <summary>The Chainflip adapter's log messages; event ids 4000–4099.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Registered Chainflip affiliate {AffiliateId} in short id {ShortId} (registration {RegistrationId}).")]
    public static partial void AffiliateRegistered(ILogger logger, string affiliateId, int shortId, string registrationId);

    [LoggerMessage(4001, LogLevel.Warning, "The node's affiliate id {AffiliateId} for short id {ShortId} differs from the offline derivation {DerivedId}; the node's id is kept (the derivation is changing, chainflip-backend #6909).")]
    public static partial void AffiliateIdDerivationDiffers(ILogger logger, string affiliateId, int shortId, string derivedId);

    [LoggerMessage(4002, LogLevel.Information, "Deregistered Chainflip affiliate {AffiliateId}, freeing short id {ShortId}.")]
    public static partial void AffiliateDeregistered(ILogger logger, string affiliateId, int shortId);

    [LoggerMessage(4003, LogLevel.Information, "Reconciled broker {BrokerId} with the chain: {Active} active affiliates, {Former} former.")]
    public static partial void Reconciled(ILogger logger, string brokerId, int active, int former);

    [LoggerMessage(4010, LogLevel.Information, "Chainflip withdrawal {PayoutId} requested for affiliate {AffiliateId}: {EgressAmount} micro-USDC to {Destination}, egress {EgressId}.")]
    public static partial void WithdrawalRequested(ILogger logger, string payoutId, string affiliateId, string egressAmount, string destination, ulong egressId);
}
