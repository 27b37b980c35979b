using System.Diagnostics;
using System.Numerics;
using System.Text.RegularExpressions;
using Nethereum.ABI;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Affiliates.Evm.Tests;

/// <summary>
/// One Anvil node for the test run: the one at AFFILIATES_ANVIL_URL, or else one started here from the binary that
/// .ci/anvil.sh installs from npm (stopped by its PID when the run ends). Tests make their own funded wallets and
/// deploy their own contracts, so they never depend on each other's state.
/// </summary>
public sealed partial class AnvilNode : IAsyncLifetime
{
    public const string UrlVariable = "AFFILIATES_ANVIL_URL";
    public const long ChainId = 31337;

    private Process? process;

    public Uri Url { get; private set; } = null!;

    public Web3 Web3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string? external = Environment.GetEnvironmentVariable(UrlVariable);
        Url = string.IsNullOrWhiteSpace(external) ? await StartAsync() : new Uri(external);
        Web3 = new Web3(Url.ToString());
        BigInteger chainId = (await Web3.Eth.ChainId.SendRequestAsync()).Value;
        if (chainId != ChainId)
        {
            throw new InvalidOperationException($"The node at {Url} has chain id {chainId}, not Anvil's {ChainId}.");
        }
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>Makes a fresh key holding <paramref name="wei"/> (none if zero).</summary>
    public async Task<EthECKey> NewWalletAsync(BigInteger wei)
    {
        EthECKey key = EthECKey.GenerateKey();
        if (!wei.IsZero)
        {
            await RpcAsync("anvil_setBalance", key.GetPublicAddress(), new HexBigInteger(wei).HexValue);
        }

        return key;
    }

    public Task<T> RpcAsync<T>(string method, params object[] parameters) => Web3.Client.SendRequestAsync<T>(new RpcRequest(Guid.NewGuid().ToString(), method, parameters));

    public Task<object> RpcAsync(string method, params object[] parameters) => RpcAsync<object>(method, parameters);

    public Task MineAsync(int blocks) => RpcAsync("anvil_mine", new HexBigInteger(blocks).HexValue);

    /// <summary>Deploys a committed contract (Contracts/*.bin) with ABI-encoded constructor arguments; returns its address.</summary>
    public async Task<string> DeployAsync(EthECKey deployer, string contract, params ABIValue[] constructorArguments)
    {
        string bytecode = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Contracts", contract + ".bin"))).Trim();
        byte[] arguments = constructorArguments.Length == 0 ? [] : new ABIEncode().GetABIEncoded(constructorArguments);
        TransactionReceipt receipt = await SendAsync(deployer, null, "0x" + bytecode + Convert.ToHexStringLower(arguments));
        return receipt.ContractAddress;
    }

    /// <summary>Sends a call from a test wallet (not through the rail) and waits for its receipt, failing if it reverted.</summary>
    public async Task<TransactionReceipt> SendAsync(EthECKey from, string? to, string data)
    {
        var web3 = new Web3(new Account(from, ChainId), Url.ToString());
        var input = new TransactionInput { From = from.GetPublicAddress(), To = to, Data = data, Gas = new HexBigInteger(3_000_000) };
        TransactionReceipt receipt = await web3.TransactionManager.SendTransactionAndWaitForReceiptAsync(input);
        if (receipt.Status.Value != 1)
        {
            throw new InvalidOperationException($"The test transaction {receipt.TransactionHash} reverted.");
        }

        return receipt;
    }

    /// <summary>Encodes a call: the selector of <paramref name="signature"/> and the ABI-encoded arguments.</summary>
    public static string Calldata(string signature, params ABIValue[] arguments)
    {
        byte[] selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes(signature))[..4];
        byte[] encoded = arguments.Length == 0 ? [] : new ABIEncode().GetABIEncoded(arguments);
        return "0x" + Convert.ToHexStringLower([.. selector, .. encoded]);
    }

    public async Task<BigInteger> TokenBalanceAsync(string token, string owner)
    {
        string result = await Web3.Eth.Transactions.Call.SendRequestAsync(new CallInput { To = token, Data = Calldata("balanceOf(address)", new ABIValue("address", owner)) }, BlockParameter.CreateLatest());
        return new HexBigInteger(result).Value;
    }

    public async Task<BigInteger> BalanceAsync(string owner) => (await Web3.Eth.GetBalance.SendRequestAsync(owner)).Value;

    private async Task<Uri> StartAsync()
    {
        string root = RepositoryRoot();
        string binary = (await RunAsync("bash", Path.Combine(root, ".ci", "anvil.sh"), "install")).Trim();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "--host", "127.0.0.1", "--port", "0", "--chain-id", ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process.StandardOutput);
                return new Uri("http://" + match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"Anvil ({binary}) exited with code {process.ExitCode} before listening.");
    }

    // Anvil logs every request; an unread pipe would fill and stall it.
    private static async Task DrainAsync(StreamReader output)
    {
        char[] buffer = new char[4096];
        while (await output.ReadAsync(buffer) > 0)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Affiliates.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Affiliates.slnx above the test directory: cannot find .ci/anvil.sh.");
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start)!;
        Task<string> output = child.StandardOutput.ReadToEndAsync();
        Task<string> error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {child.ExitCode}: {await error}");
        }

        return await output;
    }

    [GeneratedRegex(@"^Listening on ([0-9.]+:[0-9]+)")]
    private static partial Regex Listening();
}
