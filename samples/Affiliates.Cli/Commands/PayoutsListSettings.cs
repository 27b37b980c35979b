using System.ComponentModel;
using Affiliates.Cli.Cli;
using Affiliates.Settlement;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class PayoutsListSettings : RegistrySettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only payouts in this status: pending, claimed, sent, confirmed or failed. Default: all.")]
    public PayoutStatus? Status { get; init; }
}
