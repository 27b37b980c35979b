using System.Text.Json.Nodes;

namespace Affiliates.Chainflip.Rpc;

/// <summary>Dollar-cost averaging: split the swap into chunks executed some blocks apart.</summary>
/// <param name="NumberOfChunks">How many chunks (at least 1).</param>
/// <param name="ChunkIntervalBlocks">Blocks between chunks.</param>
public sealed record DcaParameters(int NumberOfChunks, int ChunkIntervalBlocks)
{
    internal JsonObject ToJson()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfChunks, 1, nameof(NumberOfChunks));
        ArgumentOutOfRangeException.ThrowIfNegative(ChunkIntervalBlocks, nameof(ChunkIntervalBlocks));
        return new() { ["number_of_chunks"] = NumberOfChunks, ["chunk_interval"] = ChunkIntervalBlocks };
    }
}
