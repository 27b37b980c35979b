using System.Numerics;
using System.Runtime.InteropServices;
using Affiliates.Kinds;
using Affiliates.Ledger;
using Affiliates.Tiers;

namespace Affiliates.Settlement;

/// <summary>Settles one epoch of one registry: a pure, deterministic function of its <see cref="SettlementRequest"/>.</summary>
/// <remarks>
/// <para>
/// Tier (revenue share): a partner's tier metric for the epoch is read at the END of the epoch, including the epoch's
/// own lines (lifetime revenue netted of refunds, or the epoch's referrals); with tiers that never go down, the highest
/// metric ever reached. Each line earns the rate its own terms version's ladder gives at that metric, so a partner who
/// crosses 50 SOL during a week earns 30 % on that whole week, and a line made under earlier terms keeps their rates.
/// A late line is priced at the metric its partner had at the end of the line's own epoch.
/// </para>
/// <para>
/// Fee share: each fee splits at the referral fee and kickback booked with it and the multiplier of its code's
/// trailing revenue (<see cref="TrailingRevenue"/>); the partner's commission and the user's kickback go to their
/// own statements. Affiliate fees are paid to the partner in full, as their own lines.
/// </para>
/// <para>
/// A refund reverses, at its payment's rate and multiplier, its share of what the payment earned: with f the
/// payment's pricing and R the payment's total refunded before it (earlier epochs first, then this epoch's refunds in
/// line order), a refund of r reverses f(R + r) − f(R). However a payment is refunded in parts, the reversals sum to at
/// most what it earned, and to exactly that when it is refunded in full.
/// </para>
/// <para>
/// Every payee (partner or user) has its own balance: carry-in + earned is paid in full when it is positive and
/// reaches the minimum payout; a positive balance below the minimum is carried over (or swept as dust, see
/// <see cref="DustRule"/>); a negative balance (refunds above earnings) is carried over and nets future earnings,
/// never paid. A partner's payable goes to its codes' payment addresses in force, in proportion to what each address's
/// codes earned this epoch (largest remainder, ties by address); with no earning line, to its default address.
/// </para>
/// <para>
/// A statement is written for every payee with lines, a non-zero carry-in, referrals or a closing. Lines are ordered
/// by (time, event id ordinal, sequence, kind), statements by payee, so the same input in any order gives
/// byte-identical statements.
/// </para>
/// </remarks>
public static class EpochSettler
{
    /// <summary>Settles <paramref name="request"/>.</summary>
    /// <exception cref="SettlementException">A line is from another registry, after the epoch, in another asset or
    /// duplicated, or names an unpriced terms version or an unknown payment; a referral count is negative.</exception>
    public static EpochSettlement Settle(SettlementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SettlementLine[] lines = [.. request.Lines];
        Validate(request, lines);
        Array.Sort(lines, CompareLines);

        ProgramRules rules = ProgramRules.For(request.Terms.Kind);
        Dictionary<string, PartnerTier> tiers = Tiers(request, rules, lines);
        var earnings = new Dictionary<PayeeKey, List<SourcedLine>>();
        Dictionary<string, LinePrice> payments = PricePayments(request, rules, lines, tiers, earnings);
        ReverseRefunds(request, rules, lines, payments, earnings);
        return Close(request, tiers, earnings);
    }

