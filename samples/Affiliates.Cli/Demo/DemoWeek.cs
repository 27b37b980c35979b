using Affiliates.Settlement;

namespace Affiliates.Cli.Demo;

/// <summary>One settled week of the demo, with what was billed and refunded in it.</summary>
/// <param name="Settlement">The engine's settlement of the week.</param>
/// <param name="Billed">Payments of the week.</param>
/// <param name="Refunded">Refunds of the week (of this or earlier weeks' payments).</param>
/// <param name="Payments">How many payments.</param>
/// <param name="Refunds">How many refunds.</param>
internal sealed record DemoWeek(EpochSettlement Settlement, Amount Billed, Amount Refunded, int Payments, int Refunds)
{
    /// <summary>Gets what the week's payouts pay.</summary>
    public Amount Paid => Settlement.Payouts.Aggregate(Amount.Zero, static (sum, p) => sum + p.Amount);

    /// <summary>Gets the statements whose balance stays below the minimum payout and is carried to the next week.</summary>
    public IEnumerable<EpochStatement> Carried => Settlement.Statements.Where(static s => s.Payable.IsZero && !s.CarryOut.IsZero);
}
