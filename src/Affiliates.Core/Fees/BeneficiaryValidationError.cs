namespace Affiliates.Fees;

/// <summary>Why a set of swap beneficiaries is not acceptable to Chainflip.</summary>
public enum BeneficiaryValidationError
{
    /// <summary>A commission in basis points is negative.</summary>
    NegativeBps,

    /// <summary>An affiliate has no account.</summary>
    MissingAccount,

    /// <summary>More than <see cref="BeneficiaryList.MaxAffiliates"/> affiliates.</summary>
    TooManyAffiliates,

    /// <summary>Broker commission plus all affiliate commissions exceed <see cref="BeneficiaryList.MaxTotalBps"/>.</summary>
    TotalAboveLimit,

    /// <summary>In a vault swap, an affiliate's commission exceeds <see cref="BeneficiaryList.MaxVaultSwapAffiliateBps"/>.</summary>
    VaultSwapAffiliateAboveLimit,

    /// <summary>In a Bitcoin vault swap, the broker's commission exceeds what its one-byte field holds (<see cref="Brokers.VaultSwapLimits.MaxBitcoinBrokerBps"/>).</summary>
    VaultSwapBrokerAboveLimit,
}
