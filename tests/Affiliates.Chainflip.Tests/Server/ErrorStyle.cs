namespace Affiliates.Chainflip.Tests.Server;

/// <summary>How broker dispatch errors are written: by the node itself (1.9+) or by the deprecated standalone broker API.</summary>
public enum ErrorStyle
{
    /// <summary>-32024 with the Debug text of <c>KnownModuleError</c>.</summary>
    Node,

    /// <summary>-32020 with "The transaction failed: Module error ‘Name‘ from pallet ‘Swapping‘".</summary>
    StandaloneBrokerApi,
}