    /// <summary>Reads each partner's tier metric and tier at the end of the epoch.</summary>
    private static Dictionary<string, PartnerTier> Tiers(SettlementRequest request, ProgramRules rules, SettlementLine[] lines)
    {
        var revenue = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (SettlementLine line in lines)
        {
            if (line.Kind == LedgerEntryKind.AttributedRevenue)
            {
                ref Amount sum = ref CollectionsMarshal.GetValueRefOrAddDefault(revenue, line.Partner, out _);
                sum += line.Amount;
            }
        }

        var partners = new HashSet<string>(revenue.Keys, StringComparer.Ordinal);
        partners.UnionWith(request.PreviousStates.Keys.Where(k => k.Kind == PayeeKind.Partner).Select(k => k.Payee));
        partners.UnionWith(request.Referrals.Keys);
        partners.UnionWith(request.ClosingPartners);

        SettlementTerms terms = request.Terms;
        var tiers = new Dictionary<string, PartnerTier>(StringComparer.Ordinal);
        foreach (string partner in partners)
        {
            int referrals = request.Referrals.GetValueOrDefault(partner);
            if (referrals < 0)
            {
                throw new SettlementException(SettlementError.NegativeReferrals, partner, $"Partner '{partner}' has {referrals} referrals.");
            }

            PartnerState previous = request.PreviousStates.GetValueOrDefault(PayeeKey.Partner(partner)) ?? PartnerState.New;
            Amount lifetime = previous.LifetimeRevenue + revenue.GetValueOrDefault(partner);
            Int128 metric = 0;
            string tier = string.Empty;
            if (rules.HasTiers && terms.Tiers is { } ladder)
            {
                metric = terms.TierMetric == Programs.TierMetric.LifetimeRevenue ? lifetime.Units : referrals;
                if (ladder.NeverDowngrade && previous.TierMetric > metric)
                {
                    metric = previous.TierMetric;
                }

                tier = ladder.Ladder.TryEvaluate(metric, out LadderStep<Tier> step) ? step.Value.Name : string.Empty;
            }

            tiers[partner] = new PartnerTier(tier, metric, lifetime, referrals);
        }

        return tiers;
    }

    /// <summary>Prices every payment and affiliate fee line; returns each payment's price for its refunds in this epoch.</summary>
    private static Dictionary<string, LinePrice> PricePayments(
        SettlementRequest request, ProgramRules rules, SettlementLine[] lines, Dictionary<string, PartnerTier> tiers, Dictionary<PayeeKey, List<SourcedLine>> earnings)
    {
        var trailing = new TrailingRevenue(request.DailyRevenue);
        var payments = new Dictionary<string, LinePrice>(StringComparer.Ordinal);
        foreach (SettlementLine line in lines)
        {
            bool late = line.OccurredAt < request.Epoch.Start;
            if (line.Kind == LedgerEntryKind.AffiliateFee)
            {
                Add(earnings, PayeeKey.Partner(line.Partner), line, StatementLineKind.AffiliateFee, late, Amount.Zero, Rate.Full, Multiplier.One, line.Amount);
                continue;
            }

            if (line.RefundOf is not null)
            {
                continue;
            }

            LinePrice price = rules.PriceOf(line, PricingOf(request.Terms, line), line.OwnEpochTierMetric ?? tiers[line.Partner].Metric, trailing);
            Shares shares = rules.Split(line.Amount, price);
            payments[line.EventId] = price;
            Add(earnings, PayeeKey.Partner(line.Partner), line, StatementLineKind.Commission, late, line.Amount, price.Rate, price.Multiplier, shares.Partner);
            if (line.User is not null && price.Kickback != Rate.Zero)
            {
                Add(earnings, PayeeKey.User(line.User), line, StatementLineKind.Kickback, late, line.Amount, price.Kickback, price.Multiplier, shares.User);
            }
        }

        return payments;
    }

