using System.Runtime.Intrinsics;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class SeriesStoppingRuleTests
{
    [Fact]
    public void ATermThatNoLongerMovesTheSum_IsTheLast_AndOneThatStillDoes_IsNot()
    {
        const double Sum = 1.0;
        var unseen = Sum * SpecialFunctions.SeriesTolerance;
        var seen = Math.BitIncrement(Sum) - Sum;

        Assert.Equal(Sum, Sum + unseen);
        Assert.True(SpecialFunctions.IsLastTerm(unseen, Sum));
        Assert.True(SpecialFunctions.IsLastTerm(-unseen, -Sum));
        Assert.False(SpecialFunctions.IsLastTerm(seen, Sum));
    }

    [Fact]
    public void AZeroTerm_IsTheLast_AndANaNNeverIs()
    {
        Assert.True(SpecialFunctions.IsLastTerm(0.0, 0.0));
        Assert.False(SpecialFunctions.IsLastTerm(double.NaN, 1.0));
        Assert.False(SpecialFunctions.IsLastTerm(1e-30, double.NaN));
    }

    [Fact]
    public void FourSeriesSideBySide_StopOnlyWhenEveryOneWould()
    {
        var sums = Vector256.Create(1.0, -2.0, 1e-300, 5.0);
        var done = Vector256.Create(1e-17, 2e-17, 0.0, -4e-16);
        var oneBehind = done.WithElement(1, 1e-15);

        Assert.True(SpecialFunctions.IsLastTerm(done, sums));
        Assert.False(SpecialFunctions.IsLastTerm(oneBehind, sums));
        for (var lane = 0; lane < 4; lane++)
        {
            Assert.True(SpecialFunctions.IsLastTerm(done[lane], sums[lane]));
        }
    }
}
