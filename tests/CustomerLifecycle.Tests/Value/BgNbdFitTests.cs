using CustomerLifecycle.Value;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Value;

public sealed class BgNbdFitTests
{
    [Fact]
    public void LogLikelihood_AtThePublishedEstimates_IsThePublishedValue()
        => Assert.Equal(-9582.4, Math.Round(BgNbdModel.LogLikelihood(BgNbdParameters.From(0.243, 4.414, 0.793, 2.426), CdnowData.Summaries), 1));

    [Fact]
    public void Fit_ReportsConvergenceAndStandardErrors()
    {
        var fit = BgNbdModel.Fit(CdnowData.Summaries);

        Assert.Equal(FitStatus.Converged, fit.Report.Status);
        Assert.InRange(fit.Report.Iterations, 1, 200);
        Assert.True(fit.Report.GradientNorm <= 1e-7);
        Assert.StartsWith("Converged after ", fit.Report.Message, StringComparison.Ordinal);
        Assert.Equal(4, fit.StandardErrors.Count);
        Assert.All(fit.StandardErrors, se => Assert.True(se > 0 && double.IsFinite(se)));

        // The standard error of r is a few hundredths on 2,357 customers (CLVTools reports about 0.0125).
        Assert.InRange(fit.StandardErrors[0], 0.005, 0.03);
    }

    [Fact]
    public void Fit_WithAnL2Penalty_ShrinksTheParameters()
    {
        var plain = BgNbdModel.Fit(CdnowData.Summaries).Parameters!.Value;
        var penalized = BgNbdModel.Fit(CdnowData.Summaries, new FittingOptions { L2Penalty = 0.01 }).Parameters!.Value;

        static double Norm(BgNbdParameters p) => (p.R * p.R) + (p.Alpha * p.Alpha) + (p.A * p.A) + (p.B * p.B);
        Assert.True(Norm(penalized) < Norm(plain), $"{penalized} vs {plain}");
    }

    [Fact]
    public void Fit_WhenNoCustomerHasARepeatPurchase_ReportsInsufficientData()
    {
        var customers = Enumerable.Range(0, 50).Select(i => CustomerSummary.Create(default, 0, 0, 10 + i)).ToArray();

        var fit = BgNbdModel.Fit(customers);

        Assert.Null(fit.Parameters);
        Assert.True(double.IsNaN(fit.LogLikelihood));
        Assert.Empty(fit.StandardErrors);
        Assert.Equal(FitStatus.InsufficientData, fit.Report.Status);
        Assert.Equal("None of the 50 customers has a repeat purchase (every frequency is 0): the purchase and drop-out rates cannot be estimated.", fit.Report.Message);
    }

    [Fact]
    public void Fit_WithoutCustomers_ReportsInsufficientData()
    {
        var fit = BgNbdModel.Fit([]);

        Assert.Equal(FitStatus.InsufficientData, fit.Report.Status);
        Assert.Equal("There are no customers to fit.", fit.Report.Message);
    }

    [Fact]
    public void Fit_OnAHardDataSet_ReportsInsteadOfThrowing()
    {
        // Every customer bought again at the very end: drop-out is unidentified and b runs away.
        var customers = Enumerable.Range(0, 30).Select(i => CustomerSummary.Create(default, 1 + (i % 3), 10, 10)).ToArray();

        var fit = BgNbdModel.Fit(customers, new FittingOptions { MaxIterations = 50 });

        Assert.NotNull(fit.Parameters);
        Assert.NotEqual(FitStatus.InsufficientData, fit.Report.Status);
        Assert.False(string.IsNullOrWhiteSpace(fit.Report.Message));
    }

    [Fact]
    public void Fit_RejectsInvalidSettings_ListingEveryFailure()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => BgNbdModel.Fit(CdnowData.Summaries, new FittingOptions { MaxIterations = 0, GradientTolerance = double.NaN, L2Penalty = -1 }));

        Assert.Equal(
            [
                "MaxIterations: must be in [1, 100000] but was 0.",
                "GradientTolerance: must be in [1E-15, 1] but was NaN.",
                "L2Penalty: must be in [0, 1000000] but was -1.",
            ],
            ex.Failures);
    }
}