    /// <summary>Reverses each refund's share of what its payment earned, refunds of one payment cumulatively in line order.</summary>
    private static void ReverseRefunds(
        SettlementRequest request, ProgramRules rules, SettlementLine[] lines, Dictionary<string, LinePrice> payments, Dictionary<PayeeKey, List<SourcedLine>> earnings)
    {
        var refunded = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (SettlementLine line in lines)
        {
            if (line.Kind != LedgerEntryKind.AttributedRevenue || line.RefundOf is not { } paymentId)
            {
                continue;
            }

            LinePrice price;
            if (payments.TryGetValue(paymentId, out LinePrice samePrice))
            {
                price = samePrice;
                refunded.TryAdd(paymentId, Amount.Zero);
            }
            else if (request.Payments.TryGetValue(paymentId, out PaymentPricing? earlier))
            {
                price = new LinePrice(earlier.Rate, earlier.Multiplier, line.Kickback);
                refunded.TryAdd(paymentId, earlier.RefundedBefore);
            }
            else
            {
                throw new SettlementException(
                    SettlementError.UnknownPayment, LineKeyText(line), $"Refund line {LineKeyText(line)} refunds '{paymentId}', which is neither in epoch {request.Epoch.Id} nor priced in the request.");
            }

            Amount before = refunded[paymentId];
            Amount after = before - line.Amount;
            Shares from = rules.Split(before, price);
            Shares to = rules.Split(after, price);
            refunded[paymentId] = after;
            bool late = line.OccurredAt < request.Epoch.Start;
            Add(earnings, PayeeKey.Partner(line.Partner), line, StatementLineKind.Commission, late, line.Amount, price.Rate, price.Multiplier, from.Partner - to.Partner);
            if (line.User is not null && price.Kickback != Rate.Zero)
            {
                Add(earnings, PayeeKey.User(line.User), line, StatementLineKind.Kickback, late, line.Amount, price.Kickback, price.Multiplier, from.User - to.User);
            }
        }
    }

    /// <summary>Closes each payee's balance into a statement, hashes it, and turns what is payable into payout intents.</summary>
    private static EpochSettlement Close(SettlementRequest request, Dictionary<string, PartnerTier> tiers, Dictionary<PayeeKey, List<SourcedLine>> earnings)
    {
        var payees = new HashSet<PayeeKey>(earnings.Keys);
        payees.UnionWith(request.PreviousStates.Keys);
        payees.UnionWith(tiers.Keys.Select(PayeeKey.Partner));
        PayeeKey[] ordered = [.. payees];
        Array.Sort(ordered);

        var writer = new CanonicalWriter();
        var statements = new List<EpochStatement>(ordered.Length);
        var payouts = new List<PayoutIntent>();
        foreach (PayeeKey payee in ordered)
        {
            List<SourcedLine> sourced = earnings.GetValueOrDefault(payee) ?? [];
            PartnerState previous = request.PreviousStates.GetValueOrDefault(payee) ?? PartnerState.New;
            PartnerTier tier = payee.Kind == PayeeKind.Partner && tiers.TryGetValue(payee.Payee, out PartnerTier found)
                ? found
                : new PartnerTier(string.Empty, 0, previous.LifetimeRevenue, 0);
            bool closing = payee.Kind == PayeeKind.Partner && request.ClosingPartners.Contains(payee.Payee);
            if (sourced.Count == 0 && previous.CarryIn.IsZero && tier.Referrals == 0 && !closing)
            {
                continue;
            }

            sourced.Sort(static (x, y) => CompareStatementLines(x.Line, y.Line));
            EpochStatement statement = Statement(request, payee, previous, tier, closing, sourced);
            statement = statement with { Hash = StatementHasher.ComputeHash(writer, statement) };
            statements.Add(statement);
            if (statement.Payable.IsPositive)
            {
                foreach ((string address, Amount amount) in Addresses(request, payee, sourced, statement.Payable))
                {
                    payouts.Add(new PayoutIntent(
                        PayoutId.For(writer, request.RegistryId, request.Epoch.Id, payee.Kind, payee.Payee, address, request.Terms.PayoutAsset),
                        request.RegistryId,
                        request.Epoch.Id,
                        payee.Payee,
                        address,
                        request.Terms.PayoutAsset,
                        amount,
                        PayoutStatus.Pending,
                        Version: 0,
                        request.SettledAt,
                        TransactionId: null)
                    { PayeeKind = payee.Kind });
                }
            }
        }

        string root = MerkleTree.Root(statements.ConvertAll(static s => s.Hash));
        return new EpochSettlement(request.RegistryId, request.Epoch, statements, payouts, root);
    }

