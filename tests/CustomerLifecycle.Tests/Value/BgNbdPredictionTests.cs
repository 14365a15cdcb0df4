using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class BgNbdPredictionTests
{
    private static readonly BgNbdParameters Fhl = BgNbdParameters.From(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void ExpectedPurchases_ReproducesTheFhl2005Example()
    {
        // FHL 2005, section 5: x = 2, tₓ = 30.43, T = 38.86 → 1.226 purchases expected in the next 39 weeks.
        var customer = CustomerSummary.Create(default, 2, 30.43, 38.86);

        Assert.Equal(1.226, Math.Round(BgNbdModel.ExpectedPurchases(Fhl, customer, 39), 3));
    }

    [Theory]
    [InlineData(0, 0, 38.86, 39)]
    [InlineData(1, 2, 30, 39)]
    [InlineData(2, 30.43, 38.86, 39)]
    [InlineData(7, 35, 38, 10)]
    [InlineData(25, 37, 38.86, 52)]
    [InlineData(3, 1, 30, 0.5)]
    public void Predictions_EqualTheTextbookFormulas(int x, double tx, double t, double horizon)
    {
        var customer = CustomerSummary.Create(default, x, tx, t);
        var (alive, expected) = NaiveFormulas.BgNbd(Fhl.R, Fhl.Alpha, Fhl.A, Fhl.B, x, tx, t, horizon);

        Assert.Equal(alive, BgNbdModel.ProbabilityAlive(Fhl, customer), 12);
        Assert.Equal(expected, BgNbdModel.ExpectedPurchases(Fhl, customer, horizon), 10);
    }

    [Fact]
    public void ExpectedPurchases_AtAEqualToOne_IsTheLimitFromEitherSide()
    {
        var customer = CustomerSummary.Create(default, 3, 20, 38);
        var at = BgNbdModel.ExpectedPurchases(BgNbdParameters.From(0.5, 4, 1.0, 2), customer, 39);
        var below = BgNbdModel.ExpectedPurchases(BgNbdParameters.From(0.5, 4, 1.0 - 1e-6, 2), customer, 39);
        var above = BgNbdModel.ExpectedPurchases(BgNbdParameters.From(0.5, 4, 1.0 + 1e-6, 2), customer, 39);

        Assert.InRange(at, Math.Min(below, above), Math.Max(below, above));
    }

    [Fact]
    public void ProbabilityAlive_WithoutARepeatPurchase_IsOne()
        => Assert.Equal(1.0, BgNbdModel.ProbabilityAlive(Fhl, CustomerSummary.Create(default, 0, 0, 38)));

    [Fact]
    public void ExpectedPurchases_ForZeroPeriods_IsZero()
        => Assert.Equal(0.0, BgNbdModel.ExpectedPurchases(Fhl, CustomerSummary.Create(default, 2, 10, 38), 0));

    [Fact]
    public void Predictions_StayFiniteWhereTheTextbookFormulaOverflows()
    {
        var customer = CustomerSummary.Create(default, 10_000, 9_999, 10_000);

        var (_, naive) = NaiveFormulas.BgNbd(Fhl.R, Fhl.Alpha, Fhl.A, Fhl.B, 10_000, 9_999, 10_000, 10_000);
        var expected = BgNbdModel.ExpectedPurchases(Fhl, customer, 10_000);

        Assert.False(double.IsFinite(naive));
        Assert.True(double.IsFinite(expected) && expected > 0, $"{expected}");
        Assert.InRange(BgNbdModel.ProbabilityAlive(Fhl, customer), 0, 1);
    }

    [Fact]
    public void ExpectedPurchases_RejectsANegativeHorizon()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdModel.ExpectedPurchases(Fhl, default, -1));

        Assert.Equal($"Periods must be a finite number >= 0 but was -1. (Parameter 'periods'){Environment.NewLine}Actual value was -1.", ex.Message);
    }

    [Fact]
    public void Predictions_RejectDefaultParameters()
    {
        var ex = Assert.Throws<ArgumentException>(() => BgNbdModel.ProbabilityAlive(default, default));

        Assert.Equal("The BG/NBD parameters are default (all 0); create them with BgNbdParameters.From or a fit. (Parameter 'parameters')", ex.Message);
    }

    [Fact]
    public void Parameters_RejectNonPositiveValues_WithTheExactMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdParameters.From(1, 1, 0, 1));

        Assert.Equal($"Parameter a must be a finite number > 0 but was 0. (Parameter 'a'){Environment.NewLine}Actual value was 0.", ex.Message);
    }

    [Fact]
    public void Parameters_PrintThemselves()
        => Assert.Equal("r = 0.243, alpha = 4.414, a = 0.793, b = 2.426", Fhl.ToString());
}
