namespace Affiliates.Rewards;

/// <summary>The affiliate scores of one epoch, with the outcome of every trade and address behind them.</summary>
public sealed class ScoringResult
{
    internal ScoringResult(TradeOutcome[] trades, AddressOutcome[] addresses, AffiliateScore[] affiliates, Amount totalScore, ScoringState state)
    {
        Trades = trades;
        Addresses = addresses;
        Affiliates = affiliates;
        TotalScore = totalScore;
        State = state;
    }

    /// <summary>Gets one outcome per trade, in (time, id) order.</summary>
    public IReadOnlyList<TradeOutcome> Trades { get; }

    /// <summary>Gets one outcome per address that traded in the epoch, ordered by address.</summary>
    public IReadOnlyList<AddressOutcome> Addresses { get; }

    /// <summary>Gets the score of every affiliate with an attributed address trading in the epoch, ordered by affiliate.</summary>
    public IReadOnlyList<AffiliateScore> Affiliates { get; }

    /// <summary>Gets the sum of the affiliate scores.</summary>
    public Amount TotalScore { get; }

    /// <summary>Gets the state to score the next epoch from.</summary>
    public ScoringState State { get; }
}
