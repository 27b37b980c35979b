using Affiliates.Programs;

namespace Affiliates.Hosting;

/// <summary>The verifier used until a chain adapter registers a real one: every signed change is refused as badly signed.</summary>
internal sealed class RefusingSignatureVerifier : ISignatureVerifier
{
    public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
}
