using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Affiliates.Settlement;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary>
/// <c>affiliates verify</c>: recomputes every statement's hash from its content and the epoch's Merkle root from the
/// hashes; checks a published root, and a partner's inclusion proof.
/// </summary>
internal sealed class VerifyCommand(Terminal terminal) : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        Registry registry = await host.RegistryAsync(settings.Registry, cancellationToken);
        ProgramTerms terms = await host.TermsAsync(registry, cancellationToken);
        IReadOnlyList<EpochStatement> statements = await StatementsCommand.LoadAsync(host, settings, terms, terminal, cancellationToken);
        string[] tampered = [.. statements.Where(static s => !StatementHasher.IsIntact(s)).Select(static s => s.Partner)];
        string[] hashes = [.. statements.Select(static s => s.Hash)];
        string root = MerkleTree.Root(hashes);
        bool? rootMatches = settings.Root is { } published ? string.Equals(published.Trim(), root, StringComparison.OrdinalIgnoreCase) : null;

        MerkleProof? proof = null;
        bool? proofHolds = null;
        if (settings.Partner is { } partner)
        {
            int index = statements.ToList().FindIndex(s => s.Partner == partner);
            if (index < 0)
            {
                throw CliException.Usage($"--partner '{partner}' has no statement in epoch {statements.FirstOrDefault()?.EpochId ?? settings.Epoch}.");
            }

            proof = MerkleTree.Prove(hashes, index);
            proofHolds = MerkleTree.Verify(settings.Root ?? root, proof);
        }

        bool ok = tampered.Length == 0 && rootMatches != false && proofHolds != false;
        if (settings.Json)
        {
            terminal.WriteJson(new
            {
                ok,
                statements = statements.Count,
                tampered,
                merkleRoot = root,
                publishedRootMatches = rootMatches,
                proof = proof is null ? null : new { leaf = proof.LeafHash, steps = proof.Steps.Select(static s => new { s.Sibling, s.SiblingIsLeft }), holds = proofHolds },
            });
        }
        else
        {
            IAnsiConsole console = terminal.Console;
            console.MarkupLineInterpolated($"{statements.Count} statements; every hash recomputed from its content: {(tampered.Length == 0 ? "all intact" : $"NOT intact: {string.Join(", ", tampered)}")}.");
            console.MarkupLineInterpolated($"Merkle root over them: {root}");
            if (rootMatches is { } matches)
            {
                console.MarkupLineInterpolated($"Published root {settings.Root}: {(matches ? "matches" : "DOES NOT MATCH")}.");
            }

            if (proof is not null)
            {
                console.MarkupLineInterpolated($"Inclusion proof of {settings.Partner} (leaf {proof.LeafHash}, {proof.Steps.Count} steps): {(proofHolds == true ? "holds" : "DOES NOT HOLD")}.");
                foreach (MerkleStep step in proof.Steps)
                {
                    console.MarkupLineInterpolated($"  {(step.SiblingIsLeft ? "left " : "right")} {step.Sibling}");
                }
            }
        }

        return ok ? ExitCode.Ok : throw CliException.Refused("Verification failed: " + string.Join("; ", new[]
        {
            tampered.Length > 0 ? $"the statements of {string.Join(", ", tampered)} do not match their hashes" : null,
            rootMatches == false ? $"the published root is not {root}" : null,
            proofHolds == false ? $"the inclusion proof of {settings.Partner} does not hold" : null,
        }.Where(static m => m is not null)) + ".");
    }
}
