namespace Affiliates.Settlement;

/// <summary>One level of a Merkle inclusion proof: the sibling node and which side it sits on.</summary>
/// <param name="Sibling">The sibling node's hash, lower-case hex.</param>
/// <param name="SiblingIsLeft">True when the sibling is the left child (the proven path is the right child).</param>
public sealed record MerkleStep(string Sibling, bool SiblingIsLeft);
