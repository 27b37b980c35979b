namespace Affiliates.Settlement;

/// <summary>Settlement input that cannot be settled: the reason and the offending key (line id, partner id or tier).</summary>
public sealed class SettlementException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="SettlementException"/> class.</summary>
    public SettlementException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SettlementException"/> class.</summary>
    public SettlementException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SettlementException"/> class.</summary>
    public SettlementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SettlementException"/> class.</summary>
    /// <param name="error">Why settlement failed.</param>
    /// <param name="key">The line id, partner id or tier name at fault.</param>
    /// <param name="message">A human-readable explanation.</param>
    public SettlementException(SettlementError error, string key, string message)
        : base(message)
    {
        Error = error;
        Key = key;
    }

    /// <summary>Gets why settlement failed.</summary>
    public SettlementError Error { get; }

    /// <summary>Gets the line id, partner id or tier name at fault.</summary>
    public string Key { get; } = string.Empty;
}
