using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip.Tests.Accounts;

public sealed class AffiliateAccountIdsTests
{
    private static readonly ChainflipAccountId Broker = ChainflipAccountId.Parse("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1");

    // chainflip-broker-rpc.md §3.2: short id 0 is the DOCS mainnet example; 1 and 2 were computed there.
    [Theory]
    [InlineData(0, "cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU")]
    [InlineData(1, "cFNvi3T7XjbdCGehdvz2bAwpc6vqLFqorgwdT5AxFKm1v1WLE")]
    [InlineData(2, "cFLbxLV1rY2mrMeCS1mw3AKieP3iNigj97tFQnbVgGMdffat1")]
    public void Derive_MatchesTheChain(byte shortId, string affiliate) =>
        Assert.Equal(affiliate, AffiliateAccountIds.Derive(Broker, shortId).Address);
}
