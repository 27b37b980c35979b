using Affiliates.Payouts;
using Nethereum.Signer;

namespace Affiliates.Evm.Tests;

/// <summary>A crash, a repeated send, a dropped transaction or a nonce taken elsewhere at each step of the dispatcher's contract pays the intent exactly once on Anvil.</summary>
[Collection(AnvilCollection.Name)]
public sealed class FaultInjectionTests(AnvilNode anvil)
{
    public enum Fault
    {
        CrashAfterPrepareBeforeStore,
        CrashAfterStoreBeforeBroadcast,
        CrashAfterBroadcastBeforeStatus,
        BroadcastTwice,
        DroppedFromTheMempool,
        NonceTakenByAnotherProcess,
    }

    [Theory]
    [InlineData(Fault.CrashAfterPrepareBeforeStore)]
    [InlineData(Fault.CrashAfterStoreBeforeBroadcast)]
    [InlineData(Fault.CrashAfterBroadcastBeforeStatus)]
    [InlineData(Fault.BroadcastTwice)]
    [InlineData(Fault.DroppedFromTheMempool)]
    [InlineData(Fault.NonceTakenByAnotherProcess)]
    public async Task AFaultAtEachStep_PaysExactlyOnce(Fault fault)
    {
        RailHarness h = await RailHarness.CreateAsync(anvil, tokens: 1_000_000);
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        TransferRequest request = RailHarness.Request("p1", payee, h.Tusd, 250_000);
        var outbox = new Outbox(anvil, request);
        EvmPayoutRail beforeCrash = h.Rail();

        switch (fault)
        {
            case Fault.CrashAfterPrepareBeforeStore:
                await beforeCrash.PrepareAsync(request);
                break;
            case Fault.CrashAfterStoreBeforeBroadcast:
                await outbox.PrepareAndStoreAsync(beforeCrash);
                break;
            case Fault.CrashAfterBroadcastBeforeStatus:
                await beforeCrash.BroadcastAsync(await outbox.PrepareAndStoreAsync(beforeCrash));
                break;
            case Fault.BroadcastTwice:
                PreparedTransfer twice = await outbox.PrepareAndStoreAsync(beforeCrash);
                await beforeCrash.BroadcastAsync(twice);
                await beforeCrash.BroadcastAsync(twice);
                break;
            case Fault.DroppedFromTheMempool:
                await anvil.RpcAsync("evm_setAutomine", false);
                try
                {
                    PreparedTransfer dropped = await outbox.PrepareAndStoreAsync(beforeCrash);
                    await beforeCrash.BroadcastAsync(dropped);
                    await anvil.RpcAsync("anvil_dropTransaction", dropped.TransactionId!);
                }
                finally
                {
                    await anvil.RpcAsync("evm_setAutomine", true);
                }

                break;
            case Fault.NonceTakenByAnotherProcess:
                PreparedTransfer lost = await outbox.PrepareAndStoreAsync(beforeCrash);
                EvmPayoutRail other = h.Rail();
                PreparedTransfer winner = await other.PrepareAsync(RailHarness.Request("other", EthECKey.GenerateKey().GetPublicAddress(), h.Tusd, 1));
                Assert.Equal(lost.Reconciliation, winner.Reconciliation);
                await other.BroadcastAsync(winner);
                await RailHarness.SettledAsync(other, winner);
                break;
        }

        TransferStatus final = await outbox.ResumeAsync(h.Rail());

        Assert.Equal(TransferState.Confirmed, final.State);
        Assert.Equal(250_000, await h.TokensOfAsync(payee));
        int landed = 0;
        foreach (PreparedTransfer attempt in outbox.Stored)
        {
            landed += (await h.Rail().GetStatusAsync(attempt)).State == TransferState.Confirmed ? 1 : 0;
        }

        Assert.Equal(1, landed);
    }
}
