using System.Diagnostics;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    /// <summary>How many times a signed change is decided again after another writer changed its registry or code first.</summary>
    private const int MaxChangeAttempts = 3;

    public async ValueTask<ChangeResult> ApplyAsync(SignedRequest request, CancellationToken cancellationToken = default)
    {
        using Activity? activity = AffiliatesTelemetry.ActivitySource.StartActivity("affiliates.change");
        ChangeResult result = await ApplyCoreAsync(request, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString());
        AffiliatesTelemetry.ChangesApplied.Add(1, new KeyValuePair<string, object?>(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString()));
        return result;
    }

    private async ValueTask<ChangeResult> ApplyCoreAsync(SignedRequest request, CancellationToken cancellationToken)
    {
        Preconditions.NotNull(request);
        Preconditions.NotNull(request.Change);
        if (string.IsNullOrEmpty(request.Signer) || string.IsNullOrEmpty(request.Nonce) || string.IsNullOrEmpty(request.Signature))
        {
            return Reject(ChangeOutcome.MissingField, "signer, nonce and signature are required");
        }

        IReadOnlyList<string> unsafeFields = SignedRequest.Compose(request.RegistryId, request.Signer, request.Change, request.Nonce, request.ExpiresAt).UnsafeFields;
        if (unsafeFields.Count > 0)
        {
            return Reject(ChangeOutcome.UnsafeText, $"{string.Join(", ", unsafeFields.Distinct())}: a line break, control or invisible formatting character, or a list separator inside an item");
        }

        bool signatureChecked = false;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                (ChangeResult? refusal, Registry? registry, PartnerCode? code) = await ReadAndAuthoriseAsync(request, signatureChecked, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return refusal;
                }

                signatureChecked = true;
                return await DecideAndCommitAsync(request, registry!, code, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException conflict) when (IsStale(conflict.Conflict) && attempt < MaxChangeAttempts)
            {
                // Nothing was written, the nonce included; the next attempt reads the other writer's change and decides on it.
            }
            catch (StoreConflictException conflict)
            {
                return conflict.Conflict switch
                {
                    StoreConflict.NonceUsed => Reject(ChangeOutcome.NonceReplayed, $"nonce '{request.Nonce}' of {request.Signer} was used before"),
                    StoreConflict.CodeTaken => Reject(ChangeOutcome.CodeTaken, $"code '{conflict.Key}' was created concurrently"),
                    _ => Reject(ChangeOutcome.Conflict, $"other changes committed first {MaxChangeAttempts} times ({conflict.Conflict}); sign again with a new nonce"),
                };
            }
        }
    }

    /// <summary>A write that followed a version another writer has since replaced: deciding again on the latest one resolves it.</summary>
    private static bool IsStale(StoreConflict conflict) =>
        conflict is StoreConflict.RegistryChanged or StoreConflict.CodeChanged or StoreConflict.TermsVersionExists;

    /// <summary>Reads the latest registry and target code, and says why the request is refused against them, if it is.</summary>
    private async ValueTask<(ChangeResult? Refusal, Registry? Registry, PartnerCode? Code)> ReadAndAuthoriseAsync(
        SignedRequest request, bool signatureChecked, CancellationToken cancellationToken)
    {
        Registry? registry = await store.GetRegistryAsync(request.RegistryId, cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return (Reject(ChangeOutcome.UnknownRegistry, $"registry '{request.RegistryId}' does not exist"), null, null);
        }

        Instant now = clock.GetCurrentInstant();
        if (now >= request.ExpiresAt)
        {
            return (Reject(ChangeOutcome.Expired, $"the request expired at {request.ExpiresAt}"), null, null);
        }

        if (request.ExpiresAt - now > options.MaxRequestLifetime)
        {
            return (Reject(ChangeOutcome.ExpiryTooFar, $"the request may expire at most {options.MaxRequestLifetime} ahead"), null, null);
        }

        ProgramChange change = request.Change;
        PartnerCode? code = null;
        if (change.TargetCode is { } target && change.Authority != ChangeAuthority.Anyone)
        {
            string codeText = CodeRules.Normalize(target);
            code = await store.GetCodeAsync(registry.Id, codeText, cancellationToken).ConfigureAwait(false);
            if (code is null)
            {
                return (Reject(ChangeOutcome.UnknownCode, $"code '{codeText}' does not exist"), null, null);
            }
        }

        bool isAdmin = request.Signer == registry.AdminAddress;
        bool isOwner = code is not null && request.Signer == code.OwnerAddress;
        bool authorised = change.Authority switch
        {
            ChangeAuthority.Anyone => true,
            ChangeAuthority.Owner => isOwner,
            ChangeAuthority.OwnerOrAdmin => isOwner || isAdmin,
            _ => isAdmin,
        };
        if (!authorised)
        {
            return (Reject(ChangeOutcome.NotAuthorised, $"{request.Signer} may not {change.Name} here"), null, null);
        }

        return !signatureChecked && !await verifier.VerifyAsync(request.Signer, request.Message, request.Signature, cancellationToken).ConfigureAwait(false)
            ? (Reject(ChangeOutcome.BadSignature, $"the signature is not {request.Signer}'s signature of the request"), null, null)
            : (null, registry, code);
    }

    /// <summary>Decides the change on the registry and code as read and commits it with the nonce; a conflict propagates.</summary>
    private async ValueTask<ChangeResult> DecideAndCommitAsync(SignedRequest request, Registry registry, PartnerCode? code, CancellationToken cancellationToken)
    {
        ProgramChange change = request.Change;
        Instant now = clock.GetCurrentInstant();
        ProgramTerms terms = await TermsAsync(registry.Id, registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        unit.ConsumeNonce(request.Signer, request.Nonce, request.ExpiresAt);

        // An expired request is refused whatever its nonce, so nonces need only outlive their requests; the extra
        // lifetime keeps them through a clock that steps back.
        unit.ForgetNonces(now - options.MaxRequestLifetime);
        ChangeResult result = change switch
        {
            CreateCode create => await CreateCodeAsync(unit, registry, terms, request.Signer, create, now, cancellationToken).ConfigureAwait(false),
            PublishTerms publish => Publish(unit, registry, publish.Terms, now),
            SetExclusion exclusion => Exclude(unit, registry, exclusion),
            _ => ChangeCode(unit, terms, code!, change, now),
        };
        if (result.IsApplied)
        {
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static ChangeResult Reject(ChangeOutcome outcome, string detail) => new(outcome, detail);

    private async ValueTask<ChangeResult> CreateCodeAsync(
        IAffiliateUnitOfWork unit, Registry registry, ProgramTerms terms, string owner, CreateCode create, Instant now, CancellationToken cancellationToken)
    {
        string codeText = CodeRules.Normalize(create.Code ?? string.Empty);
        if (!CodeRules.IsWellFormed(codeText, terms))
        {
            return Reject(ChangeOutcome.MalformedCode, $"code '{codeText}' does not match {terms.CodePattern}");
        }

        if (CodeRules.IsReserved(codeText, terms))
        {
            return Reject(ChangeOutcome.ReservedCode, $"code '{codeText}' is reserved");
        }

        if (string.IsNullOrWhiteSpace(create.PaymentAddress))
        {
            return Reject(ChangeOutcome.MissingField, "a payment address is required");
        }

        if (RangeProblem(terms, create.Kickback, create.AffiliateFee) is { } problem)
        {
            return problem;
        }

        PartnerCode? existing = await store.GetCodeAsync(registry.Id, codeText, cancellationToken).ConfigureAwait(false);
        if (existing is { Status: CodeStatus.Active })
        {
            return Reject(ChangeOutcome.CodeTaken, $"code '{codeText}' is taken");
        }

        if (existing?.RetiredAt is { } retiredAt && now < retiredAt + terms.CodeCooldown)
        {
            return Reject(ChangeOutcome.CodeCoolingDown, $"code '{codeText}' was retired at {retiredAt} and is free again at {retiredAt + terms.CodeCooldown}");
        }

        string channel = create.Channel ?? string.Empty;
        IReadOnlyList<PartnerCode> owned = await store.ListCodesByOwnerAsync(registry.Id, owner, cancellationToken).ConfigureAwait(false);
        if (owned.Any(c => c.Status == CodeStatus.Active && c.Channel == channel))
        {
            return Reject(ChangeOutcome.ChannelTaken, $"{owner} already has an active code for channel '{channel}'");
        }

        unit.SaveCode(new PartnerCode(
            registry.Id, codeText, (existing?.Generation ?? 0) + 1, owner, channel, create.PaymentAddress, create.Kickback, create.AffiliateFee, null, CodeStatus.Active, now, null, Version: 1));
        return ChangeResult.Applied;
    }

    private static ChangeResult ChangeCode(IAffiliateUnitOfWork unit, ProgramTerms terms, PartnerCode code, ProgramChange change, Instant now)
    {
        if (code.Status == CodeStatus.Retired)
        {
            return Reject(ChangeOutcome.CodeRetired, $"code '{code.Code}' is retired");
        }

        PartnerCode? changed = change switch
        {
            SetPaymentAddress set when string.IsNullOrWhiteSpace(set.PaymentAddress) => null,
            SetPaymentAddress set => code with { PaymentAddress = set.PaymentAddress },
            SetKickback set => code with { Kickback = set.Kickback },
            SetAffiliateFee set => code with { AffiliateFee = set.AffiliateFee },
            SetReferralFeeOverride set => code with { ReferralFeeOverride = set.ReferralFee },
            RetireCode => code with { Status = CodeStatus.Retired, RetiredAt = now },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Name, "not a code change"),
        };
        if (changed is null)
        {
            return Reject(ChangeOutcome.MissingField, "a payment address is required");
        }

        if (RangeProblem(terms, changed.Kickback, changed.AffiliateFee) is { } problem && change is SetKickback or SetAffiliateFee)
        {
            return problem;
        }

        unit.SaveCode(changed with { Version = code.Version + 1 });
        return ChangeResult.Applied;
    }

    private static ChangeResult? RangeProblem(ProgramTerms terms, Rate kickback, Rate affiliateFee) =>
        !terms.KickbackRange.Contains(kickback)
            ? Reject(ChangeOutcome.OutOfRange, $"kickback {kickback} is outside {terms.KickbackRange.Minimum}..{terms.KickbackRange.Maximum}")
            : !terms.AffiliateFeeRange.Contains(affiliateFee)
                ? Reject(ChangeOutcome.OutOfRange, $"affiliate fee {affiliateFee} is outside {terms.AffiliateFeeRange.Minimum}..{terms.AffiliateFeeRange.Maximum}")
                : null;

    private static ChangeResult Publish(IAffiliateUnitOfWork unit, Registry registry, ProgramTerms terms, Instant now)
    {
        List<string> problems = TermsValidation.Problems(Preconditions.NotNull(terms));
        if (problems.Count > 0)
        {
            return Reject(ChangeOutcome.InvalidTerms, string.Join("; ", problems));
        }

        int version = registry.TermsVersion + 1;
        unit.SaveTerms(terms with { RegistryId = registry.Id, Version = version, EffectiveFrom = now });
        unit.SaveRegistry(registry with { TermsVersion = version, Version = registry.Version + 1 });
        return ChangeResult.Applied;
    }

    private static ChangeResult Exclude(IAffiliateUnitOfWork unit, Registry registry, SetExclusion exclusion)
    {
        if (string.IsNullOrWhiteSpace(exclusion.Address))
        {
            return Reject(ChangeOutcome.MissingField, "an address is required");
        }

        IEnumerable<string> others = registry.ExcludedAddresses.Where(a => a != exclusion.Address);
        string[] excluded = [.. (exclusion.Excluded ? others.Append(exclusion.Address) : others).Order(StringComparer.Ordinal)];
        unit.SaveRegistry(registry with { ExcludedAddresses = excluded, Version = registry.Version + 1 });
        return ChangeResult.Applied;
    }
}
