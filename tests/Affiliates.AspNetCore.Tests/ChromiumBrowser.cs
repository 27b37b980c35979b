using System.Diagnostics;
using Microsoft.Playwright;

namespace Affiliates.AspNetCore.Tests;

/// <summary>
/// One headless Debian Chromium for the browser tests, driven by Playwright (which cannot download its own browser
/// here): the executable named by AFFILIATES_CHROMIUM, else /usr/bin/chromium, installed with apt-get when missing.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutableVariable = "AFFILIATES_CHROMIUM";
    private const string DebianChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } named ? named : DebianChromium;
        if (!File.Exists(executable))
        {
            if (executable != DebianChromium)
            {
                throw new InvalidOperationException($"{ExecutableVariable} names {executable}, which does not exist.");
            }

            await InstallAsync();
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    private static async Task InstallAsync()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                $"No Chromium for the browser tests: run `sudo apt-get install -y chromium chromium-driver` (or `eval \"$(bash .ci/chromium.sh start)\"`), or set {ExecutableVariable}.");
        }

        // One apt at a time on a shared machine: .ci/chromium.sh takes the same lock.
        await RunAsync("flock", "/tmp/affiliates-apt.lock", "apt-get", "update", "-q");
        await RunAsync("flock", "/tmp/affiliates-apt.lock", "apt-get", "install", "-y", "-q", "chromium", "chromium-driver");
        if (!File.Exists(DebianChromium))
        {
            throw new InvalidOperationException($"apt-get installed chromium, but {DebianChromium} is still missing.");
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await output}{await error}");
        }
    }
}