    private static EpochStatement Statement(SettlementRequest request, PayeeKey payee, PartnerState previous, PartnerTier tier, bool closing, List<SourcedLine> sourced)
    {
        var lines = new StatementLine[sourced.Count];
        Amount earned = Amount.Zero;
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = sourced[i].Line;
            earned += lines[i].Amount;
        }

        Amount balance = previous.CarryIn + earned;
        Amount payable = Amount.Zero;
        Amount dust = Amount.Zero;
        int idleEpochs = 0;
        if (balance.IsPositive && balance >= request.Terms.MinimumPayout)
        {
            payable = balance;
        }
        else if (balance.IsPositive)
        {
            idleEpochs = lines.Length == 0 ? previous.IdleEpochs + 1 : 0;
            if (closing || idleEpochs >= request.Terms.Dust.IdleEpochs)
            {
                dust = balance;
                idleEpochs = 0;
            }
        }

        return new EpochStatement(
            request.RegistryId,
            request.Epoch.Id,
            request.Epoch.Start,
            request.Epoch.End,
            payee.Kind,
            payee.Payee,
            request.Terms.PayoutAsset,
            tier.Name,
            tier.Metric,
            tier.Lifetime,
            previous.CarryIn,
            earned,
            payable,
            balance - payable - dust,
            lines,
            Hash: string.Empty,
            tier.Referrals,
            dust,
            idleEpochs);
    }

    /// <summary>Splits a payable amount over the addresses the payee is paid at.</summary>
    private static List<(string Address, Amount Amount)> Addresses(SettlementRequest request, PayeeKey payee, List<SourcedLine> sourced, Amount payable)
    {
        if (payee.Kind == PayeeKind.User)
        {
            return [(payee.Payee, payable)];
        }

        string fallback = request.DefaultAddresses.GetValueOrDefault(payee.Payee) ?? payee.Payee;
        var weights = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (SourcedLine line in sourced)
        {
            if (line.Line.Amount.IsPositive)
            {
                string address = request.PaymentAddresses.GetValueOrDefault((line.Line.Code, line.Generation)) ?? fallback;
                weights[address] = weights.GetValueOrDefault(address) + (BigInteger)line.Line.Amount.Units;
            }
        }

        if (weights.Count <= 1)
        {
            return [(weights.Count == 0 ? fallback : weights.Keys.First(), payable)];
        }

        // Largest remainder: floor each exact share, then one unit each to the largest remainders, ties by address.
        BigInteger total = weights.Values.Aggregate(BigInteger.Zero, static (sum, w) => sum + w);
        var parts = weights.Select(w => (Address: w.Key, Share: BigInteger.DivRem((BigInteger)payable.Units * w.Value, total))).ToList();
        BigInteger left = (BigInteger)payable.Units - parts.Aggregate(BigInteger.Zero, static (sum, p) => sum + p.Share.Quotient);
        var extra = new HashSet<string>(
            parts.Select((p, index) => (p.Address, p.Share.Remainder, index)).OrderByDescending(p => p.Remainder).ThenBy(p => p.index).Take((int)left).Select(p => p.Address),
            StringComparer.Ordinal);
        return [.. parts
            .Select(p => (p.Address, Amount.FromUnits((Int128)(p.Share.Quotient + (extra.Contains(p.Address) ? 1 : 0)))))
            .Where(p => p.Item2.IsPositive)];
    }

    private static TermsPricing PricingOf(SettlementTerms terms, SettlementLine line)
    {
        if (terms.Versions.Count > 0 && !terms.Versions.ContainsKey(line.TermsVersion))
        {
            throw new SettlementException(
                SettlementError.UnknownTermsVersion, LineKeyText(line), $"Line {LineKeyText(line)} is priced under terms version {line.TermsVersion}, which the settlement terms do not have.");
        }

        return terms.PricingOf(line.TermsVersion);
    }

    private static void Add(
        Dictionary<PayeeKey, List<SourcedLine>> earnings,
        PayeeKey payee,
        SettlementLine line,
        StatementLineKind kind,
        bool late,
        Amount revenue,
        Rate rate,
        Multiplier multiplier,
        Amount amount)
    {
        ref List<SourcedLine>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(earnings, payee, out _);
        list ??= [];
        list.Add(new SourcedLine(new StatementLine(line.EventId, line.Sequence, line.OccurredAt, line.Code, kind, late, revenue, rate, multiplier, amount), line.CodeGeneration));
    }

    private static void Validate(SettlementRequest request, SettlementLine[] lines)
    {
        var keys = new HashSet<(string, int)>(lines.Length);
        Asset asset = request.Terms.PayoutAsset;
        foreach (SettlementLine line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(request.Lines));
            if (!string.Equals(line.RegistryId, request.RegistryId, StringComparison.Ordinal))
            {
                throw new SettlementException(
                    SettlementError.LineFromAnotherRegistry, LineKeyText(line), $"Line {LineKeyText(line)} belongs to registry '{line.RegistryId}', not '{request.RegistryId}'.");
            }

            if (line.OccurredAt >= request.Epoch.End)
            {
                throw new SettlementException(
                    SettlementError.LineOutsideEpoch, LineKeyText(line), $"Line {LineKeyText(line)} at {line.OccurredAt} is after epoch {request.Epoch.Id} {request.Epoch.Interval}.");
            }

            if (!ReferenceEquals(line.Asset, asset) && !line.Asset.Equals(asset))
            {
                bool sameName = line.Asset.Chain == asset.Chain && line.Asset.Symbol == asset.Symbol;
                throw new SettlementException(
                    sameName ? SettlementError.AssetMismatch : SettlementError.UnknownAsset,
                    LineKeyText(line),
                    $"Line {LineKeyText(line)} is in {line.Asset} ({line.Asset.Decimals} decimals, contract {line.Asset.Contract ?? "native"}); the program pays in {asset} ({asset.Decimals} decimals, contract {asset.Contract ?? "native"}).");
            }

            if (line.Kind is not (LedgerEntryKind.AttributedRevenue or LedgerEntryKind.AffiliateFee))
            {
                throw new ArgumentException($"Line {LineKeyText(line)} books {line.Kind}, which is neither attributed revenue nor an affiliate fee.", nameof(request));
            }

            if (!keys.Add((line.EventId, line.Sequence)))
            {
                throw new SettlementException(SettlementError.DuplicateLine, LineKeyText(line), $"Line {LineKeyText(line)} appears twice.");
            }
        }
    }

    private static string LineKeyText(SettlementLine line) => $"{line.EventId}#{line.Sequence}";

    /// <summary>Canonical line order: time, then event id (ordinal), then sequence.</summary>
    private static int CompareLines(SettlementLine? x, SettlementLine? y)
    {
        int order = x!.OccurredAt.CompareTo(y!.OccurredAt);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.EventId, y.EventId);
        }

        return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
    }

    private static int CompareStatementLines(StatementLine x, StatementLine y)
    {
        int order = x.OccurredAt.CompareTo(y.OccurredAt);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.EventId, y.EventId);
        }

        if (order == 0)
        {
            order = x.Sequence.CompareTo(y.Sequence);
        }

        return order != 0 ? order : x.Kind.CompareTo(y.Kind);
    }

    /// <summary>A partner's tier for the epoch.</summary>
    private readonly record struct PartnerTier(string Name, Int128 Metric, Amount Lifetime, int Referrals);

    /// <summary>A statement line and the generation of its code, for the payment address.</summary>
    private readonly record struct SourcedLine(StatementLine Line, int Generation);
}
