using Affiliates.Tiers;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Tiers;

public class LadderTests
{
    private static readonly Ladder<string> Inclusive = new(LadderBoundary.InclusiveLowerBound, [new(10, "a"), new(20, "b")]);
    private static readonly Ladder<string> Exclusive = new(LadderBoundary.ExclusiveLowerBound, [new(10, "a"), new(20, "b")]);

    [Theory]
    [InlineData(9, null)]
    [InlineData(10, "a")]
    [InlineData(19, "a")]
    [InlineData(20, "b")]
    [InlineData(1_000, "b")]
    public void Inclusive_ThresholdBelongsToItsOwnStep(long metric, string? expected) =>
        Assert.Equal(expected, Inclusive.TryEvaluate(metric, out LadderStep<string> step) ? step.Value : null);

    [Theory]
    [InlineData(10, null)]
    [InlineData(11, "a")]
    [InlineData(20, "a")]
    [InlineData(21, "b")]
    public void Exclusive_ThresholdBelongsToTheStepBelow(long metric, string? expected) =>
        Assert.Equal(expected, Exclusive.TryEvaluate(metric, out LadderStep<string> step) ? step.Value : null);

    [Fact]
    public void Evaluate_BelowTheFirstStep_ThrowsNamingTheMetric()
    {
        Assert.Equal(new LadderStep<string>(10, "a"), Inclusive.Evaluate(10));
        Assert.Equal("metric", Assert.Throws<ArgumentOutOfRangeException>(() => Exclusive.Evaluate(10)).ParamName);
    }

    [Fact]
    public void Constructor_RejectsAnEmptyLadder() =>
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => new Ladder<string>(LadderBoundary.InclusiveLowerBound, [])).ParamName);

    [Theory]
    [InlineData(20, 10)]
    [InlineData(10, 10)]
    public void Constructor_RejectsThresholdsThatDoNotStrictlyIncrease(long first, long second) =>
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() =>
            new Ladder<string>(LadderBoundary.InclusiveLowerBound, [new(first, "a"), new(second, "b")])).ParamName);

    [Fact]
    public void Constructor_RejectsAnUndefinedBoundary() =>
        Assert.Equal("boundary", Assert.Throws<ArgumentOutOfRangeException>(() => new Ladder<string>((LadderBoundary)7, [new(0, "a")])).ParamName);

    [Fact]
    public void AHigherMetric_NeverGivesALowerStep_AndTheStepIsTheLastOneReached()
    {
        Gen<(Ladder<int> Ladder, long Low, long High)> cases =
            from boundary in Gen.Elements(LadderBoundary.InclusiveLowerBound, LadderBoundary.ExclusiveLowerBound)
            from count in Gen.Choose(1, 12)
            from gaps in Gen.ArrayOf(Gen.Choose(1, 50), count)
            from start in Gen.Choose(-100, 100)
            from a in Gen.Choose(-200, 700)
            from b in Gen.Choose(-200, 700)
            select (new Ladder<int>(boundary, Steps(start, gaps)), (long)Math.Min(a, b), (long)Math.Max(a, b));

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            int low = c.Ladder.IndexOf(c.Low);
            int high = c.Ladder.IndexOf(c.High);
            int bruteForce = c.Ladder.Steps.Count(s => c.Ladder.Boundary == LadderBoundary.InclusiveLowerBound ? c.High >= s.Threshold : c.High > s.Threshold) - 1;
            bool found = c.Ladder.TryEvaluate(c.High, out LadderStep<int> step);
            return low <= high && high == bruteForce && found == (high >= 0) && (!found || step.Value == high);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10_000));
    }

    private static IEnumerable<LadderStep<int>> Steps(long start, int[] gaps)
    {
        long threshold = start;
        for (int i = 0; i < gaps.Length; i++)
        {
            threshold += gaps[i];
            yield return new LadderStep<int>(threshold, i);
        }
    }
}
