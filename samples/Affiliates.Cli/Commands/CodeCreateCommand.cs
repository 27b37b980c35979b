using System.Security.Cryptography;
using Affiliates.Cli.Cli;
using Affiliates.Programs;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates code create</c>: a partner code, created by a request its owner's wallet signed.</summary>
internal sealed class CodeCreateCommand(Terminal terminal) : AsyncCommand<CodeCreateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CodeCreateSettings settings, CancellationToken cancellationToken)
    {
        var change = new CreateCode(
            settings.Code,
            settings.Channel,
            settings.Payment ?? settings.Owner,
            CliValues.Rate(settings.Kickback, "--kickback"),
            CliValues.Rate(settings.AffiliateFee, "--affiliate-fee"));
        string nonce = settings.Nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Instant expires = settings.Expires is null ? terminal.Clock.GetCurrentInstant() + Duration.FromHours(1) : CliValues.Instant(settings.Expires, "--expires");
        string message = SignedRequest.MessageFor(settings.Registry, settings.Owner, change, nonce, expires);
        if (settings.PrintMessage)
        {
            if (settings.Json)
            {
                terminal.WriteJson(new { message, nonce, expires = CliValues.Format(expires) });
            }
            else
            {
                terminal.Output.WriteLine(message);
                terminal.Error.WriteLine($"Sign the text above with {settings.Owner}, then run the same command with --nonce {nonce} --expires {CliValues.Format(expires)} --signature <signature> instead of --print-message.");
            }

            return ExitCode.Ok;
        }

        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        await host.RegistryAsync(settings.Registry, cancellationToken);
        ChangeResult result = await host.Program.ApplyAsync(new SignedRequest(settings.Registry, settings.Owner, change, nonce, expires, settings.Signature!), cancellationToken);
        if (!result.IsApplied)
        {
            throw CliException.Refused($"Code '{settings.Code}' was not created: {result.Outcome}, {result.Detail}.");
        }

        PartnerCode code = (await host.Store.GetCodeAsync(settings.Registry, settings.Code.ToUpperInvariant(), cancellationToken))!;
        if (settings.Json)
        {
            terminal.WriteJson(new { created = new { code.Code, code.Generation, owner = code.OwnerAddress, payment = code.PaymentAddress, code.Channel, kickback = code.Kickback.ToString(), affiliateFee = code.AffiliateFee.ToString() } });
        }
        else
        {
            terminal.Console.MarkupLineInterpolated($"Created code [bold]{code.Code}[/] (generation {code.Generation}) owned by {code.OwnerAddress}, paid to {code.PaymentAddress}.");
        }

        return ExitCode.Ok;
    }
}
