namespace Affiliates.Fees;

/// <summary>Thrown when a broker commission and its affiliate beneficiaries break a Chainflip limit.</summary>
public sealed class BeneficiaryValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="BeneficiaryValidationException"/> class.</summary>
    /// <param name="reason">Which limit was broken.</param>
    /// <param name="paramName">The argument at fault.</param>
    /// <param name="index">The position of the affiliate at fault, if one is.</param>
    /// <param name="message">What is wrong.</param>
    public BeneficiaryValidationException(BeneficiaryValidationError reason, string paramName, int? index, string message)
        : base(message, paramName)
    {
        Reason = reason;
        Index = index;
    }

    /// <summary>Gets which limit was broken.</summary>
    public BeneficiaryValidationError Reason { get; }

    /// <summary>Gets the position of the affiliate at fault, or null when the fault is not one affiliate's.</summary>
    public int? Index { get; }
}
