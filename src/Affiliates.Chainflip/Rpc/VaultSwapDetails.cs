namespace Affiliates.Chainflip.Rpc;

/// <summary>An encoded vault swap, to put in the user's transaction; which fields are set depends on <see cref="Chain"/>.</summary>
/// <param name="Chain">The source chain ("Bitcoin", "Ethereum", "Solana", …).</param>
/// <param name="Json">The node's answer as JSON text, as <c>broker_decode_vault_swap_parameter</c> takes it back.</param>
/// <param name="NulldataPayload">Bitcoin: the OP_RETURN payload, 0x hex.</param>
/// <param name="DepositAddress">Bitcoin: the broker's private vault address to pay.</param>
/// <param name="Calldata">EVM: the vault call's data, 0x hex.</param>
/// <param name="Value">EVM: the native value to send, in base units (zero for token swaps).</param>
/// <param name="To">EVM: the vault contract.</param>
/// <param name="SourceTokenAddress">EVM: the token to approve, or null for a native swap.</param>
/// <param name="ProgramId">Solana: the program to call.</param>
/// <param name="Data">Solana: the instruction data, 0x hex.</param>
public sealed record VaultSwapDetails(
    string Chain,
    string Json,
    string? NulldataPayload = null,
    string? DepositAddress = null,
    string? Calldata = null,
    Amount? Value = null,
    string? To = null,
    string? SourceTokenAddress = null,
    string? ProgramId = null,
    string? Data = null);
