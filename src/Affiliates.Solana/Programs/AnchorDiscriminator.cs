using System.Security.Cryptography;
using System.Text;

namespace Affiliates.Solana.Programs;

/// <summary>Anchor's 8-byte discriminators: the first bytes of SHA-256 of "namespace:name".</summary>
internal static class AnchorDiscriminator
{
    public const int Length = 8;

    /// <summary>The discriminator that starts an instruction's data: <c>sha256("global:" + snake_case_name)[..8]</c>.</summary>
    public static byte[] ForInstruction(string name) => Of("global", name);

    /// <summary>The discriminator that starts an account's data: <c>sha256("account:" + PascalCaseName)[..8]</c>.</summary>
    public static byte[] ForAccount(string name) => Of("account", name);

    private static byte[] Of(string space, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{space}:{name}"))[..Length];
    }
}
