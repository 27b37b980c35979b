using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Affiliates.Solana.Tests.LocalValidator;

/// <summary>One litesvm JSON-RPC server for the test run: the one named by AFFILIATES_SOLANA_RPC, or else one started
/// here with .ci/solana.sh (which installs litesvm from npm on first use). Each test gets its own chain on it.</summary>
public sealed partial class SolanaRpcServer : IAsyncLifetime
{
    public const string UrlVariable = "AFFILIATES_SOLANA_RPC";

    private string? startedDirectory;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A fresh chain of its own: the server keeps one LiteSVM per URL path.</summary>
    public LocalChain NewChain() => new(new Uri(BaseUrl, "/chain-" + Guid.NewGuid().ToString("N")));

    public async Task InitializeAsync()
    {
        string? external = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            BaseUrl = new Uri(external);
            return;
        }

        string output = await RunScriptAsync("start");
        var exports = ExportLine().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (!exports.TryGetValue(UrlVariable, out string? url) || !exports.TryGetValue("AFFILIATES_SOLANA_DIR", out startedDirectory))
        {
            throw new InvalidOperationException($".ci/solana.sh start printed no {UrlVariable}: {output}");
        }

        BaseUrl = new Uri(url);
    }

    public async Task DisposeAsync()
    {
        if (startedDirectory is not null)
        {
            await RunScriptAsync("stop", startedDirectory);
        }
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        string root = RepositoryRoot();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, ".ci", "solana.sh"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"No Solana RPC for the tests: set {UrlVariable} (eval \"$(bash .ci/solana.sh start)\"), or let the tests run " +
                $".ci/solana.sh, which needs node and npm. It failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
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

        throw new InvalidOperationException($"No Affiliates.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("^export (\\w+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
