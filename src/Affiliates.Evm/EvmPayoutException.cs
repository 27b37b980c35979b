namespace Affiliates.Evm;

/// <summary>
/// The EVM rail cannot go on with a payout for now (wrong chain, unfunded hot wallet, fees above the cap, a signer that
/// signs as someone else). Nothing was sent: the payout dispatcher takes it as transient and retries with backoff, so
/// the payout is neither lost nor paid twice once the problem is fixed.
/// </summary>
public sealed class EvmPayoutException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="EvmPayoutException"/> class.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="message">A sentence saying it, with the figures (never a key).</param>
    public EvmPayoutException(EvmPayoutProblem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>Gets what is wrong.</summary>
    public EvmPayoutProblem Problem { get; }
}
