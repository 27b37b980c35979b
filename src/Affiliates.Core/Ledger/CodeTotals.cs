namespace Affiliates.Ledger;

/// <summary>Leaderboard-ready totals of one code generation's ledger over a time range.</summary>
/// <remarks>What the partner and users earn of this revenue is decided at settlement: read it from the epochs' statements.</remarks>
/// <param name="Code">The code.</param>
/// <param name="Generation">The code's generation.</param>
/// <param name="Revenue">Attributed revenue (fees or payments), net of refunds.</param>
/// <param name="AffiliateFees">Affiliate fees charged on top for the partner.</param>
/// <param name="Events">The number of events attributed, refunds included.</param>
public sealed record CodeTotals(string Code, int Generation, Amount Revenue, Amount AffiliateFees, int Events);
