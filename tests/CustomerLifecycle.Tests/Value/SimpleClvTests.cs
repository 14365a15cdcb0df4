using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class SimpleClvTests
{
    [Fact]
    public void Historic_IsTheSumOfMargins()
    {
        Assert.Equal(130.0, SimpleClv.Historic([50, 100, -20]));
        Assert.Equal(0.0, SimpleClv.Historic([]));
    }

    [Fact]
    public void RetentionFormula_IsMarginTimesRetentionOverOnePlusDiscountMinusRetention()
    {
        // 100 · 0.8 / (1 + 0.1 − 0.8) = 80 / 0.3
        Assert.Equal(80 / 0.3, SimpleClv.RetentionFormula(100, 0.8, 0.1), 12);
        Assert.Equal(0.0, SimpleClv.RetentionFormula(100, 0, 0.1));
        Assert.Equal(1000.0, SimpleClv.RetentionFormula(100, 1, 0.1), 9);
    }

    [Fact]
    public void BadInputs_GiveExactErrors()
    {
        Assert.Equal("margins[1]: must be a finite number but was NaN. (Parameter 'margins')", Assert.Throws<ArgumentException>(() => SimpleClv.Historic([1, double.NaN])).Message);
        Assert.Equal($"Value should be in range [0-1] but was 1.2. (Parameter 'retentionRate'){Environment.NewLine}Actual value was 1.2.", Assert.Throws<ArgumentOutOfRangeException>(() => SimpleClv.RetentionFormula(1, 1.2, 0.1)).Message);
        Assert.Equal($"The discount rate must be a finite number >= 0 but was -0.1. (Parameter 'discountRate'){Environment.NewLine}Actual value was -0.1.", Assert.Throws<ArgumentOutOfRangeException>(() => SimpleClv.RetentionFormula(1, 0.5, -0.1)).Message);
        Assert.Equal($"With retention 1 and discount rate 0 the CLV is infinite; use a discount rate > 0. (Parameter 'retentionRate'){Environment.NewLine}Actual value was 1.", Assert.Throws<ArgumentOutOfRangeException>(() => SimpleClv.RetentionFormula(1, 1, 0)).Message);
    }
}
