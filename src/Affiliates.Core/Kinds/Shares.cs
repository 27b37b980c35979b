namespace Affiliates.Kinds;

/// <summary>What the partner and the user earn of some revenue; the protocol keeps the rest.</summary>
internal readonly record struct Shares(Amount Partner, Amount User);
