using System.Collections.Immutable;
using Affiliates.Fees;
using NodaTime;

namespace Affiliates.Brokers;

/// <summary>
/// A Chainflip broker and its fully-delegated affiliates: at most 256 at a time, each with a short id, an account and a
/// withdrawal address that never changes. The broker's limits are checked here, before any chain call.
/// </summary>
/// <remarks>
/// Immutable: every change returns a new <see cref="Broker"/>. Deregistered affiliates stay in <see cref="Former"/>
/// with their <see cref="DelegatedAffiliate.RegistrationId"/>, so that a later registration into the same short id
/// (which on chain even gets the same account id) starts with a new generation, a zero balance and no history.
/// Accounts and addresses are compared ordinally: pass the codecs' canonical forms.
/// </remarks>
public sealed class Broker
{
    /// <summary>The most affiliates a broker can hold at once (short ids 0 to 255).</summary>
    public const int MaxAffiliates = 256;

    /// <summary>The highest short id.</summary>
    public const int MaxShortId = MaxAffiliates - 1;

    private readonly ImmutableSortedDictionary<int, DelegatedAffiliate> active;

    private Broker(string accountId, ImmutableSortedDictionary<int, DelegatedAffiliate> active, ImmutableArray<DelegatedAffiliate> former)
    {
        AccountId = accountId;
        this.active = active;
        Former = former;
    }

    /// <summary>Gets the broker's account id, canonical SS58.</summary>
    public string AccountId { get; }

    /// <summary>Gets the active affiliates, by short id.</summary>
    public ImmutableArray<DelegatedAffiliate> Affiliates => [.. active.Values];

    /// <summary>Gets the deregistered affiliates, in the order they left.</summary>
    public ImmutableArray<DelegatedAffiliate> Former { get; }

    /// <summary>Gets how many affiliates are active.</summary>
    public int Count => active.Count;

    /// <summary>Gets a value indicating whether the broker holds <see cref="MaxAffiliates"/> affiliates and can register no more.</summary>
    public bool IsFull => active.Count >= MaxAffiliates;

    /// <summary>Gets the short id the chain gives the next registration (the lowest free one, since Chainflip 2.2), or null when full.</summary>
    public int? LowestFreeShortId
    {
        get
        {
            for (int id = 0; id <= MaxShortId; id++)
            {
                if (!active.ContainsKey(id))
                {
                    return id;
                }
            }

            return null;
        }
    }

    /// <summary>Creates a broker with no affiliates.</summary>
    /// <exception cref="BrokerRuleException"><paramref name="accountId"/> is empty.</exception>
    public static Broker Create(string accountId) => new(Required(accountId, nameof(accountId)), ImmutableSortedDictionary<int, DelegatedAffiliate>.Empty, []);

    /// <summary>Rebuilds a broker from stored registrations, active and former, checking that they are consistent.</summary>
    /// <exception cref="BrokerRuleException">Two active registrations share a short id or an account, one generation of a short id appears twice, or there are more than 256 active.</exception>
    public static Broker Restore(string accountId, IEnumerable<DelegatedAffiliate> registrations)
    {
        Required(accountId, nameof(accountId));
        Preconditions.NotNull(registrations);
        var generations = new HashSet<(int, int)>();
        var active = ImmutableSortedDictionary.CreateBuilder<int, DelegatedAffiliate>();
        var former = ImmutableArray.CreateBuilder<DelegatedAffiliate>();
        foreach (DelegatedAffiliate registration in registrations.OrderBy(r => r.DeregisteredAt ?? Instant.MaxValue).ThenBy(r => r.ShortId))
        {
            Preconditions.NotNull(registration);
            CheckShortId(registration.ShortId, nameof(registrations));
            Required(registration.AccountId, nameof(registrations));
            Required(registration.WithdrawalAddress, nameof(registrations));
            if (!generations.Add((registration.ShortId, registration.Generation)))
            {
                throw new BrokerRuleException(
                    BrokerRule.ShortIdInUse, nameof(registrations), $"Short id {registration.ShortId} generation {registration.Generation} is stored twice.");
            }

            if (!registration.IsActive)
            {
                former.Add(registration);
                continue;
            }

            if (!active.TryAdd(registration.ShortId, registration))
            {
                throw new BrokerRuleException(
                    BrokerRule.ShortIdInUse, nameof(registrations), $"Short id {registration.ShortId} has two active affiliates.");
            }

            if (active.Values.Count(a => a.AccountId == registration.AccountId) > 1)
            {
                throw new BrokerRuleException(
                    BrokerRule.AccountAlreadyRegistered, nameof(registrations), $"Account {registration.AccountId} is active in two short ids.");
            }
        }

        return new Broker(accountId, active.ToImmutable(), former.ToImmutable());
    }

