namespace Affiliates.Settlement;

/// <summary>Who a statement is for: a partner (code owner) or a user.</summary>
/// <param name="Kind">Partner or user.</param>
/// <param name="Payee">The partner's owner address or the user's address.</param>
public readonly record struct PayeeKey(PayeeKind Kind, string Payee) : IComparable<PayeeKey>
{
    /// <summary>Returns a partner's key.</summary>
    public static PayeeKey Partner(string owner) => new(PayeeKind.Partner, owner);

    /// <summary>Returns a user's key.</summary>
    public static PayeeKey User(string user) => new(PayeeKind.User, user);

    /// <summary>Orders partners before users, then by address (ordinal): the order of statements and payouts.</summary>
    public int CompareTo(PayeeKey other)
    {
        int order = Kind.CompareTo(other.Kind);
        return order != 0 ? order : string.CompareOrdinal(Payee, other.Payee);
    }

    /// <summary>Returns "partner:address" or "user:address".</summary>
    public override string ToString() => $"{(Kind == PayeeKind.Partner ? "partner" : "user")}:{Payee}";
}
