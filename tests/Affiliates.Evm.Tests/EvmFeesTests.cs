using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Affiliates.Evm.Tests;

public sealed class EvmFeesTests
{
    [Property(MaxTest = 10_000)]
    public Property AReplacement_RaisesBothCapsByTheBump_StaysUnderTheCap_OrIsNotOffered()
    {
        Gen<(long Max, long Tip, long SuggestedMax, long SuggestedTip, int Bump, long Cap)> cases =
            from max in Gen.Choose(1, int.MaxValue).Select(v => (long)v * 3)
            from tip in Gen.Choose(0, int.MaxValue).Select(v => v % (max + 1))
            from suggestedMax in Gen.Choose(0, int.MaxValue).Select(v => (long)v * 4)
            from suggestedTip in Gen.Choose(0, int.MaxValue).Select(v => v % (suggestedMax + 1))
            from bump in Gen.Choose(10, 200)
            from cap in Gen.Choose(1, int.MaxValue).Select(v => (long)v * 5)
            select (max, tip, suggestedMax, suggestedTip, bump, cap);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var stuck = new EvmFees(c.Max, c.Tip);
            EvmFees? replacement = EvmFees.Replacement(stuck, new EvmFees(c.SuggestedMax, c.SuggestedTip), c.Bump, c.Cap);
            if (replacement is not { } fees)
            {
                return true;
            }

            BigInteger tenPercentMax = c.Max + BigInteger.Max(1, ((BigInteger)c.Max * 10 + 99) / 100);
            BigInteger tenPercentTip = c.Tip + BigInteger.Max(1, ((BigInteger)c.Tip * 10 + 99) / 100);
            return fees.MaxFeePerGas <= c.Cap
                && fees.MaxFeePerGas >= tenPercentMax
                && fees.MaxPriorityFeePerGas >= tenPercentTip
                && fees.MaxPriorityFeePerGas <= fees.MaxFeePerGas;
        });
    }

    [Fact]
    public void AReplacement_AtTheCapAlready_IsNotOffered()
    {
        Assert.Null(EvmFees.Replacement(new EvmFees(1_000, 10), new EvmFees(1_000, 10), 15, 1_000));
    }

    [Fact]
    public void AZeroTip_IsStillRaised()
    {
        Assert.Equal(new EvmFees(1_150, 1), EvmFees.Replacement(new EvmFees(1_000, 0), new EvmFees(0, 0), 15, 10_000));
    }
}
