using System.Buffers.Binary;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Rpc;

namespace Affiliates.Solana.Tests.LocalValidator;

/// <summary>One chain on the litesvm server: the client the adapter uses, and the test controls the server adds.</summary>
public sealed class LocalChain : IDisposable
{
    private readonly HttpClient http = new();

    internal LocalChain(Uri url)
    {
        Url = url;
        Rpc = new SolanaRpcClient(() => http, url, firstBackoff: TimeSpan.FromMilliseconds(10));
    }

    public Uri Url { get; }

    internal SolanaRpcClient Rpc { get; }

    public async Task<Keypair> FundedKeypairAsync(ulong lamports = 10_000_000_000)
    {
        Keypair keypair = Keypair.Generate();
        await Rpc.RequestAirdropAsync(keypair.PublicKey, lamports);
        return keypair;
    }

    public async Task SetAccountAsync(PublicKey address, PublicKey owner, byte[] data, ulong? lamports = null)
    {
        ulong balance = lamports ?? await Rpc.GetMinimumBalanceForRentExemptionAsync(data.Length);
        await Rpc.CallRawAsync("litesvm_setAccount", w =>
        {
            w.WriteStringValue(address.Key);
            w.WriteStartObject();
            w.WriteNumber("lamports", balance);
            w.WriteStartArray("data");
            w.WriteStringValue(Convert.ToBase64String(data));
            w.WriteStringValue("base64");
            w.WriteEndArray();
            w.WriteString("owner", owner.Key);
            w.WriteEndObject();
        });
    }

    /// <summary>Plants an initialized SPL Token mint (no freeze authority) at <paramref name="mint"/>.</summary>
    public async Task CreateMintAsync(PublicKey mint, byte decimals, PublicKey? tokenProgram = null)
    {
        byte[] data = new byte[TokenProgram.MintLength];
        BinaryPrimitives.WriteUInt32LittleEndian(data, 1);
        Keypair.Generate().PublicKey.KeyBytes.CopyTo(data, 4);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(36), ulong.MaxValue / 2);
        data[44] = decimals;
        data[45] = 1;
        await SetAccountAsync(mint, tokenProgram ?? TokenProgram.ProgramId, data);
    }

    /// <summary>Plants <paramref name="owner"/>'s associated token account for <paramref name="mint"/> holding <paramref name="amount"/>.</summary>
    public async Task<PublicKey> CreateTokenAccountAsync(PublicKey owner, PublicKey mint, ulong amount)
    {
        PublicKey account = AssociatedTokenAccountProgram.Derive(owner, mint);
        byte[] data = new byte[TokenProgram.TokenAccountLength];
        mint.KeyBytes.CopyTo(data, 0);
        owner.KeyBytes.CopyTo(data, 32);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(64), amount);
        data[108] = 1;
        await SetAccountAsync(account, TokenProgram.ProgramId, data);
        return account;
    }

    public async Task<ulong> AdvanceBlocksAsync(int blocks) =>
        (await Rpc.CallRawAsync("litesvm_advanceBlocks", w => w.WriteNumberValue(blocks))).GetUInt64();

    public Task DropNextSendsAsync(int count) => Rpc.CallRawAsync("litesvm_dropNextSends", w => w.WriteNumberValue(count));

    public Task FailNextRequestsAsync(int count, int httpStatus) =>
        Rpc.CallRawAsync("litesvm_failNextRequests", w => { w.WriteNumberValue(count); w.WriteNumberValue(httpStatus); });

    public void Dispose() => http.Dispose();
}
