using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Affiliates.Evm;

/// <summary>The JSON-RPC calls the adapter makes, on Nethereum's client; cancellation stops the wait, not the request.</summary>
internal sealed class EvmRpc(IClient client)
{
    private readonly Web3 web3 = new(client);

    public static EvmRpc ForUrl(Uri url, HttpClient? http = null) =>
        new(http is null ? new RpcClient(url) : new RpcClient(url, http));

    public async Task<BigInteger> ChainIdAsync(CancellationToken cancellationToken) =>
        (await web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<bool> HasCodeAsync(string address, CancellationToken cancellationToken)
    {
        string code = await web3.Eth.GetCode.SendRequestAsync(address, BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false);
        return code is { Length: > 2 };
    }

    /// <summary>Runs <c>eth_call</c> on the latest block; returns <see langword="null"/> when the call reverts.</summary>
    public async Task<byte[]?> CallAsync(string to, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            var input = new CallInput { To = to, Data = "0x" + Convert.ToHexStringLower(data) };
            string result = await web3.Eth.Transactions.Call.SendRequestAsync(input, BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false);
            return EcdsaSignature.HexBytes(result) ?? [];
        }
        catch (RpcResponseException e) when (EvmNodeErrors.IsRevert(e.RpcError))
        {
            return null;
        }
    }

    public async Task<BigInteger> BalanceAsync(string address, CancellationToken cancellationToken) =>
        (await web3.Eth.GetBalance.SendRequestAsync(address, BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<BigInteger> BlockNumberAsync(CancellationToken cancellationToken) =>
        (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<BigInteger> PendingNonceAsync(string address, CancellationToken cancellationToken) =>
        (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreatePending()).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<BigInteger> LatestNonceAsync(string address, CancellationToken cancellationToken) =>
        (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<BigInteger> NonceAtAsync(string address, BigInteger block, CancellationToken cancellationToken) =>
        (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, new BlockParameter(new HexBigInteger(block))).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    public Task<FeeHistoryResult> FeeHistoryAsync(int blocks, decimal[] percentiles, CancellationToken cancellationToken) =>
        web3.Eth.FeeHistory.SendRequestAsync(new HexBigInteger(blocks), BlockParameter.CreateLatest(), percentiles).WaitAsync(cancellationToken);

    public async Task<BigInteger> EstimateGasAsync(string from, string to, BigInteger value, byte[] data, CancellationToken cancellationToken)
    {
        var input = new CallInput { From = from, To = to, Value = new HexBigInteger(value), Data = "0x" + Convert.ToHexStringLower(data) };
        return (await web3.Eth.Transactions.EstimateGas.SendRequestAsync(input).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    public Task<string> SendRawTransactionAsync(byte[] raw, CancellationToken cancellationToken) =>
        web3.Eth.Transactions.SendRawTransaction.SendRequestAsync("0x" + Convert.ToHexStringLower(raw)).WaitAsync(cancellationToken);

    public Task<TransactionReceipt?> ReceiptAsync(string hash, CancellationToken cancellationToken) =>
        web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash).WaitAsync(cancellationToken)!;

    public Task<Transaction?> TransactionAsync(string hash, CancellationToken cancellationToken) =>
        web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash).WaitAsync(cancellationToken)!;
}
