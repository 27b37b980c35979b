using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Money;

public class AmountPropertyTests
{
    private static readonly Config TenThousand = Config.QuickThrowOnFailure.WithMaxTest(10_000);

    private static Arbitrary<Int128> NonNegativeUnits { get; } = Arb.From(
        from hi in Gen.Choose(0, int.MaxValue)
        from lo in ArbMap.Default.GeneratorFor<ulong>()
        from wide in ArbMap.Default.GeneratorFor<bool>()
        select wide ? ((Int128)hi << 64) + lo : (Int128)(lo >> 8),
        x => x > 0 ? [x / 2, x - 1] : []);

    [Fact]
    public void FormatThenParse_RoundTripsEveryAmount_AtEveryPrecision() =>
        Prop.ForAll(NonNegativeUnits, Arb.From(Gen.Choose(0, 30)), (units, decimals) =>
        {
            Amount amount = Amount.FromUnits(units);
            return Amount.Parse(amount.Format(decimals), decimals) == amount;
        }).Check(TenThousand);

    [Fact]
    public void Times_IsWithinOneUnitOfTheExactShare_AndNeverAboveIt() =>
        Prop.ForAll(NonNegativeUnits, Arb.From(Gen.Choose(0, Rate.PartsPerMillionScale)), (units, ppm) =>
        {
            Amount share = Amount.FromUnits(units).Times(Rate.FromPartsPerMillion(ppm));
            var exact = (System.Numerics.BigInteger)units * ppm;
            var scaled = (System.Numerics.BigInteger)share.Units * Rate.PartsPerMillionScale;
            return scaled <= exact && exact - scaled < Rate.PartsPerMillionScale;
        }).Check(TenThousand);
}
