using Affiliates.Payouts;

namespace Affiliates.Evm.Tests;

/// <summary>
/// The payout dispatcher's contract in miniature, for driving a rail step by step on Anvil: what is stored survives a
/// simulated crash (a new rail, as after a restart), what is not is lost. Prepare, store, then broadcast; on resume read
/// every stored attempt's status, send the same bytes again while unknown, and prepare the next attempt only when
/// every earlier one expired; a success counts once it is as deep as the rail's confirmation depth.
/// </summary>
internal sealed class Outbox(AnvilNode anvil, TransferRequest request)
{
    public List<PreparedTransfer> Stored { get; } = [];

    public async Task<PreparedTransfer> PrepareAndStoreAsync(IPayoutRail rail)
    {
        PreparedTransfer prepared = await rail.PrepareAsync(new TransferRequest(request.Key, Stored.Count + 1, request.Lines));
        Stored.Add(prepared);
        return prepared;
    }

    public async Task<TransferStatus> ResumeAsync(IPayoutRail rail, int maxSteps = 100)
    {
        if (Stored.Count == 0)
        {
            await rail.BroadcastAsync(await PrepareAndStoreAsync(rail));
        }

        for (int step = 0; step < maxSteps; step++)
        {
            var statuses = new List<TransferStatus>();
            foreach (PreparedTransfer attempt in Stored)
            {
                statuses.Add(await rail.GetStatusAsync(attempt));
            }

            if (statuses.FirstOrDefault(s => s.State == TransferState.Failed || (s.State == TransferState.Confirmed && s.Depth >= rail.Profile.ConfirmationDepth)) is { } decided)
            {
                return decided;
            }

            if (statuses.All(s => s.State == TransferState.Expired))
            {
                await rail.BroadcastAsync(await PrepareAndStoreAsync(rail));
                continue;
            }

            for (int i = 0; i < Stored.Count; i++)
            {
                if (statuses[i].State == TransferState.Unknown)
                {
                    await rail.BroadcastAsync(Stored[i]);
                }
            }

            if (statuses.Any(s => s.State is TransferState.Pending or TransferState.Confirmed))
            {
                await Task.Delay(20);
                await anvil.MineAsync(1);
            }
        }

        throw new InvalidOperationException($"The transfer {request.Key} did not settle in {maxSteps} steps.");
    }
}
