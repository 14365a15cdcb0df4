using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class ParetoNbdModelTests
{
    [Fact]
    public void Fit_OnCdnow_ReproducesThePublishedEstimates()
    {
        // Fader, Hardie & Lee (2005) report the Pareto/NBD on the same data: r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL −9595.0.
        var fit = ParetoNbdModel.Fit(CdnowData.Summaries);

        Assert.True(fit.Report.Converged, fit.Report.Message);
        var p = fit.Parameters!.Value;
        Assert.Equal(0.55, Math.Round(p.R, 2));
        Assert.Equal(10.58, Math.Round(p.Alpha, 2));
        Assert.Equal(0.61, Math.Round(p.S, 2));
        Assert.Equal(11.67, Math.Round(p.Beta, 2));
        Assert.Equal(-9595.0, Math.Round(fit.LogLikelihood, 1));
    }
}
