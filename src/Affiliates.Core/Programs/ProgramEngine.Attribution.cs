using System.Security.Cryptography;
using System.Text;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    /// <summary>How many times a binding decision is made again after another writer changed the binding first.</summary>
    private const int MaxBindingAttempts = 3;

    public async ValueTask<ClickResult> RecordClickAsync(ClickRequest click, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(click);
        Registry? registry = await store.GetRegistryAsync(click.RegistryId, cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return new ClickResult(ClickOutcome.UnknownRegistry, null, null, null);
        }

        ProgramTerms terms = await TermsAsync(registry.Id, registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        PartnerCode? code = await ResolveRefAsync(registry, terms, click.Ref ?? string.Empty, cancellationToken).ConfigureAwait(false);
        if (code is null)
        {
            return new ClickResult(ClickOutcome.UnknownReferrer, null, null, null);
        }

        if (code.Status == CodeStatus.Retired)
        {
            return new ClickResult(ClickOutcome.RetiredCode, null, code.Code, null);
        }

        if (IsExcluded(registry, code.OwnerAddress) || IsExcluded(registry, code.PaymentAddress))
        {
            return new ClickResult(ClickOutcome.ExcludedAddress, null, code.Code, null);
        }

        Instant now = clock.GetCurrentInstant();
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var recorded = new AttributionClick(
            token, registry.Id, code.Code, code.Generation, now, now + terms.AttributionWindow, HashIp(registry.Id, click.IpAddress), click.UserAgent ?? string.Empty);
        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        unit.SaveClick(recorded);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClickResult(ClickOutcome.Recorded, token, code.Code, recorded.ExpiresAt);
    }

    public async ValueTask<BindResult> ConvertAsync(ConversionRequest conversion, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(conversion);
        return await DecidedOnLatestBindingAsync(() => ConvertOnceAsync(conversion, cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask<BindResult> RemoveBindingAsync(string registryId, string userAddress, CancellationToken cancellationToken = default) =>
        await DecidedOnLatestBindingAsync(() => RemoveBindingOnceAsync(registryId, userAddress, cancellationToken)).ConfigureAwait(false);

    /// <summary>Runs a binding decision again when another writer changed the binding between its read and its write.</summary>
    private static async ValueTask<BindResult> DecidedOnLatestBindingAsync(Func<ValueTask<BindResult>> decide)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await decide().ConfigureAwait(false);
            }
            catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.BindingChanged && attempt < MaxBindingAttempts)
            {
                // Nothing was written; the next attempt reads the other writer's binding and decides on it.
            }
        }
    }

    private async ValueTask<BindResult> ConvertOnceAsync(ConversionRequest conversion, CancellationToken cancellationToken)
    {
        Registry? registry = await store.GetRegistryAsync(conversion.RegistryId, cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return new BindResult(BindOutcome.UnknownRegistry, null);
        }

        string user = conversion.UserAddress ?? string.Empty;
        Binding? existing = await store.GetBindingAsync(registry.Id, user, Binding.AccountScope, cancellationToken).ConfigureAwait(false);
        Binding? active = existing is { Status: BindingStatus.Active } ? existing : null;
        ProgramTerms terms = await TermsAsync(registry.Id, registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        Instant now = clock.GetCurrentInstant();
        (BindOutcome? refusal, PartnerCode? code) = await ConversionCodeAsync(registry, terms, conversion, now, cancellationToken).ConfigureAwait(false);
        if (refusal is { } refused)
        {
            return new BindResult(refused, active);
        }

        if (code!.Status == CodeStatus.Retired)
        {
            return new BindResult(BindOutcome.RetiredCode, active);
        }

        if (IsExcluded(registry, code, user))
        {
            return new BindResult(BindOutcome.ExcludedAddress, active);
        }

        if (IsSelfReferral(terms, code, user))
        {
            return new BindResult(BindOutcome.SelfReferral, active);
        }

        if (active is not null)
        {
            if (active.Code == code.Code && active.CodeGeneration == code.Generation)
            {
                return new BindResult(BindOutcome.Unchanged, active);
            }

            ProgramTerms boundTerms = await TermsAsync(registry.Id, active.TermsVersion, cancellationToken).ConfigureAwait(false);
            if (boundTerms.BindingPolicy == BindingPolicy.FirstTouchPermanent)
            {
                return new BindResult(BindOutcome.PermanentlyBound, active);
            }
        }
        else if (existing is null && terms.NewUsersOnly && await store.HasEventsForUserAsync(registry.Id, user, cancellationToken).ConfigureAwait(false))
        {
            return new BindResult(BindOutcome.NotNewUser, null);
        }

        var binding = new Binding(registry.Id, user, Binding.AccountScope, code.Code, code.Generation, registry.TermsVersion, BindingStatus.Active, now);
        await SaveBindingAsync(binding, existing, cancellationToken).ConfigureAwait(false);
        return new BindResult(active is null ? BindOutcome.Bound : BindOutcome.Replaced, binding);
    }

    private async ValueTask<BindResult> RemoveBindingOnceAsync(string registryId, string userAddress, CancellationToken cancellationToken)
    {
        Registry? registry = await store.GetRegistryAsync(registryId, cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return new BindResult(BindOutcome.UnknownRegistry, null);
        }

        Binding? existing = await store.GetBindingAsync(registryId, userAddress, Binding.AccountScope, cancellationToken).ConfigureAwait(false);
        if (existing is not { Status: BindingStatus.Active })
        {
            return new BindResult(BindOutcome.NoReferral, null);
        }

        ProgramTerms terms = await TermsAsync(registryId, existing.TermsVersion, cancellationToken).ConfigureAwait(false);
        if (terms.BindingPolicy == BindingPolicy.FirstTouchPermanent)
        {
            return new BindResult(BindOutcome.PermanentlyBound, existing);
        }

        Binding removed = existing with { Status = BindingStatus.Removed, BoundAt = clock.GetCurrentInstant() };
        await SaveBindingAsync(removed, existing, cancellationToken).ConfigureAwait(false);
        return new BindResult(BindOutcome.Removed, removed);
    }

    /// <summary>A code the user typed wins over the token of an earlier click.</summary>
    private async ValueTask<(BindOutcome? Refusal, PartnerCode? Code)> ConversionCodeAsync(
        Registry registry, ProgramTerms terms, ConversionRequest conversion, Instant now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(conversion.UserAddress))
        {
            return (BindOutcome.NoReferral, null);
        }

        if (!string.IsNullOrEmpty(conversion.Code))
        {
            string codeText = CodeRules.Normalize(conversion.Code);
            if (!CodeRules.IsWellFormed(codeText, terms))
            {
                return (BindOutcome.MalformedCode, null);
            }

            PartnerCode? typed = await store.GetCodeAsync(registry.Id, codeText, cancellationToken).ConfigureAwait(false);
            return typed is null ? (BindOutcome.UnknownCode, null) : (null, typed);
        }

        if (string.IsNullOrEmpty(conversion.Token))
        {
            return (BindOutcome.NoReferral, null);
        }

        AttributionClick? click = await store.GetClickAsync(conversion.Token, cancellationToken).ConfigureAwait(false);
        if (click is null || click.RegistryId != registry.Id)
        {
            return (BindOutcome.UnknownToken, null);
        }

        if (now >= click.ExpiresAt)
        {
            return (BindOutcome.TokenExpired, null);
        }

        PartnerCode? clicked = await store.GetCodeAsync(registry.Id, click.Code, cancellationToken).ConfigureAwait(false);
        return clicked is null || clicked.Generation != click.CodeGeneration ? (BindOutcome.RetiredCode, null) : (null, clicked);
    }

    /// <summary>A ref is a code, or else the address of a partner: then their first active code (in code order) is used.</summary>
    private async ValueTask<PartnerCode?> ResolveRefAsync(Registry registry, ProgramTerms terms, string reference, CancellationToken cancellationToken)
    {
        string codeText = CodeRules.Normalize(reference);
        if (CodeRules.IsWellFormed(codeText, terms)
            && await store.GetCodeAsync(registry.Id, codeText, cancellationToken).ConfigureAwait(false) is { } code)
        {
            return code;
        }

        IReadOnlyList<PartnerCode> owned = await store.ListCodesByOwnerAsync(registry.Id, reference, cancellationToken).ConfigureAwait(false);
        return owned.FirstOrDefault(c => c.Status == CodeStatus.Active);
    }

    private async ValueTask SaveBindingAsync(Binding binding, Binding? expected, CancellationToken cancellationToken)
    {
        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        unit.ReplaceBinding(binding, expected);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private string HashIp(string registryId, string? ipAddress) => string.IsNullOrEmpty(ipAddress)
        ? string.Empty
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{options.IpHashSalt}\n{registryId}\n{ipAddress}")));
}
