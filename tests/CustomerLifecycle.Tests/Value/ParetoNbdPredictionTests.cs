using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class ParetoNbdPredictionTests
{
    private static readonly ParetoNbdParameters Published = ParetoNbdParameters.From(0.553, 10.578, 0.606, 11.669);

    [Fact]
    public void LogLikelihood_AtThePublishedEstimates_IsThePublishedValue()
        => Assert.Equal(-9595.0, Math.Round(ParetoNbdModel.LogLikelihood(Published, CdnowData.Summaries), 1));

    [Theory]
    [InlineData(0.553, 10.578, 0.606, 11.669, 0, 0, 38.86, 39)]
    [InlineData(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86, 39)]
    [InlineData(0.553, 10.578, 0.606, 11.669, 10, 12, 38, 52)]
    [InlineData(0.8, 12, 1.5, 3, 4, 20, 36, 39)]
    [InlineData(0.8, 12, 1.5, 3, 0, 0, 36, 10)]
    public void Predictions_EqualTheTextbookFormulas(double r, double alpha, double s, double beta, int x, double tx, double t, double horizon)
    {
        var p = ParetoNbdParameters.From(r, alpha, s, beta);
        var customer = CustomerSummary.Create(default, x, tx, t);
        var (alive, expected) = NaiveFormulas.ParetoNbd(r, alpha, s, beta, x, tx, t, horizon);

        Assert.Equal(alive, ParetoNbdModel.ProbabilityAlive(p, customer), 10);
        Assert.Equal(expected, ParetoNbdModel.ExpectedPurchases(p, customer, horizon), 9);
    }

    [Fact]
    public void ExpectedPurchases_AtSEqualToOne_IsTheLogarithmicLimit()
    {
        var customer = CustomerSummary.Create(default, 2, 20, 38);
        var p = ParetoNbdParameters.From(0.5, 10, 1.0, 12);
        var alive = ParetoNbdModel.ProbabilityAlive(p, customer);

        // (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)) · P(alive)
        var limit = 2.5 * 50 / 48 * Math.Log(89.0 / 50) * alive;

        Assert.Equal(limit, ParetoNbdModel.ExpectedPurchases(p, customer, 39), 12);
    }

    [Fact]
    public void Predictions_StayFiniteForLongHistoriesAndHighFrequency()
    {
        var customer = CustomerSummary.Create(default, 10_000, 5_000, 10_000);

        var alive = ParetoNbdModel.ProbabilityAlive(Published, customer);
        var expected = ParetoNbdModel.ExpectedPurchases(Published, customer, 10_000);

        Assert.InRange(alive, 0, 1);
        Assert.True(double.IsFinite(expected) && expected >= 0, $"{expected}");
    }

    [Fact]
    public void Fit_WhenNoCustomerHasARepeatPurchase_ReportsInsufficientData()
    {
        var fit = ParetoNbdModel.Fit([CustomerSummary.Create(default, 0, 0, 5)]);

        Assert.Equal(FitStatus.InsufficientData, fit.Report.Status);
        Assert.Equal("None of the 1 customers has a repeat purchase (every frequency is 0): the purchase and drop-out rates cannot be estimated.", fit.Report.Message);
    }

    [Fact]
    public void Fit_OnCdnow_GivesStandardErrorsNearCLVTools()
    {
        // CLVTools' test pins r 0.0476, α 0.843, s 0.187, β 6.21 on the same data.
        var se = ParetoNbdModel.Fit(CdnowData.Summaries).StandardErrors;

        // β lies along a flat ridge, so numerically differentiated Hessians agree to a few per cent there.
        Assert.InRange(se[0], 0.0476 * 0.97, 0.0476 * 1.03);
        Assert.InRange(se[1], 0.843 * 0.97, 0.843 * 1.03);
        Assert.InRange(se[2], 0.187 * 0.95, 0.187 * 1.05);
        Assert.InRange(se[3], 6.21 * 0.95, 6.21 * 1.05);
    }

    [Fact]
    public void Predictions_RejectDefaultParameters()
    {
        var ex = Assert.Throws<ArgumentException>(() => ParetoNbdModel.ExpectedPurchases(default, default, 1));

        Assert.Equal("The Pareto/NBD parameters are default (all 0); create them with ParetoNbdParameters.From or a fit. (Parameter 'parameters')", ex.Message);
    }
}
