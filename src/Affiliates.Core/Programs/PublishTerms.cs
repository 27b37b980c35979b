using System.Globalization;

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

    internal override void Describe(SignedMessage message)
    {
        ProgramTerms t = Terms;
        message.Line("kind", t.Kind.ToString());
        message.Line("default-referral-fee-ppm", Ppm(t.DefaultReferralFee));
        message.List("multiplier-ladder", t.MultiplierLadder.Select(s => $">{s.Above.Units}:{s.Multiplier.Millionths}"));
        message.Line("kickback-range-ppm", $"{Ppm(t.KickbackRange.Minimum)}..{Ppm(t.KickbackRange.Maximum)}");
        message.Line("affiliate-fee-range-ppm", $"{Ppm(t.AffiliateFeeRange.Minimum)}..{Ppm(t.AffiliateFeeRange.Maximum)}");
        message.Line("code-pattern", t.CodePattern);
        message.List("reserved-codes", t.ReservedCodes);
        message.Line("code-cooldown-ticks", Ticks(t.CodeCooldown));
        message.Line("attribution-window-ticks", Ticks(t.AttributionWindow));
        message.Line("binding-policy", t.BindingPolicy.ToString());
        message.Line("allow-self-referral", t.AllowSelfReferral ? "true" : "false");
        message.Line("new-users-only", t.NewUsersOnly ? "true" : "false");
        message.Line("tier-metric", t.TierMetric.ToString());
        message.List("tiers", t.Tiers.Select(s => $"{s.Name}>={s.AtLeast.Units}:{Ppm(s.Rate)}"));
        message.Line("tiers-never-downgrade", t.TiersNeverDowngrade ? "true" : "false");
        message.Line("epochs", t.Epochs.ToString());
        message.Line("minimum-payout", t.MinimumPayout.ToString());
        message.Parts("payout-asset", ':', t.PayoutAsset.Chain, t.PayoutAsset.Symbol, t.PayoutAsset.Decimals.ToString(CultureInfo.InvariantCulture), t.PayoutAsset.Contract);
    }

    private static string Ticks(NodaTime.Duration duration) => duration.TotalTicks.ToString(CultureInfo.InvariantCulture);
}
