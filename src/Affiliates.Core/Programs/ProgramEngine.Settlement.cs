using System.Diagnostics;
using Affiliates.Kinds;
using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    /// <summary>What settlement reads: attributed revenue and affiliate fees.</summary>
    private static readonly LedgerEntryKind[] SettledKinds = [LedgerEntryKind.AttributedRevenue, LedgerEntryKind.AffiliateFee];

    private static readonly LedgerEntryKind[] RevenueKinds = [LedgerEntryKind.AttributedRevenue];

    public async ValueTask<SettlementResult> SettleEpochAsync(string registryId, Instant inEpoch, CancellationToken cancellationToken = default)
    {
        using Activity? activity = AffiliatesTelemetry.ActivitySource.StartActivity("affiliates.settle");
        SettlementResult result = await SettleCoreAsync(Preconditions.NotNull(registryId), inEpoch, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString());
        AffiliatesTelemetry.EpochsSettled.Add(1, new KeyValuePair<string, object?>(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString()));
        return result;
    }

    /// <summary>
    /// Epochs close strictly in order: the first is the epoch the registry was created in, and each later one only
    /// once the one before it is settled. Closing an epoch commits before it is read, so nothing can be booked into it
    /// after its statements were computed (ingest books against the latest closed epoch and commits only while it
    /// still is); a crash between closing and saving is resumed by the next call.
    /// </summary>
    private async ValueTask<SettlementResult> SettleCoreAsync(string registryId, Instant inEpoch, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            Registry? registry = await store.GetRegistryAsync(registryId, cancellationToken).ConfigureAwait(false);
            if (registry is null)
            {
                return new SettlementResult(SettlementOutcome.UnknownRegistry, null, [], null);
            }

            List<ProgramTerms> versions = await TermsHistoryAsync(registry, cancellationToken).ConfigureAwait(false);
            EpochCalendar calendar = CalendarOf(versions[0]);
            Epoch epoch = calendar.EpochContaining(inEpoch);
            Epoch first = calendar.EpochContaining(registry.CreatedAt);
            if (epoch.Start < first.Start)
            {
                return new SettlementResult(SettlementOutcome.BeforeFirstEpoch, epoch, [], null) { OpenEpoch = first };
            }

            Instant now = clock.GetCurrentInstant();
            if (epoch.End > now)
            {
                return new SettlementResult(SettlementOutcome.EpochNotEnded, epoch, [], null);
            }

            if (await store.IsEpochSettledAsync(registryId, epoch.Id, cancellationToken).ConfigureAwait(false))
            {
                return await AlreadySettledAsync(registryId, epoch, cancellationToken).ConfigureAwait(false);
            }

            ClosedEpoch? closed = await store.GetClosedEpochAsync(registryId, cancellationToken).ConfigureAwait(false);
            Epoch open = closed is null
                ? first
                : await store.IsEpochSettledAsync(registryId, closed.Epoch.Id, cancellationToken).ConfigureAwait(false) ? calendar.Next(closed.Epoch) : closed.Epoch;
            if (open.Id != epoch.Id)
            {
                return new SettlementResult(SettlementOutcome.EarlierEpochOpen, epoch, [], null) { OpenEpoch = open };
            }

            try
            {
                if (closed?.Epoch.Id != epoch.Id)
                {
                    await ApplyAllHeldRefundsAsync(registryId, cancellationToken).ConfigureAwait(false);
                    await using IAffiliateUnitOfWork closing = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
                    closing.CloseEpoch(new ClosedEpoch(registryId, epoch), closed?.Epoch.Id);
                    await closing.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                EpochSettlement settlement = await ComputeAsync(registry, versions, calendar, epoch, now, cancellationToken).ConfigureAwait(false);
                await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
                unit.SaveSettlement(registryId, epoch.Id, settlement.Statements, settlement.Payouts);
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new SettlementResult(SettlementOutcome.Settled, epoch, settlement.Statements, settlement);
            }
            catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.EpochAlreadySettled)
            {
                return await AlreadySettledAsync(registryId, epoch, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.ClosedEpochChanged && attempt < MaxIngestAttempts)
            {
                // Another worker closed or settled meanwhile: decide again on what is stored now.
            }
        }
    }

    private async ValueTask<EpochSettlement> ComputeAsync(
        Registry registry, List<ProgramTerms> versions, EpochCalendar calendar, Epoch epoch, Instant now, CancellationToken cancellationToken)
    {
        ProgramTerms epochTerms = versions.LastOrDefault(v => v.EffectiveFrom <= epoch.Start) ?? versions[0];
        SettlementTerms terms = SettlementTerms.FromProgram(epochTerms, new DustRule(options.DustAfterIdleEpochs), versions);
        ProgramRules rules = ProgramRules.For(epochTerms.Kind);
        Asset asset = epochTerms.PayoutAsset;

        var lines = new List<SettlementLine>();
        await foreach (LedgerEntry entry in store.ReadAttributedLedgerAsync(registry.Id, SettledKinds, epoch.Start, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            lines.Add(SettlementLine.From(entry, asset));
        }

        IReadOnlyList<EpochStatement> latest = await store.ListLatestStatementsAsync(registry.Id, epoch.Start, cancellationToken).ConfigureAwait(false);
        await PriceLateLinesAsync(registry.Id, calendar, epoch, terms, rules, lines, cancellationToken).ConfigureAwait(false);
        var request = new SettlementRequest(registry.Id, epoch, terms, lines, now)
        {
            PreviousStates = latest.ToDictionary(s => s.Key, PartnerState.After),
            Referrals = rules.HasTiers && terms.TierMetric == TierMetric.EpochReferrals
                ? await ReferralsAsync(registry.Id, epoch, cancellationToken).ConfigureAwait(false)
                : new Dictionary<string, int>(StringComparer.Ordinal),
            DailyRevenue = await DailyRevenueAsync(registry.Id, terms, epoch, lines, cancellationToken).ConfigureAwait(false),
            Payments = await EarlierPaymentsAsync(registry.Id, calendar, epoch, lines, cancellationToken).ConfigureAwait(false),
        };
        (Dictionary<(string, int), string> addresses, Dictionary<string, string> defaults) =
            await AddressesAsync(registry.Id, lines, latest.Where(s => s.Kind == PayeeKind.Partner).Select(s => s.Payee), cancellationToken).ConfigureAwait(false);
        return EpochSettler.Settle(request with { PaymentAddresses = addresses, DefaultAddresses = defaults });
    }

    private async ValueTask<List<ProgramTerms>> TermsHistoryAsync(Registry registry, CancellationToken cancellationToken)
    {
        var versions = new List<ProgramTerms>(registry.TermsVersion);
        for (int version = 1; version <= registry.TermsVersion; version++)
        {
            versions.Add(await TermsAsync(registry.Id, version, cancellationToken).ConfigureAwait(false));
        }

        return versions;
    }

    /// <summary>A late line is priced at the tier metric its partner had at the end of the line's own epoch.</summary>
    private async ValueTask PriceLateLinesAsync(
        string registryId, EpochCalendar calendar, Epoch epoch, SettlementTerms terms, ProgramRules rules, List<SettlementLine> lines, CancellationToken cancellationToken)
    {
        if (!rules.HasTiers)
        {
            return;
        }

        var states = new Dictionary<string, IReadOnlyList<EpochStatement>>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            SettlementLine line = lines[i];
            if (line.OccurredAt >= epoch.Start || line.Kind != LedgerEntryKind.AttributedRevenue)
            {
                continue;
            }

            Epoch own = calendar.EpochContaining(line.OccurredAt);
            if (!states.TryGetValue(own.Id, out IReadOnlyList<EpochStatement>? atEnd))
            {
                atEnd = await store.ListLatestStatementsAsync(registryId, own.End, cancellationToken).ConfigureAwait(false);
                states[own.Id] = atEnd;
            }

            EpochStatement? statement = atEnd.FirstOrDefault(s => s.Kind == PayeeKind.Partner && s.Payee == line.Partner);
            bool sticky = terms.Tiers?.NeverDowngrade ?? false;
            Int128 metric = statement is null
                ? 0
                : statement.EpochId == own.Id || sticky || terms.TierMetric == TierMetric.LifetimeRevenue ? statement.TierMetric : 0;
            lines[i] = line with { OwnEpochTierMetric = metric };
        }
    }

    /// <summary>
    /// Each code's revenue per UTC day over the multiplier window before the epoch's lines, as booked up to the epoch's
    /// end: an event arriving later counts from the epoch it is booked in.
    /// </summary>
    private async ValueTask<Dictionary<(string Code, int Generation), IReadOnlyDictionary<LocalDate, Amount>>> DailyRevenueAsync(
        string registryId, SettlementTerms terms, Epoch epoch, List<SettlementLine> lines, CancellationToken cancellationToken)
    {
        var daily = new Dictionary<(string Code, int Generation), IReadOnlyDictionary<LocalDate, Amount>>();
        int window = terms.Versions.Values.Where(v => v.Multipliers is not null).Select(v => v.WindowDays).DefaultIfEmpty(0).Max();
        if (window == 0 || lines.Count == 0)
        {
            return daily;
        }

        LocalDate firstDay = lines.Min(line => line.OccurredAt).InUtc().Date.PlusDays(-window);
        Instant from = firstDay.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var codes = new HashSet<(string, int)>(lines.Select(line => (line.Code, line.CodeGeneration)));
        await foreach (LedgerEntry entry in store.ReadAttributedLedgerAsync(registryId, RevenueKinds, from, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            if (entry.OccurredAt < from || !codes.Contains((entry.Code!, entry.CodeGeneration)))
            {
                continue;
            }

            if (!daily.TryGetValue((entry.Code!, entry.CodeGeneration), out IReadOnlyDictionary<LocalDate, Amount>? days))
            {
                days = new Dictionary<LocalDate, Amount>();
                daily[(entry.Code!, entry.CodeGeneration)] = days;
            }

            var sums = (Dictionary<LocalDate, Amount>)days;
            LocalDate day = entry.OccurredAt.InUtc().Date;
            sums[day] = sums.GetValueOrDefault(day) + entry.Amount;
        }

        return daily;
    }

    /// <summary>How the payments of this epoch's refunds that were settled in earlier epochs were priced, and refunded before.</summary>
    private async ValueTask<Dictionary<string, PaymentPricing>> EarlierPaymentsAsync(
        string registryId, EpochCalendar calendar, Epoch epoch, List<SettlementLine> lines, CancellationToken cancellationToken)
    {
        var inEpoch = new HashSet<string>(lines.Where(l => l.RefundOf is null && l.Kind == LedgerEntryKind.AttributedRevenue).Select(l => l.EventId), StringComparer.Ordinal);
        var payments = new Dictionary<string, PaymentPricing>(StringComparer.Ordinal);
        var statements = new Dictionary<(string, PayeeKey), EpochStatement?>();
        foreach (string paymentId in lines.Where(l => l.RefundOf is not null).Select(l => l.RefundOf!).Distinct(StringComparer.Ordinal))
        {
            if (inEpoch.Contains(paymentId))
            {
                continue;
            }

            LedgerEntry? revenue = (await store.ListEntriesAsync(registryId, paymentId, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(e => e.Kind == LedgerEntryKind.AttributedRevenue);
            if (revenue is null)
            {
                continue;
            }

            string own = calendar.EpochContaining(revenue.BookedAt).Id;
            var key = (own, PayeeKey.Partner(revenue.Account));
            if (!statements.TryGetValue(key, out EpochStatement? statement))
            {
                statement = await store.GetStatementAsync(registryId, own, key.Item2, cancellationToken).ConfigureAwait(false);
                statements[key] = statement;
            }

            StatementLine? line = statement?.Lines.FirstOrDefault(l => l.EventId == paymentId && l.Kind == StatementLineKind.Commission);
            if (line is not { } priced)
            {
                continue;
            }

            Amount refundedBefore = (await store.ListRefundsAsync(registryId, paymentId, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Status == RefundStatus.Applied && r.BookedAt < epoch.Start)
                .Aggregate(Amount.Zero, (sum, r) => sum + r.Amount);
            payments[paymentId] = new PaymentPricing(priced.Rate, priced.Multiplier, refundedBefore);
        }

        return payments;
    }

    /// <summary>The payment address in force for each code generation with lines, and each partner's default address.</summary>
    private async ValueTask<(Dictionary<(string, int), string> Addresses, Dictionary<string, string> Defaults)> AddressesAsync(
        string registryId, List<SettlementLine> lines, IEnumerable<string> carriedPartners, CancellationToken cancellationToken)
    {
        var addresses = new Dictionary<(string, int), string>();
        foreach ((string code, int generation) in lines.Select(l => (l.Code, l.CodeGeneration)).Distinct())
        {
            if (await store.GetCodeGenerationAsync(registryId, code, generation, cancellationToken).ConfigureAwait(false) is { } found)
            {
                addresses[(code, generation)] = found.PaymentAddress;
            }
        }

        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string partner in lines.Select(l => l.Partner).Concat(carriedPartners).Distinct(StringComparer.Ordinal))
        {
            IReadOnlyList<PartnerCode> owned = await store.ListCodesByOwnerAsync(registryId, partner, cancellationToken).ConfigureAwait(false);
            PartnerCode? primary = owned.FirstOrDefault(c => c.Status == CodeStatus.Active) ?? owned.FirstOrDefault();
            if (primary is not null)
            {
                defaults[partner] = primary.PaymentAddress;
            }
        }

        return (addresses, defaults);
    }

    /// <summary>Applies the held refunds whose event has arrived, before an epoch closes, so that none is left behind.</summary>
    private async ValueTask ApplyAllHeldRefundsAsync(string registryId, CancellationToken cancellationToken)
    {
        IReadOnlyList<RefundRecord> held = await store.ListHeldRefundsAsync(registryId, cancellationToken).ConfigureAwait(false);
        foreach (string paymentId in held.Select(r => r.PaymentId).Distinct(StringComparer.Ordinal))
        {
            await ApplyStoredHeldRefundsAsync(registryId, paymentId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Counts, per partner (the owner of the code), the users whose account binding was made within the epoch and is
    /// still active. A binding to a code generation that has since been retired counts for nobody, as its events do.
    /// </summary>
    private async ValueTask<Dictionary<string, int>> ReferralsAsync(string registryId, Epoch epoch, CancellationToken cancellationToken)
    {
        var referrals = new Dictionary<string, int>(StringComparer.Ordinal);
        var partnerOfCode = new Dictionary<(string Code, int Generation), string?>();
        await foreach (Binding binding in store.ReadBindingsAsync(registryId, epoch.Start, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            if (binding.Scope != Binding.AccountScope || binding.Status != BindingStatus.Active)
            {
                continue;
            }

            if (!partnerOfCode.TryGetValue((binding.Code, binding.CodeGeneration), out string? partner))
            {
                PartnerCode? code = await store.GetCodeAsync(registryId, binding.Code, cancellationToken).ConfigureAwait(false);
                partner = code is { Status: CodeStatus.Active } && code.Generation == binding.CodeGeneration ? code.OwnerAddress : null;
                partnerOfCode[(binding.Code, binding.CodeGeneration)] = partner;
            }

            if (partner is not null)
            {
                referrals[partner] = referrals.GetValueOrDefault(partner) + 1;
            }
        }

        return referrals;
    }

    private static EpochCalendar CalendarOf(ProgramTerms terms) => terms.Epochs switch
    {
        EpochCadence.Monthly => EpochCalendar.Monthly(),
        _ => EpochCalendar.Weekly(),
    };

    private async ValueTask<SettlementResult> AlreadySettledAsync(string registryId, Epoch epoch, CancellationToken cancellationToken)
    {
        IReadOnlyList<EpochStatement> stored = await store.ListStatementsAsync(registryId, epoch.Id, cancellationToken).ConfigureAwait(false);
        return new SettlementResult(SettlementOutcome.AlreadySettled, epoch, stored, null);
    }
}
