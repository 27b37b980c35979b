namespace Affiliates.Programs;

/// <summary>Changes where a code's partner share is paid (signed by the code's owner).</summary>
/// <param name="Code">The code.</param>
/// <param name="PaymentAddress">The new payment address.</param>
public sealed record SetPaymentAddress(string Code, string PaymentAddress) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => Code;

    internal override string Name => "set-payment-address";

    internal override ChangeAuthority Authority => ChangeAuthority.Owner;

    internal override void Describe(SignedMessage message) => message.Line("payment-address", PaymentAddress);
}
