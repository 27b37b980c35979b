namespace Affiliates.Programs;

/// <summary>Creates a code owned by the signer (anyone may create codes; one owner may hold many, one per channel).</summary>
/// <param name="Code">The code; case-insensitive, stored upper-cased.</param>
/// <param name="Channel">The owner's label for the channel the code is used in, or empty.</param>
/// <param name="PaymentAddress">Where the partner's share is paid.</param>
/// <param name="Kickback">The share of the referral fee passed to referred users, within the terms' range.</param>
/// <param name="AffiliateFee">The fee charged on top of the notional, within the terms' range.</param>
public sealed record CreateCode(string Code, string Channel, string PaymentAddress, Rate Kickback, Rate AffiliateFee) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => Code;

    internal override string Name => "create-code";

    internal override ChangeAuthority Authority => ChangeAuthority.Anyone;

    internal override void Describe(SignedMessage message) => message
        .Line("channel", Channel)
        .Line("payment-address", PaymentAddress)
        .Line("kickback-ppm", Ppm(Kickback))
        .Line("affiliate-fee-ppm", Ppm(AffiliateFee));
}
