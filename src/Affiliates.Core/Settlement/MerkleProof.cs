namespace Affiliates.Settlement;

/// <summary>Proves that one statement hash is a leaf of a settlement's Merkle root.</summary>
/// <param name="LeafHash">The statement hash being proven, lower-case hex.</param>
/// <param name="Steps">The siblings from the leaf up to the root; levels where the path has no sibling are omitted.</param>
public sealed record MerkleProof(string LeafHash, IReadOnlyList<MerkleStep> Steps);
