using Affiliates.Payouts;
using NodaTime;

namespace Affiliates.Tests.Payouts;

public sealed class PayoutRailPortTests
{
    [Theory]
    [InlineData(0, 1, 1, "MaxIntentsPerTransfer")]
    [InlineData(1, 0, 1, "ConfirmationDepth")]
    [InlineData(1, 1, 0, "PollInterval")]
    public void Profile_OutOfRange_NamesTheField(int maxIntents, int depth, int pollSeconds, string field)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new PayoutRailProfile(maxIntents, depth, Duration.FromSeconds(pollSeconds)));

        Assert.Equal(field, thrown.ParamName);
    }

    [Fact]
    public void Profile_ReplaceAfterZero_IsRefused()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new PayoutRailProfile(1, 1, Duration.FromSeconds(1), Duration.Zero));

        Assert.Equal("ReplaceAfter", thrown.ParamName);
    }

    [Fact]
    public void Status_ConfirmedWithoutDepth_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TransferStatus.Confirmed(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferStatus(TransferState.Pending, Depth: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferStatus((TransferState)42));
    }

    [Fact]
    public void Line_ZeroOrNegativeAmount_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferLine("po-1", "payee", Asset.Sol, Amount.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferLine("po-1", "payee", Asset.Sol, Amount.FromUnits(-1)));
        Assert.Throws<ArgumentException>(() => new TransferLine(string.Empty, "payee", Asset.Sol, Amount.FromUnits(1)));
    }

    [Fact]
    public void Request_WithoutLinesOrAttempt_IsRefused()
    {
        var line = new TransferLine("po-1", "payee", Asset.Sol, Amount.FromUnits(1));

        Assert.Throws<ArgumentException>(() => new TransferRequest("tr-1", 1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransferRequest("tr-1", 0, [line]));
    }

    [Fact]
    public async Task Rail_WithoutReplacements_ReplacesNothingByDefault()
    {
        IPayoutRail rail = new RailWithoutReplacement();
        var request = new TransferRequest("tr-1", 2, [new TransferLine("po-1", "payee", Asset.Sol, Amount.FromUnits(1))]);

        PreparedTransfer? replacement = await rail.ReplaceAsync(new PreparedTransfer("tr-1", new byte[] { 1 }, null, string.Empty), request);

        Assert.Null(replacement);
    }

    private sealed class RailWithoutReplacement : IPayoutRail
    {
        public string Name => "none";

        public PayoutRailProfile Profile { get; } = new(1, 1, Duration.FromSeconds(1));

        public bool Pays(Asset asset) => false;

        public ValueTask<PreparedTransfer> PrepareAsync(TransferRequest request, CancellationToken cancellationToken = default) =>
            throw new PayoutRejectedException(request.Lines[0].PayoutId, "this rail pays nothing");

        public ValueTask<TransferStatus> BroadcastAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TransferStatus.Failed("this rail pays nothing"));

        public ValueTask<TransferStatus> GetStatusAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TransferStatus.Unknown);
    }
}
