using System.Text.RegularExpressions;
using Affiliates.Programs;

namespace Affiliates.Tests.Programs;

public class CodePatternTests
{
    // SingleTrades_SplitExactlyForEveryCodeSetting failed on loaded CI machines: a 100 ms match timeout read a slow
    // match of "PROP6917" as a malformed code. Matching is now linear-time and has no wall-clock timeout.
    [Fact]
    public void AWellFormedCode_IsNeverRefusedBecauseTheMachineIsSlow() =>
        Assert.Equal(Regex.InfiniteMatchTimeout, CodeRules.Compile(CodeRules.DefaultPattern).MatchTimeout);

    [Fact]
    public void APatternThatWouldBacktrackForEver_IsAnsweredInLinearTime() =>
        Assert.DoesNotMatch(CodeRules.Compile("(A+)+B"), new string('A', 50_000));

    [Theory]
    [InlineData("(?=A)[A-Z]{3}")]
    [InlineData(@"(A)\1")]
    public void APatternThatNeedsBacktracking_IsNotAValidCodePattern(string pattern) =>
        Assert.False(CodeRules.IsValidPattern(pattern));

    [Fact]
    public void TheDefaultPattern_MatchesWholeCodesOnly()
    {
        Assert.True(CodeRules.IsValidPattern(CodeRules.DefaultPattern));
        Assert.Matches(CodeRules.Compile(CodeRules.DefaultPattern), "PROP6917");
        Assert.DoesNotMatch(CodeRules.Compile(CodeRules.DefaultPattern), "PROP6917\n");
    }
}