    /// <summary>Checks that one more affiliate can be registered, to <paramref name="withdrawalAddress"/>.</summary>
    /// <exception cref="BrokerRuleException">The broker already has 256 affiliates, or the address is empty.</exception>
    public void EnsureCanRegister(string withdrawalAddress)
    {
        Required(withdrawalAddress, nameof(withdrawalAddress));
        if (IsFull)
        {
            throw new BrokerRuleException(
                BrokerRule.AffiliateLimitReached,
                nameof(withdrawalAddress),
                $"Affiliate {active.Count + 1} refused: a broker holds at most {MaxAffiliates} affiliates (short ids 0 to {MaxShortId}).");
        }
    }

    /// <summary>Records a registration the chain made: the affiliate in <paramref name="shortId"/> with its account and withdrawal address.</summary>
    /// <returns>The broker with the affiliate added, in the next generation of its short id.</returns>
    /// <exception cref="BrokerRuleException">The broker is full, the short id is out of range or taken, the account is already active, or a text is empty.</exception>
    public Broker Register(int shortId, string accountId, string withdrawalAddress, Instant registeredAt)
    {
        EnsureCanRegister(withdrawalAddress);
        CheckShortId(shortId, nameof(shortId));
        Required(accountId, nameof(accountId));
        if (active.TryGetValue(shortId, out DelegatedAffiliate? holder))
        {
            throw new BrokerRuleException(
                BrokerRule.ShortIdInUse, nameof(shortId), $"Short id {shortId} is held by {holder.AccountId} (registration {holder.RegistrationId}).");
        }

        if (FindByAccount(accountId) is { } existing)
        {
            throw new BrokerRuleException(
                BrokerRule.AccountAlreadyRegistered, nameof(accountId), $"Account {accountId} is already affiliate {existing.ShortId}; its withdrawal address cannot change.");
        }

        int generation = 1 + Former.Where(f => f.ShortId == shortId).Select(f => f.Generation).DefaultIfEmpty(0).Max();
        var affiliate = new DelegatedAffiliate(shortId, accountId, withdrawalAddress, registeredAt, generation);
        return new Broker(AccountId, active.Add(shortId, affiliate), Former);
    }

    /// <summary>Records that the affiliate in <paramref name="shortId"/> was deregistered, freeing the short id.</summary>
    /// <exception cref="BrokerRuleException">No active affiliate holds the short id.</exception>
    public Broker Deregister(int shortId, Instant deregisteredAt)
    {
        CheckShortId(shortId, nameof(shortId));
        if (!active.TryGetValue(shortId, out DelegatedAffiliate? affiliate))
        {
            throw new BrokerRuleException(BrokerRule.AffiliateNotRegistered, nameof(shortId), $"No affiliate holds short id {shortId}.");
        }

        return new Broker(AccountId, active.Remove(shortId), Former.Add(affiliate with { DeregisteredAt = deregisteredAt }));
    }

    /// <summary>Returns the active affiliate in <paramref name="shortId"/>, or null.</summary>
    public DelegatedAffiliate? Find(int shortId) => active.GetValueOrDefault(shortId);

    /// <summary>Returns the active affiliate with <paramref name="accountId"/>, or null.</summary>
    public DelegatedAffiliate? FindByAccount(string accountId) => active.Values.FirstOrDefault(a => a.AccountId == accountId);

