using Affiliates.Brokers;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Affiliates.Tests.Brokers;

public sealed class BrokerProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(10_000);

    // Each step registers into the lowest free slot (as Chainflip 2.2 does) or deregisters the slot named by the number.
    private static readonly Arbitrary<(bool Register, int Slot)[]> Steps = Arb.From(
        Gen.ArrayOf(Gen.Zip(Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))), Gen.Choose(0, 7)))
            .Select(steps => steps.Select(s => (s.Item1, s.Item2)).ToArray()),
        steps => Enumerable.Range(0, steps.Length).Select(i => steps.Where((_, j) => j != i).ToArray()));

    [Fact]
    public void NoRegistrationEverSharesItsIdWithAnother_SoNoneInheritsAnothersHistory() =>
        Prop.ForAll(Steps, steps =>
        {
            Broker broker = Run(steps);
            string[] ids = [.. broker.Affiliates.Concat(broker.Former).Select(a => a.RegistrationId)];
            return ids.Distinct(StringComparer.Ordinal).Count() == ids.Length;
        }).Check(Config);

    [Fact]
    public void TheLowestFreeShortIdIsAlwaysTheSmallestUnheldOne() =>
        Prop.ForAll(Steps, steps =>
        {
            Broker broker = Run(steps);
            int expected = Enumerable.Range(0, Broker.MaxAffiliates).First(id => broker.Find(id) is null);
            return broker.LowestFreeShortId == expected && broker.Count == broker.Affiliates.Length;
        }).Check(Config);

    [Fact]
    public void RestoringWhatWasStoredGivesTheSameBroker() =>
        Prop.ForAll(Steps, steps =>
        {
            Broker broker = Run(steps);
            Broker restored = Broker.Restore(broker.AccountId, [.. broker.Affiliates, .. broker.Former]);
            return restored.Affiliates.SequenceEqual(broker.Affiliates) && restored.Former.SequenceEqual(broker.Former);
        }).Check(Config);

    [Fact]
    public void ReconcilingWithItsOwnListChangesNothing() =>
        Prop.ForAll(Steps, steps =>
        {
            Broker broker = Run(steps);
            Broker same = broker.Reconcile(broker.Affiliates.Select(a => new ChainAffiliate(a.ShortId, a.AccountId, a.WithdrawalAddress)), Instant.MaxValue);
            return same.Affiliates.SequenceEqual(broker.Affiliates) && same.Former.SequenceEqual(broker.Former);
        }).Check(Config);

    private static Broker Run((bool Register, int Slot)[] steps)
    {
        Broker broker = Broker.Create("cF-broker");
        Instant at = Instant.FromUtc(2026, 1, 1, 0, 0);
        int next = 0;
        foreach ((bool register, int slot) in steps)
        {
            at = at.Plus(Duration.FromMinutes(1));
            if (register)
            {
                int shortId = broker.LowestFreeShortId!.Value;
                broker = broker.Register(shortId, BrokerTests.Account(shortId), BrokerTests.Address(next++), at);
            }
            else if (broker.Find(slot) is not null)
            {
                broker = broker.Deregister(slot, at);
            }
        }

        return broker;
    }
}
