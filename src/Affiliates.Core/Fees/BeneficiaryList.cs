using System.Collections.Immutable;

namespace Affiliates.Fees;

/// <summary>
/// A broker commission and up to five affiliate beneficiaries for one Chainflip deposit channel or vault swap,
/// checked against Chainflip's limits before any chain call.
/// </summary>
/// <remarks>
/// Limits: every commission is non-negative, at most <see cref="MaxAffiliates"/> affiliates, broker plus affiliates at
/// most <see cref="MaxTotalBps"/>; in a vault swap each affiliate's commission also fits in a byte
/// (at most <see cref="MaxVaultSwapAffiliateBps"/>).
/// </remarks>
public sealed class BeneficiaryList
{
    /// <summary>The most affiliates one swap can name.</summary>
    public const int MaxAffiliates = 5;

    /// <summary>The most basis points broker and affiliates can take together (10 %).</summary>
    public const int MaxTotalBps = 1000;

    /// <summary>The most basis points one affiliate can take in a vault swap (a u8 on chain).</summary>
    public const int MaxVaultSwapAffiliateBps = 255;

    private BeneficiaryList(int brokerCommissionBps, ImmutableArray<Beneficiary> affiliates, bool isVaultSwap, int totalBps)
    {
        BrokerCommissionBps = brokerCommissionBps;
        Affiliates = affiliates;
        IsVaultSwap = isVaultSwap;
        TotalBps = totalBps;
    }

    /// <summary>Gets the broker's own commission in basis points.</summary>
    public int BrokerCommissionBps { get; }

    /// <summary>Gets the affiliate beneficiaries, in the order given.</summary>
    public ImmutableArray<Beneficiary> Affiliates { get; }

    /// <summary>Gets a value indicating whether the list was validated for a vault swap.</summary>
    public bool IsVaultSwap { get; }

    /// <summary>Gets the broker commission plus every affiliate's commission, in basis points.</summary>
    public int TotalBps { get; }

    /// <summary>Validates beneficiaries for a deposit channel.</summary>
    /// <exception cref="BeneficiaryValidationException">A limit is broken; the exception names the field and reason.</exception>
    public static BeneficiaryList Create(int brokerCommissionBps, IEnumerable<Beneficiary> affiliates) =>
        Validate(brokerCommissionBps, affiliates, isVaultSwap: false);

    /// <summary>Validates beneficiaries for a vault swap, where each affiliate also takes at most 255 bps.</summary>
    /// <exception cref="BeneficiaryValidationException">A limit is broken; the exception names the field and reason.</exception>
    public static BeneficiaryList ForVaultSwap(int brokerCommissionBps, IEnumerable<Beneficiary> affiliates) =>
        Validate(brokerCommissionBps, affiliates, isVaultSwap: true);

    private static BeneficiaryList Validate(int brokerCommissionBps, IEnumerable<Beneficiary> affiliates, bool isVaultSwap)
    {
        Preconditions.NotNull(affiliates);
        ImmutableArray<Beneficiary> list = [.. affiliates];
        if (brokerCommissionBps < 0)
        {
            throw new BeneficiaryValidationException(
                BeneficiaryValidationError.NegativeBps, nameof(brokerCommissionBps), null, $"Broker commission {brokerCommissionBps} bps is negative.");
        }

        if (list.Length > MaxAffiliates)
        {
            throw new BeneficiaryValidationException(
                BeneficiaryValidationError.TooManyAffiliates, nameof(affiliates), null, $"{list.Length} affiliates; at most {MaxAffiliates} allowed.");
        }

        long total = brokerCommissionBps;
        for (int i = 0; i < list.Length; i++)
        {
            Beneficiary affiliate = list[i];
            if (string.IsNullOrWhiteSpace(affiliate.Account))
            {
                throw new BeneficiaryValidationException(
                    BeneficiaryValidationError.MissingAccount, nameof(affiliates), i, $"Affiliate {i} has no account.");
            }

            if (affiliate.Bps < 0)
            {
                throw new BeneficiaryValidationException(
                    BeneficiaryValidationError.NegativeBps, nameof(affiliates), i, $"Affiliate {i} commission {affiliate.Bps} bps is negative.");
            }

            if (isVaultSwap && affiliate.Bps > MaxVaultSwapAffiliateBps)
            {
                throw new BeneficiaryValidationException(
                    BeneficiaryValidationError.VaultSwapAffiliateAboveLimit,
                    nameof(affiliates),
                    i,
                    $"Affiliate {i} commission {affiliate.Bps} bps is above the vault-swap limit of {MaxVaultSwapAffiliateBps}.");
            }

            total += affiliate.Bps;
        }

        if (total > MaxTotalBps)
        {
            throw new BeneficiaryValidationException(
                BeneficiaryValidationError.TotalAboveLimit, nameof(affiliates), null, $"Total commission {total} bps is above {MaxTotalBps}.");
        }

        return new BeneficiaryList(brokerCommissionBps, list, isVaultSwap, (int)total);
    }
}
