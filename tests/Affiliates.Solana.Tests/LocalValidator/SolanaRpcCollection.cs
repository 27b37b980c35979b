namespace Affiliates.Solana.Tests.LocalValidator;

/// <summary>Tests on the local Solana RPC share one server (each on its own chain).</summary>
[CollectionDefinition(Name)]
public sealed class SolanaRpcCollection : ICollectionFixture<SolanaRpcServer>
{
    public const string Name = "SolanaRpc";
}
