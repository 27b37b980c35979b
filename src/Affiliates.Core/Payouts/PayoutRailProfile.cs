using NodaTime;

namespace Affiliates.Payouts;

/// <summary>What the dispatcher needs to know about a rail to drive its transfers.</summary>
/// <param name="MaxIntentsPerTransfer">How many payout intents fit in one transfer (1 for a Chainflip withdrawal or a plain EVM transfer).</param>
/// <param name="ConfirmationDepth">The depth at which a confirmed transfer is final; a rail that reads finality directly reports this depth once final.</param>
/// <param name="PollInterval">How long to wait between status reads of a transfer in flight.</param>
/// <param name="ReplaceAfter">How long a transfer may stay pending before <see cref="IPayoutRail.ReplaceAsync"/> is asked for a replacement; <see langword="null"/> never asks.</param>
public sealed record PayoutRailProfile(int MaxIntentsPerTransfer, int ConfirmationDepth, Duration PollInterval, Duration? ReplaceAfter = null)
{
    /// <summary>Gets how many intents fit in one transfer, at least 1.</summary>
    public int MaxIntentsPerTransfer { get; } = MaxIntentsPerTransfer >= 1
        ? MaxIntentsPerTransfer
        : throw new ArgumentOutOfRangeException(nameof(MaxIntentsPerTransfer), MaxIntentsPerTransfer, "MaxIntentsPerTransfer must be at least 1.");

    /// <summary>Gets the final confirmation depth, at least 1.</summary>
    public int ConfirmationDepth { get; } = ConfirmationDepth >= 1
        ? ConfirmationDepth
        : throw new ArgumentOutOfRangeException(nameof(ConfirmationDepth), ConfirmationDepth, "ConfirmationDepth must be at least 1.");

    /// <summary>Gets the poll interval, above zero.</summary>
    public Duration PollInterval { get; } = PollInterval > Duration.Zero
        ? PollInterval
        : throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "PollInterval must be above zero.");

    /// <summary>Gets how long a transfer may stay pending before a replacement is asked for, or <see langword="null"/>.</summary>
    public Duration? ReplaceAfter { get; } = ReplaceAfter is { } after && after <= Duration.Zero
        ? throw new ArgumentOutOfRangeException(nameof(ReplaceAfter), ReplaceAfter, "ReplaceAfter must be above zero or null.")
        : ReplaceAfter;
}
