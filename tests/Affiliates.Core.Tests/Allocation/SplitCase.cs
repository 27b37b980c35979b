namespace Affiliates.Tests.Allocation;

internal sealed record SplitCase(Int128 Total, long[] Weights)
{
    public override string ToString() => $"total {Total}, weights [{string.Join(", ", Weights)}]";
}
