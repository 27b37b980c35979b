namespace Affiliates.Settlement;

/// <summary>One line of a partner's epoch statement: the revenue a code brought and the commission it earned.</summary>
/// <param name="Code">The partner code the revenue was attributed to.</param>
/// <param name="Revenue">The attributed revenue in the epoch, net of clawbacks.</param>
/// <param name="Rate">The commission rate applied.</param>
/// <param name="Commission">The commission earned on this line.</param>
public sealed record StatementLine(string Code, Amount Revenue, Rate Rate, Amount Commission);
