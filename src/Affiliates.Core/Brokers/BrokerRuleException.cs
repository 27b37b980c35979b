namespace Affiliates.Brokers;

/// <summary>Thrown before any chain call when a request would break a rule of the broker's delegated affiliates.</summary>
public sealed class BrokerRuleException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="BrokerRuleException"/> class.</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="field">The argument or field at fault.</param>
    /// <param name="message">What is wrong.</param>
    public BrokerRuleException(BrokerRule rule, string field, string message)
        : base(message)
    {
        Rule = rule;
        Field = field;
    }

    /// <summary>Gets the rule broken.</summary>
    public BrokerRule Rule { get; }

    /// <summary>Gets the argument or field at fault.</summary>
    public string Field { get; }
}
