using System.Numerics;
using NodaTime;

namespace Affiliates.Evm;

/// <summary>
/// Hands out the nonces of the hot wallets in this process, so that workers preparing transfers at once never sign two
/// at the same nonce.
/// </summary>
/// <remarks>
/// The next nonce is the lowest one at or above the node's pending count that no prepared transfer holds. A nonce is
/// held until the node counts it (the transfer was broadcast) or for <c>holdFor</c>: a transfer prepared but never
/// stored was never sent, so after that time its nonce is given again rather than leave a gap that blocks every later
/// transfer. Reusing it is safe: two transfers at one nonce can never both land, and the loser expires.
/// Processes do not share this; several processes on one wallet stay correct the same way, at the cost of expired
/// transfers prepared again.
/// </remarks>
internal sealed class EvmNonceManager(IClock clock, Duration holdFor)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<BigInteger, Instant>> held = new(StringComparer.Ordinal);

    public async Task<BigInteger> ReserveAsync(string sender, Func<CancellationToken, Task<BigInteger>> pendingCount, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            BigInteger pending = await pendingCount(cancellationToken).ConfigureAwait(false);
            if (!held.TryGetValue(sender, out Dictionary<BigInteger, Instant>? nonces))
            {
                nonces = [];
                held[sender] = nonces;
            }

            Instant now = clock.GetCurrentInstant();
            foreach (BigInteger stale in nonces.Where(n => n.Key < pending || now - n.Value >= holdFor).Select(n => n.Key).ToList())
            {
                nonces.Remove(stale);
            }

            BigInteger nonce = pending;
            while (nonces.ContainsKey(nonce))
            {
                nonce++;
            }

            nonces[nonce] = now;
            return nonce;
        }
        finally
        {
            gate.Release();
        }
    }
}
