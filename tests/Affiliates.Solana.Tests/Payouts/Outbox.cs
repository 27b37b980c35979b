using Affiliates.Payouts;
using Affiliates.Solana.Tests.LocalValidator;

namespace Affiliates.Solana.Tests.Payouts;

/// <summary>The payout dispatcher's contract in miniature, for driving a rail step by step: what is "stored" survives a
/// simulated crash, what is not is lost. Prepare, store, then broadcast; on resume read the stored attempts' status,
/// send the same bytes again while unknown, and prepare the next attempt only when every earlier one expired.</summary>
internal sealed class Outbox(IPayoutRail rail, LocalChain chain, TransferRequest request)
{
    public List<PreparedTransfer> Stored { get; } = [];

    public TransferRequest Request { get; } = request;

    public async Task<PreparedTransfer> PrepareAndStoreAsync()
    {
        PreparedTransfer prepared = await rail.PrepareAsync(new TransferRequest(Request.Key, Stored.Count + 1, Request.Lines));
        Stored.Add(prepared);
        return prepared;
    }

    /// <summary>Resumes until the transfer is settled one way or the other; returns the final status of the attempt that decided it.</summary>
    public async Task<TransferStatus> ResumeAsync(int maxSteps = 50)
    {
        if (Stored.Count == 0)
        {
            await PrepareAndStoreAsync();
        }

        for (int step = 0; step < maxSteps; step++)
        {
            var statuses = new List<TransferStatus>();
            foreach (PreparedTransfer attempt in Stored)
            {
                statuses.Add(await rail.GetStatusAsync(attempt));
            }

            if (statuses.FirstOrDefault(s => s.State is TransferState.Confirmed or TransferState.Failed) is { } decided)
            {
                return decided;
            }

            if (statuses.All(s => s.State == TransferState.Expired))
            {
                await rail.BroadcastAsync(await PrepareAndStoreAsync());
                continue;
            }

            for (int i = 0; i < Stored.Count; i++)
            {
                if (statuses[i].State == TransferState.Unknown)
                {
                    await rail.BroadcastAsync(Stored[i]);
                }
            }

            if (statuses.Any(s => s.State == TransferState.Pending))
            {
                await chain.AdvanceBlocksAsync(8);
            }
        }

        throw new InvalidOperationException($"The transfer {Request.Key} did not settle in {maxSteps} steps.");
    }
}
