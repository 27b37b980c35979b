namespace Affiliates.Fees;

/// <summary>An affiliate named on a Chainflip swap, earning <paramref name="Bps"/> of the swap's USDC amount.</summary>
/// <param name="Account">The beneficiary's Chainflip account id (SS58).</param>
/// <param name="Bps">The commission in basis points; validated when the beneficiary joins a <see cref="BeneficiaryList"/>.</param>
public readonly record struct Beneficiary(string Account, int Bps);
