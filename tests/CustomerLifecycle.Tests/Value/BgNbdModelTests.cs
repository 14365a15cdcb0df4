using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class BgNbdModelTests
{
    [Fact]
    public void Fit_OnCdnow_ReproducesFaderHardieLee2005()
    {
        var fit = BgNbdModel.Fit(CdnowData.Summaries);

        Assert.True(fit.Report.Converged, fit.Report.Message);
        var p = fit.Parameters!.Value;
        Assert.Equal(0.243, Math.Round(p.R, 3));
        Assert.Equal(4.414, Math.Round(p.Alpha, 3));
        Assert.Equal(0.793, Math.Round(p.A, 3));
        Assert.Equal(2.426, Math.Round(p.B, 3));
        Assert.Equal(-9582.4, Math.Round(fit.LogLikelihood, 1));
        Assert.Equal(2357, fit.CustomerCount);
    }
}
