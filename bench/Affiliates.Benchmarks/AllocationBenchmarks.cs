using Affiliates.Allocation;
using Affiliates.Fees;
using BenchmarkDotNet.Attributes;

namespace Affiliates.Benchmarks;

[MemoryDiagnoser]
[ShortRunJob]
public class AllocationBenchmarks
{
    private readonly Amount total = Amount.FromUnits(1_000_000_007);
    private readonly Amount fee = Amount.FromUnits(1_000_000);
    private readonly Rate referralFee = Rate.FromPercent(5);
    private readonly Multiplier multiplier = Multiplier.Parse("1.5");
    private readonly Rate kickback = Rate.FromPercent(20);
    private readonly BeneficiaryList beneficiaries =
        BeneficiaryList.Create(30, [new Beneficiary("cFaffiliate0", 10), new Beneficiary("cFaffiliate1", 20)]);

    [Benchmark]
    public Amount SplitThreeParties()
    {
        Span<long> weights = stackalloc long[] { 70, 20, 10 };
        Span<Amount> parts = stackalloc Amount[3];
        Allocator.Split(total, weights, parts);
        return parts[2];
    }

    [Benchmark]
    public ReferralFeeSplit ReferralFeeSplitCompute() => ReferralFeeSplit.Compute(fee, referralFee, multiplier, kickback);

    [Benchmark]
    public BeneficiaryCommission BeneficiaryCommissionCompute() => BeneficiaryCommission.Compute(total, beneficiaries);
}
