using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Spectre.Console;

namespace Affiliates.Cli.Commands;

/// <summary>How a registry and its terms are shown.</summary>
internal static class RegistryView
{
    public static object Of(Registry registry, ProgramTerms terms) => new
    {
        registry.Id,
        registry.Name,
        admin = registry.AdminAddress,
        termsVersion = registry.TermsVersion,
        createdAt = CliValues.Format(registry.CreatedAt),
        excluded = registry.ExcludedAddresses,
        terms = new
        {
            terms.Kind,
            asset = terms.PayoutAsset.ToString(),
            referralFee = terms.DefaultReferralFee.ToString(),
            multipliers = terms.MultiplierLadder.Select(m => new { above = terms.PayoutAsset.Format(m.Above), multiplier = m.Multiplier.ToString() }),
            kickback = new { min = terms.KickbackRange.Minimum.ToString(), max = terms.KickbackRange.Maximum.ToString() },
            affiliateFee = new { min = terms.AffiliateFeeRange.Minimum.ToString(), max = terms.AffiliateFeeRange.Maximum.ToString() },
            tiers = terms.Tiers.Select(t => new { t.Name, atLeast = terms.TierMetric == TierMetric.EpochReferrals ? t.AtLeast.ToString() : terms.PayoutAsset.Format(t.AtLeast), rate = t.Rate.ToString() }),
            terms.TierMetric,
            terms.TiersNeverDowngrade,
            terms.Epochs,
            minimumPayout = terms.PayoutAsset.Format(terms.MinimumPayout),
            terms.BindingPolicy,
            attributionWindowDays = terms.AttributionWindow.Days,
            terms.AllowSelfReferral,
            terms.NewUsersOnly,
        },
    };

    public static void Render(IAnsiConsole console, Registry registry, ProgramTerms terms)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("field", "value")
            .Title($"{registry.Id}: {registry.Name} (terms v{registry.TermsVersion})");
        table.AddRow("admin", Markup.Escape(registry.AdminAddress));
        table.AddRow("kind", terms.Kind.ToString());
        table.AddRow("asset", Markup.Escape(terms.PayoutAsset.ToString()));
        table.AddRow("epochs", terms.Epochs.ToString());
        table.AddRow("minimum payout", terms.PayoutAsset.Format(terms.MinimumPayout));
        if (terms.Kind == ProgramKind.FeeShare)
        {
            table.AddRow("referral fee", terms.DefaultReferralFee.ToString());
            table.AddRow("multipliers", terms.MultiplierLadder.Count == 0 ? "x1" : string.Join(", ", terms.MultiplierLadder.Select(m => $"> {terms.PayoutAsset.Format(m.Above)}: {m.Multiplier}")));
            table.AddRow("kickback range", $"{terms.KickbackRange.Minimum} to {terms.KickbackRange.Maximum}");
            table.AddRow("affiliate fee range", $"{terms.AffiliateFeeRange.Minimum} to {terms.AffiliateFeeRange.Maximum}");
        }
        else
        {
            table.AddRow("tiers", Markup.Escape(string.Join(", ", terms.Tiers.Select(t => $"{t.Name} from {(terms.TierMetric == TierMetric.EpochReferrals ? t.AtLeast.ToString() : terms.PayoutAsset.Format(t.AtLeast))}: {t.Rate}"))));
            table.AddRow("tier metric", $"{terms.TierMetric}{(terms.TiersNeverDowngrade ? ", never downgraded" : string.Empty)}");
        }

        table.AddRow("binding", $"{terms.BindingPolicy}, attribution window {terms.AttributionWindow.Days} days");
        console.Write(table);
    }
}
