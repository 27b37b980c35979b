using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Affiliates.Fees;

/// <summary>The commissions Chainflip takes from a swap's USDC amount for the broker and each affiliate.</summary>
/// <remarks>
/// Mirrors the chain (cf-swapping <c>take_broker_fees</c>): each beneficiary's fee is
/// <c>Permill(bps × 100) × amount</c>, rounded to the nearest unit with ties rounding down (Substrate's
/// <c>Rounding::NearestPrefDown</c>), each beneficiary rounded on its own. So each fee is within half a unit of its exact
/// share, and the fees together may exceed the exact total by up to half a unit per beneficiary. The swap keeps the
/// rest: fees + <see cref="Kept"/> = <see cref="Amount"/> exactly. Since the bps total at most 10 % and a rounded fee is
/// never more than twice its exact share, <see cref="Kept"/> is never negative.
/// </remarks>
public readonly record struct BeneficiaryCommission
{
    private const long PermillScale = 1_000_000;

    private BeneficiaryCommission(Amount amount, Amount brokerFee, ImmutableArray<Amount> affiliateFees, Amount kept)
    {
        Amount = amount;
        BrokerFee = brokerFee;
        AffiliateFees = affiliateFees;
        Kept = kept;
    }

    /// <summary>Gets the USDC amount of the swap the commission is taken from.</summary>
    public Amount Amount { get; }

    /// <summary>Gets the broker's fee.</summary>
    public Amount BrokerFee { get; }

    /// <summary>Gets each affiliate's fee, in the order of <see cref="BeneficiaryList.Affiliates"/>.</summary>
    public ImmutableArray<Amount> AffiliateFees { get; }

    /// <summary>Gets what the swap keeps after every fee.</summary>
    public Amount Kept { get; }

    /// <summary>Computes the commissions on <paramref name="usdcAmount"/> for <paramref name="list"/>.</summary>
    /// <returns>The fees and what the swap keeps; see the type's remarks for the rounding rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usdcAmount"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is null.</exception>
    public static BeneficiaryCommission Compute(Amount usdcAmount, BeneficiaryList list)
    {
        Preconditions.NotNegative(usdcAmount.Units, nameof(usdcAmount));
        Preconditions.NotNull(list);

        Amount brokerFee = FeeFor(usdcAmount, list.BrokerCommissionBps);
        Amount kept = usdcAmount - brokerFee;
        var affiliateFees = new Amount[list.Affiliates.Length];
        for (int i = 0; i < affiliateFees.Length; i++)
        {
            affiliateFees[i] = FeeFor(usdcAmount, list.Affiliates[i].Bps);
            kept -= affiliateFees[i];
        }

        return new BeneficiaryCommission(usdcAmount, brokerFee, ImmutableCollectionsMarshal.AsImmutableArray(affiliateFees), kept);
    }

    /// <summary>Returns whether both commissions have the same amounts and fees.</summary>
    public bool Equals(BeneficiaryCommission other) =>
        Amount == other.Amount && BrokerFee == other.BrokerFee && Kept == other.Kept &&
        AffiliateFees.AsSpan().SequenceEqual(other.AffiliateFees.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, BrokerFee, Kept, AffiliateFees.Length);

    private static Amount FeeFor(Amount amount, int bps)
    {
        Int128 fee = ExactMath.MulDiv(amount.Units, bps * 100L, PermillScale, out Int128 remainder);

        // NearestPrefDown: round up only when the dropped fraction is strictly above one half.
        return Amount.FromUnits(remainder > PermillScale / 2 ? fee + 1 : fee);
    }
}
