namespace Affiliates.Rewards;

/// <summary>What one address contributed in an epoch.</summary>
/// <param name="Address">The trading address.</param>
/// <param name="Affiliate">The affiliate it is attributed to (the referrer of its first trade), or null.</param>
/// <param name="Status">Whether the address counts at all.</param>
/// <param name="Volume">Its raw volume in the epoch, in USD base units.</param>
/// <param name="Counted">The score it added in the epoch, in USD base units.</param>
/// <param name="CutByCap">Eligible volume that did not count because the address reached its lifetime cap.</param>
/// <param name="ExclusionReason">Why the address is excluded, when <paramref name="Status"/> is <see cref="AddressStatus.Excluded"/>.</param>
public sealed record AddressOutcome(string Address, string? Affiliate, AddressStatus Status, Amount Volume, Amount Counted, Amount CutByCap, string? ExclusionReason);
