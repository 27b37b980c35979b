namespace Affiliates.Kinds;

/// <summary>What a payment line is priced at: its commission rate (or referral fee), multiplier and kickback.</summary>
internal readonly record struct LinePrice(Rate Rate, Multiplier Multiplier, Rate Kickback);