    /// <summary>Returns the active affiliate with <paramref name="accountId"/>.</summary>
    /// <exception cref="BrokerRuleException">The account is not an active affiliate of this broker.</exception>
    public DelegatedAffiliate GetAffiliate(string accountId) =>
        FindByAccount(accountId)
        ?? throw new BrokerRuleException(BrokerRule.AffiliateNotRegistered, nameof(accountId), $"{accountId} is not an affiliate of broker {AccountId}.");

    /// <summary>Validates a deposit channel's beneficiaries: any accounts (Chainflip does not require registered affiliates here), at most five, 1 000 bps in all.</summary>
    /// <exception cref="BeneficiaryValidationException">A limit is broken.</exception>
    public static BeneficiaryList ForChannel(int brokerCommissionBps, IEnumerable<Beneficiary> affiliates) =>
        BeneficiaryList.Create(brokerCommissionBps, affiliates);

    /// <summary>Validates a vault swap's beneficiaries: the chain's limits, and every affiliate registered to this broker.</summary>
    /// <exception cref="BeneficiaryValidationException">A limit is broken.</exception>
    /// <exception cref="BrokerRuleException">An affiliate is not an active affiliate of this broker.</exception>
    public BeneficiaryList ForVaultSwap(VaultSwapChain chain, int brokerCommissionBps, IEnumerable<Beneficiary> affiliates)
    {
        BeneficiaryList list = VaultSwapLimits.Validate(chain, brokerCommissionBps, affiliates);
        for (int i = 0; i < list.Affiliates.Length; i++)
        {
            if (FindByAccount(list.Affiliates[i].Account) is null)
            {
                throw new BrokerRuleException(
                    BrokerRule.AffiliateNotRegistered,
                    nameof(affiliates),
                    $"Affiliate {i} ({list.Affiliates[i].Account}) is not registered to broker {AccountId}; vault swaps take only the broker's own affiliates.");
            }
        }

        return list;
    }

    /// <summary>
    /// Brings the broker in line with what the chain lists: registrations the chain has and the broker does not are added
    /// (observed at <paramref name="observedAt"/>), and active ones the chain no longer lists are deregistered.
    /// </summary>
    /// <remarks>
    /// A short id listed with another account or withdrawal address than the broker holds was deregistered and reused
    /// in between: the old registration ends and the new one starts a new generation.
    /// </remarks>
    /// <exception cref="BrokerRuleException">The chain's list itself breaks a rule (a short id out of range or twice, an account twice, more than 256).</exception>
    public Broker Reconcile(IEnumerable<ChainAffiliate> onChain, Instant observedAt)
    {
        Preconditions.NotNull(onChain);
        var listed = new Dictionary<int, ChainAffiliate>();
        foreach (ChainAffiliate entry in onChain)
        {
            CheckShortId(entry.ShortId, nameof(onChain));
            if (!listed.TryAdd(entry.ShortId, entry))
            {
                throw new BrokerRuleException(BrokerRule.ShortIdInUse, nameof(onChain), $"The chain lists short id {entry.ShortId} twice.");
            }
        }

        Broker broker = this;
        foreach (DelegatedAffiliate held in active.Values)
        {
            if (!listed.TryGetValue(held.ShortId, out ChainAffiliate entry) || entry.AccountId != held.AccountId || entry.WithdrawalAddress != held.WithdrawalAddress)
            {
                broker = broker.Deregister(held.ShortId, observedAt);
            }
        }

        foreach (ChainAffiliate entry in listed.Values.OrderBy(e => e.ShortId))
        {
            if (broker.Find(entry.ShortId) is null)
            {
                broker = broker.Register(entry.ShortId, entry.AccountId, entry.WithdrawalAddress, observedAt);
            }
        }

        return broker;
    }

    private static void CheckShortId(int shortId, string field)
    {
        if (shortId is < 0 or > MaxShortId)
        {
            throw new BrokerRuleException(BrokerRule.ShortIdOutOfRange, field, $"Short id {shortId} is outside 0 to {MaxShortId}.");
        }
    }

    private static string Required(string? text, string field) =>
        string.IsNullOrWhiteSpace(text)
            ? throw new BrokerRuleException(BrokerRule.MissingAddress, field, $"{field} is empty.")
            : text;
}
