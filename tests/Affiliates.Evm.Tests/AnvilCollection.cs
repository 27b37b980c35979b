namespace Affiliates.Evm.Tests;

/// <summary>All Anvil tests share one node and run one class at a time (some switch automining off).</summary>
[CollectionDefinition(Name)]
public sealed class AnvilCollection : ICollectionFixture<AnvilNode>
{
    public const string Name = "Anvil";
}
