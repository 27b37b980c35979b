namespace Affiliates.Payouts;

/// <summary>Thrown by <see cref="IPayoutRail.PrepareAsync"/> for a line the rail can never pay; the dispatcher fails that payout and prepares the rest again.</summary>
public sealed class PayoutRejectedException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="PayoutRejectedException"/> class.</summary>
    /// <param name="payoutId">The payout whose line cannot be paid.</param>
    /// <param name="reason">Why, in words a host can show (never a key).</param>
    public PayoutRejectedException(string payoutId, string reason)
        : base($"Payout '{payoutId}' cannot be paid: {reason}")
    {
        PayoutId = Preconditions.NotNull(payoutId);
        Reason = Preconditions.NotNull(reason);
    }

    /// <summary>Gets the payout whose line cannot be paid.</summary>
    public string PayoutId { get; }

    /// <summary>Gets why.</summary>
    public string Reason { get; }
}
