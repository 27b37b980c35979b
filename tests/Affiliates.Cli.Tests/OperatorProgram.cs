using System.Text;
using Affiliates.Solana.Keys;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Cli.Tests;

/// <summary>
/// A subscription program run through the tool on a temporary SQLite file, as an operator would: created on Sunday
/// 2026-11-01, one partner code signed by a real Solana key, two linked users, and the clock the tool reads.
/// </summary>
internal sealed class OperatorProgram : IDisposable
{
    public const string Registry = "trading-bot";

    private readonly TempFolder folder = new();

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 1, 0, 0));

    public Keypair Partner { get; } = Keypair.FromSeed(Enumerable.Range(1, 32).Select(static i => (byte)i).ToArray());

    public string Database => Path.Combine(folder.Path, "program.db");

    public string File(string name, string contents) => folder.File(name, contents);

    public string PathOf(string name) => Path.Combine(folder.Path, name);

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(Clock, [.. args, "--db", Database]);

    public static string Terms(string name) => Path.Combine(AppContext.BaseDirectory, "terms", name + ".json");

    /// <summary>Creates the registry, code BOT1 signed by <see cref="Partner"/>, and links user-1 and user-2 to it.</summary>
    public async Task SetUpAsync()
    {
        Assert.Equal(0, (await RunAsync("registry", "create", "--terms", Terms("subscription"))).ExitCode);
        Assert.Equal(0, (await CreateCodeAsync("BOT1")).ExitCode);
        Assert.Equal(0, (await RunAsync("link", "-r", Registry, "--user", "user-1", "--code", "bot1")).ExitCode);
        Assert.Equal(0, (await RunAsync("link", "-r", Registry, "--user", "user-2", "--code", "BOT1")).ExitCode);
    }

    /// <summary>Asks the tool for the text to sign, signs it with the partner's key, and creates the code.</summary>
    public async Task<CliRun> CreateCodeAsync(string code, Keypair? signer = null)
    {
        string owner = Partner.PublicKey.Key;
        CliRun message = await RunAsync("code", "create", "-r", Registry, "--code", code, "--owner", owner, "--channel", code, "--print-message", "--json");
        Assert.Equal(0, message.ExitCode);
        string text = message.Json.GetProperty("message").GetString()!;
        string signature = Convert.ToBase64String((signer ?? Partner).Sign(Encoding.UTF8.GetBytes(text)));
        return await RunAsync("code", "create", "-r", Registry, "--code", code, "--owner", owner, "--channel", code,
            "--nonce", message.Json.GetProperty("nonce").GetString()!, "--expires", message.Json.GetProperty("expires").GetString()!, "--signature", signature);
    }

    public void Dispose() => folder.Dispose();
}
