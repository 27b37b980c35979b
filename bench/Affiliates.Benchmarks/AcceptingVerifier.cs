using Affiliates.Programs;

namespace Affiliates.Benchmarks;

/// <summary>Accepts every signature: benchmarks measure the engine, not wallet cryptography.</summary>
internal sealed class AcceptingVerifier : ISignatureVerifier
{
    public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
}
