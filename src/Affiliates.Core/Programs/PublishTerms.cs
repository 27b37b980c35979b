using System.Globalization;
using System.Text;

namespace Affiliates.Programs;

/// <summary>Publishes a new version of the registry's terms (signed by the registry admin).</summary>
/// <remarks>
/// The engine sets the terms' registry id, version (current + 1) and effective instant; the values given for those
/// three are ignored and not part of the signed message. Bindings made earlier keep their version (forward-only).
/// </remarks>
/// <param name="Terms">The new terms.</param>
public sealed record PublishTerms(ProgramTerms Terms) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => null;

    internal override string Name => "publish-terms";

    internal override ChangeAuthority Authority => ChangeAuthority.Admin;

    internal override void Describe(StringBuilder message)
    {
        ProgramTerms t = Terms;
        Line(message, "kind", t.Kind.ToString());
        Line(message, "default-referral-fee-ppm", Ppm(t.DefaultReferralFee));
        Line(message, "multiplier-ladder", string.Join(',', t.MultiplierLadder.Select(s => $">{s.Above.Units}:{s.Multiplier.Millionths}")));
        Line(message, "kickback-range-ppm", $"{Ppm(t.KickbackRange.Minimum)}..{Ppm(t.KickbackRange.Maximum)}");
        Line(message, "affiliate-fee-range-ppm", $"{Ppm(t.AffiliateFeeRange.Minimum)}..{Ppm(t.AffiliateFeeRange.Maximum)}");
        Line(message, "code-pattern", t.CodePattern);
        Line(message, "reserved-codes", string.Join(',', t.ReservedCodes));
        Line(message, "code-cooldown-ticks", Ticks(t.CodeCooldown));
        Line(message, "attribution-window-ticks", Ticks(t.AttributionWindow));
        Line(message, "binding-policy", t.BindingPolicy.ToString());
        Line(message, "allow-self-referral", t.AllowSelfReferral ? "true" : "false");
        Line(message, "new-users-only", t.NewUsersOnly ? "true" : "false");
        Line(message, "tier-metric", t.TierMetric.ToString());
        Line(message, "tiers", string.Join(',', t.Tiers.Select(s => $"{s.Name}>={s.AtLeast.Units}:{Ppm(s.Rate)}")));
        Line(message, "tiers-never-downgrade", t.TiersNeverDowngrade ? "true" : "false");
        Line(message, "epochs", t.Epochs.ToString());
        Line(message, "minimum-payout", t.MinimumPayout.ToString());
        Line(message, "payout-asset", $"{t.PayoutAsset.Chain}:{t.PayoutAsset.Symbol}:{t.PayoutAsset.Decimals.ToString(CultureInfo.InvariantCulture)}:{t.PayoutAsset.Contract}");
    }

    private static void Line(StringBuilder message, string key, string value) => message.Append(key).Append(": ").Append(value).Append('\n');

    private static string Ticks(NodaTime.Duration duration) => duration.TotalTicks.ToString(CultureInfo.InvariantCulture);
}
