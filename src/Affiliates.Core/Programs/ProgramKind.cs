namespace Affiliates.Programs;

/// <summary>How a registry turns referred activity into commission.</summary>
public enum ProgramKind
{
    /// <summary>Each fee is split when it is collected: protocol, partner and user kickback (Rujira, GMX v2).</summary>
    FeeShare,

    /// <summary>Referred revenue accrues and the partner earns its tier's rate of it at settlement (subscription, reseller).</summary>
    RevenueShare,
}
