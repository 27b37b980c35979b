using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;

namespace Affiliates.Kinds;

/// <summary>
/// Everything that differs between program kinds, in one place per kind: what its terms must hold, what an attributed
/// event books at ingest, whether partners have tiers, and how a line is priced at settlement. The engine and the
/// settler orchestrate; they never branch on the kind. A new kind is a folder here with its rules and its tests.
/// </summary>
internal abstract class ProgramRules
{
    /// <summary>Gets the kind these rules are for.</summary>
    public abstract ProgramKind Kind { get; }

    /// <summary>Gets whether partners of this kind have tiers measured at settlement.</summary>
    public abstract bool HasTiers { get; }

    /// <summary>Returns the rules of <paramref name="kind"/>.</summary>
    public static ProgramRules For(ProgramKind kind) => kind switch
    {
        ProgramKind.FeeShare => FeeShareRules.Instance,
        ProgramKind.RevenueShare => RevenueShareRules.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a defined program kind"),
    };

    /// <summary>Adds what makes <paramref name="terms"/> unsettleable for this kind to <paramref name="problems"/>.</summary>
    public abstract void Validate(ProgramTerms terms, List<string> problems);

    /// <summary>Returns why the code cannot apply under <paramref name="terms"/>, or null when it can.</summary>
    public abstract (FeeOutcome Outcome, string Detail)? Refusal(ProgramTerms terms, PartnerCode code);

    /// <summary>Returns the revenue entry of an attributed event with what this kind prices it by.</summary>
    public abstract LedgerEntry Book(LedgerEntry revenue, ProgramTerms terms, PartnerCode code);

    /// <summary>Returns whether the revenue booked as <paramref name="entry"/> credits nobody even at the terms' best rate.</summary>
    public abstract bool CreditsNothing(LedgerEntry entry, ProgramTerms terms);

    /// <summary>Returns how a payment line is priced: its rate, multiplier and kickback.</summary>
    /// <param name="line">The line.</param>
    /// <param name="pricing">Its terms version's pricing.</param>
    /// <param name="tierMetric">Its partner's tier metric (at the end of the line's own epoch for a late line).</param>
    /// <param name="trailing">The codes' trailing daily revenue.</param>
    public abstract LinePrice PriceOf(SettlementLine line, TermsPricing pricing, Int128 tierMetric, TrailingRevenue trailing);

    /// <summary>Returns what the partner and the user earn of <paramref name="revenue"/> (zero or more) at <paramref name="price"/>.</summary>
    /// <remarks>Non-decreasing in the revenue, so reversals of cumulative refunds never change sign.</remarks>
    public abstract Shares Split(Amount revenue, LinePrice price);
}
