using System.Security.Cryptography;

namespace Affiliates.Settlement;

/// <summary>A SHA-256 Merkle tree over statement hashes, so a partner can verify its statement against one root.</summary>
/// <remarks>
/// Leaves are <c>SHA-256(0x00 ‖ statement hash)</c> and inner nodes <c>SHA-256(0x01 ‖ left ‖ right)</c>, so a leaf can
/// never pose as an inner node. An odd node at the end of a level is carried up unchanged rather than paired with a
/// copy of itself, so no two different leaf lists share a root. The root of no leaves is the SHA-256 of no bytes.
/// Leaves are taken in the order given; settlements pass their statements in partner order.
/// </remarks>
public static class MerkleTree
{
    private const byte LeafTag = 0x00;
    private const byte NodeTag = 0x01;

    /// <summary>Returns the root over <paramref name="leafHashes"/> (lower-case hex SHA-256 values), as lower-case hex.</summary>
    /// <exception cref="ArgumentException">A hash is not 64 hexadecimal characters.</exception>
    public static string Root(IReadOnlyList<string> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (leafHashes.Count == 0)
        {
            return Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));
        }

        List<byte[]> level = Leaves(leafHashes);
        while (level.Count > 1)
        {
            level = Parents(level);
        }

        return Convert.ToHexStringLower(level[0]);
    }

    /// <summary>Returns the inclusion proof of the leaf at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a leaf position.</exception>
    public static MerkleProof Prove(IReadOnlyList<string> leafHashes, int index)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        Preconditions.InRange(index, 0, leafHashes.Count - 1);
        var steps = new List<MerkleStep>();
        string leaf = leafHashes[index];
        List<byte[]> level = Leaves(leafHashes);
        while (level.Count > 1)
        {
            int sibling = index ^ 1;
            if (sibling < level.Count)
            {
                steps.Add(new MerkleStep(Convert.ToHexStringLower(level[sibling]), SiblingIsLeft: sibling < index));
            }

            level = Parents(level);
            index /= 2;
        }

        return new MerkleProof(leaf, steps);
    }

    /// <summary>Returns whether <paramref name="proof"/> leads from its leaf hash to <paramref name="root"/>.</summary>
    public static bool Verify(string root, MerkleProof proof)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(proof);
        if (!TryParse(proof.LeafHash, out byte[] statementHash))
        {
            return false;
        }

        byte[] node = Hash(LeafTag, statementHash, []);
        foreach (MerkleStep step in proof.Steps)
        {
            if (!TryParse(step.Sibling, out byte[] sibling))
            {
                return false;
            }

            node = step.SiblingIsLeft ? Hash(NodeTag, sibling, node) : Hash(NodeTag, node, sibling);
        }

        return string.Equals(Convert.ToHexStringLower(node), root, StringComparison.OrdinalIgnoreCase);
    }

    private static List<byte[]> Leaves(IReadOnlyList<string> leafHashes)
    {
        var leaves = new List<byte[]>(leafHashes.Count);
        foreach (string hash in leafHashes)
        {
            if (!TryParse(hash, out byte[] bytes))
            {
                throw new ArgumentException($"'{hash}' is not a 64-character hexadecimal SHA-256 hash.", nameof(leafHashes));
            }

            leaves.Add(Hash(LeafTag, bytes, []));
        }

        return leaves;
    }

    private static List<byte[]> Parents(List<byte[]> level)
    {
        var parents = new List<byte[]>((level.Count + 1) / 2);
        for (int i = 0; i < level.Count; i += 2)
        {
            parents.Add(i + 1 < level.Count ? Hash(NodeTag, level[i], level[i + 1]) : level[i]);
        }

        return parents;
    }

    private static byte[] Hash(byte tag, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * SHA256.HashSizeInBytes)];
        input[0] = tag;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input[..(1 + left.Length + right.Length)]);
    }

    private static bool TryParse(string hex, out byte[] bytes)
    {
        bytes = new byte[SHA256.HashSizeInBytes];
        return hex is { Length: 2 * SHA256.HashSizeInBytes }
            && Convert.FromHexString(hex, bytes, out _, out int written) == System.Buffers.OperationStatus.Done
            && written == SHA256.HashSizeInBytes;
    }
}
