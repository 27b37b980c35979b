using System.Security.Cryptography;
using System.Text;
using Affiliates.Settlement;

namespace Affiliates.Tests.Settlement;

public sealed class MerkleTreeTests
{
    private static string[] Hashes(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"statement {i}"))))
            .ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    public void Prove_EveryLeaf_VerifiesAgainstTheRoot(int count)
    {
        string[] leaves = Hashes(count);
        string root = MerkleTree.Root(leaves);

        for (int i = 0; i < count; i++)
        {
            MerkleProof proof = MerkleTree.Prove(leaves, i);

            Assert.Equal(leaves[i], proof.LeafHash);
            Assert.True(MerkleTree.Verify(root, proof));
        }
    }

    [Fact]
    public void Verify_TamperedLeafOrSibling_Fails()
    {
        string[] leaves = Hashes(5);
        string root = MerkleTree.Root(leaves);
        MerkleProof proof = MerkleTree.Prove(leaves, 2);

        Assert.False(MerkleTree.Verify(root, proof with { LeafHash = leaves[3] }));
        Assert.False(MerkleTree.Verify(root, proof with { Steps = [proof.Steps[0] with { Sibling = leaves[0] }, .. proof.Steps.Skip(1)] }));
        Assert.False(MerkleTree.Verify(root, proof with { Steps = [proof.Steps[0] with { SiblingIsLeft = !proof.Steps[0].SiblingIsLeft }, .. proof.Steps.Skip(1)] }));
        Assert.False(MerkleTree.Verify(root, proof with { LeafHash = "not hex" }));
    }

    [Fact]
    public void Root_DependsOnOrderAndOnEveryLeaf()
    {
        string[] leaves = Hashes(4);

        Assert.NotEqual(MerkleTree.Root(leaves), MerkleTree.Root([leaves[1], leaves[0], leaves[2], leaves[3]]));
        Assert.NotEqual(MerkleTree.Root(leaves), MerkleTree.Root(leaves[..3]));
    }

    [Fact]
    public void Root_OddLeafIsNotDuplicated()
    {
        string[] leaves = Hashes(3);

        Assert.NotEqual(MerkleTree.Root(leaves), MerkleTree.Root([.. leaves, leaves[2]]));
    }

    [Fact]
    public void Root_OfSingleLeaf_IsTheTaggedLeafHash()
    {
        string leaf = Hashes(1)[0];
        byte[] expected = SHA256.HashData([0x00, .. Convert.FromHexString(leaf)]);

        Assert.Equal(Convert.ToHexStringLower(expected), MerkleTree.Root([leaf]));
    }

    [Fact]
    public void Root_OfNoLeaves_IsTheHashOfNothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleTree.Root([]));

    [Fact]
    public void Root_WithMalformedHash_Throws() =>
        Assert.Throws<ArgumentException>(() => MerkleTree.Root(["abc"]));

    [Fact]
    public void Prove_OutOfRangeIndex_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.Prove(Hashes(2), 2));
}
