namespace Affiliates.Settlement;

/// <summary>Who a statement or payout is for.</summary>
/// <remarks>The values are stored and hashed; they never change meaning.</remarks>
public enum PayeeKind
{
    /// <summary>A partner: the owner of codes, paid its commissions and affiliate fees at its codes' payment addresses.</summary>
    Partner = 1,

    /// <summary>A referred user, paid the kickbacks of its fees at its own address.</summary>
    User = 2,
}
