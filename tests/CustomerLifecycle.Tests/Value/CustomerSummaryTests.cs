using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class CustomerSummaryTests
{
    private static readonly CustomerId Id = CustomerId.From("c1");

    [Fact]
    public void Create_KeepsTheValues()
    {
        var s = CustomerSummary.Create(Id, 2, 30.43, 38.86, 25.5, 3, 80);

        Assert.Equal((Id, 2, 30.43, 38.86, 25.5, 3, 80.0), (s.CustomerId, s.Frequency, s.Recency, s.T, s.MonetaryValue, s.HoldoutFrequency, s.HoldoutSpend));
    }

    [Theory]
    [InlineData(-1, 0, 1, 0, 0, 0, "Frequency must be >= 0 but was -1. (Parameter 'frequency')\nActual value was -1.")]
    [InlineData(0, 0, double.NaN, 0, 0, 0, "T must be a finite number >= 0 but was NaN. (Parameter 't')\nActual value was NaN.")]
    [InlineData(1, 5, 4, 0, 0, 0, "Recency must be in [0, T = 4] but was 5. (Parameter 'recency')\nActual value was 5.")]
    [InlineData(0, 2, 4, 0, 0, 0, "Recency must be 0 when frequency is 0 but was 2. (Parameter 'recency')\nActual value was 2.")]
    [InlineData(1, 2, 4, double.PositiveInfinity, 0, 0, "MonetaryValue must be a finite number but was Infinity. (Parameter 'monetaryValue')\nActual value was Infinity.")]
    [InlineData(1, 2, 4, 1, -2, 0, "HoldoutFrequency must be >= 0 but was -2. (Parameter 'holdoutFrequency')\nActual value was -2.")]
    [InlineData(1, 2, 4, 1, 0, double.NaN, "HoldoutSpend must be a finite number but was NaN. (Parameter 'holdoutSpend')\nActual value was NaN.")]
    public void Create_RejectsOutOfRangeValues_WithTheExactMessage(int x, double recency, double t, double m, int hx, double hs, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummary.Create(Id, x, recency, t, m, hx, hs));

        Assert.Equal(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal), ex.Message);
    }
}
