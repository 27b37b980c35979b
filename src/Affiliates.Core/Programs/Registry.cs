using NodaTime;

namespace Affiliates.Programs;

/// <summary>A referral program run by one team or app: its admin, the terms version in force and its exclusion list.</summary>
/// <remarks>
/// Terms are versioned (<see cref="ProgramTerms"/>); every admin change writes a new version and moves
/// <see cref="TermsVersion"/>. Exclusions are not versioned: an excluded address is refused at once, whatever terms
/// its binding recorded.
/// </remarks>
/// <param name="Id">The registry id, unique in the store.</param>
/// <param name="Name">A display name.</param>
/// <param name="AdminAddress">The address whose signature authorises admin changes.</param>
/// <param name="TermsVersion">The terms version in force for new bindings.</param>
/// <param name="ExcludedAddresses">Addresses that earn nothing and cannot be referred (wash traders, the protocol's own wallets).</param>
/// <param name="CreatedAt">When the registry was created.</param>
/// <param name="Version">How many times the registry was written: 1 when created, one more on every change; stores
/// compare and set it (<see cref="Storage.IAffiliateUnitOfWork"/>).</param>
public sealed record Registry(
    string Id,
    string Name,
    string AdminAddress,
    int TermsVersion,
    IReadOnlyList<string> ExcludedAddresses,
    Instant CreatedAt,
    long Version);
