using Affiliates.Storage;
using Affiliates.Storage.Conformance;

namespace Affiliates.Tests.Storage;

public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    protected override Task<IAffiliateStore> CreateStoreAsync() => Task.FromResult<IAffiliateStore>(new InMemoryAffiliateStore());
}
