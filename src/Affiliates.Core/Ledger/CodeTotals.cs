namespace Affiliates.Ledger;

/// <summary>Leaderboard-ready totals of one code generation over a time range.</summary>
/// <param name="Code">The code.</param>
/// <param name="Generation">The code's generation.</param>
/// <param name="Revenue">Attributed revenue (fees or payments), net of clawbacks.</param>
/// <param name="PartnerEarnings">Referral shares and affiliate fees credited to the partner, net of clawbacks.</param>
/// <param name="UserKickbacks">Kickbacks credited to referred users, net of clawbacks.</param>
/// <param name="Events">The number of events attributed, clawbacks included.</param>
public sealed record CodeTotals(string Code, int Generation, Amount Revenue, Amount PartnerEarnings, Amount UserKickbacks, int Events);
