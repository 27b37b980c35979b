using System.Security.Cryptography;
using System.Text;
using Affiliates.Payouts;
using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Tests.Payouts;

internal static class PayoutTestData
{
    public static TransferLine Line(string payee, Asset asset, long amount, string? payoutId = null) =>
        new(payoutId ?? "po-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), payee, asset, Amount.FromUnits(amount));

    public static TransferLine Line(PublicKey payee, Asset asset, long amount) => Line(payee.Key, asset, amount);

    public static TransferRequest Request(params TransferLine[] lines) =>
        new("tr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", lines.Select(l => l.PayoutId)))))[..43], 1, lines);

    public static PublicKey NewWallet() => Keypair.Generate().PublicKey;
}
