namespace Affiliates.Settlement;

/// <summary>The latest epoch of a registry that was closed: nothing more is booked into it or any earlier epoch.</summary>
/// <remarks>Epochs close strictly in order, each one after the previous one was settled; an event dated in a closed
/// epoch is booked, late, into the first open one.</remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="Epoch">The epoch closed last.</param>
public sealed record ClosedEpoch(string RegistryId, Epoch Epoch);
