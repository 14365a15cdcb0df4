using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class GammaGammaPredictionTests
{
    private static readonly GammaGammaParameters Published = GammaGammaParameters.From(6.25, 3.74, 15.44);

    [Fact]
    public void ExpectedSpend_IsTheWeightedMeanOfPopulationAndCustomer()
    {
        // p(γ + x·m) / (px + q − 1) = 6.25 · (15.44 + 2 · 30) / (12.5 + 2.74) = 471.5 / 15.24
        var spend = GammaGammaModel.ExpectedSpend(Published, CustomerSummary.Create(default, 2, 10, 30, 30));

        Assert.Equal(471.5 / 15.24, spend, 12);
    }

    [Fact]
    public void ExpectedSpend_WithoutARepeatPurchase_IsThePopulationMean()
        => Assert.Equal(6.25 * 15.44 / 2.74, GammaGammaModel.ExpectedSpend(Published, CustomerSummary.Create(default, 0, 0, 30)), 12);

    [Fact]
    public void ExpectedSpend_WithQAtMostOne_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => GammaGammaModel.ExpectedSpend(GammaGammaParameters.From(1, 0.9, 1), default));

        Assert.Equal("The Gamma-Gamma parameter q is 0.9; the expected spend exists only for q > 1. (Parameter 'parameters')", ex.Message);
    }

    [Fact]
    public void Fit_WithFewerThanTwoUsableCustomers_ReportsInsufficientData()
    {
        // A refund-heavy customer (mean ≤ 0) and a one-time buyer are left out.
        var fit = GammaGammaModel.Fit([CustomerSummary.Create(default, 2, 5, 9, -3), CustomerSummary.Create(default, 0, 0, 9), CustomerSummary.Create(default, 1, 5, 9, 12)]);

        Assert.Equal(FitStatus.InsufficientData, fit.Report.Status);
        Assert.Equal("Only 1 of the 3 customers have a repeat purchase with a mean spend > 0; the Gamma-Gamma model needs at least 2.", fit.Report.Message);
    }
}
