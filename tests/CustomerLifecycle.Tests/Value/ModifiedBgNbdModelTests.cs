using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class ModifiedBgNbdModelTests
{
    private static readonly BgNbdParameters P = BgNbdParameters.From(0.525, 6.183, 0.891, 1.614);

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    private static double LogGamma(double x) => CustomerLifecycle.Value.SpecialFunctions.LogGamma(x);

    [Theory]
    [InlineData(0, 0, 38.86, 39)]
    [InlineData(1, 2, 30, 39)]
    [InlineData(2, 30.43, 38.86, 39)]
    [InlineData(12, 35, 38, 52)]
    public void Predictions_EqualTheTextbookFormulas(int x, double tx, double t, double horizon)
    {
        var customer = CustomerSummary.Create(default, x, tx, t);
        var alive = 1 / (1 + (P.A / (P.B + x) * Math.Pow((P.Alpha + t) / (P.Alpha + tx), P.R + x)));
        var z = horizon / (P.Alpha + t + horizon);
        var expected = (P.A + P.B + x) / (P.A - 1)
            * (1 - (Math.Pow((P.Alpha + t) / (P.Alpha + t + horizon), P.R + x) * NaiveFormulas.Hypergeometric(P.R + x, P.B + x + 1, P.A + P.B + x, z)))
            * alive;

        Assert.Equal(alive, ModifiedBgNbdModel.ProbabilityAlive(P, customer), 12);
        Assert.Equal(expected, ModifiedBgNbdModel.ExpectedPurchases(P, customer, horizon), 10);
    }

    [Fact]
    public void ProbabilityAlive_WithoutARepeatPurchase_IsBelowOne()
        => Assert.Equal(1 / (1 + (P.A / P.B * Math.Pow((P.Alpha + 30) / P.Alpha, P.R))), ModifiedBgNbdModel.ProbabilityAlive(P, CustomerSummary.Create(default, 0, 0, 30)), 12);

    [Fact]
    public void LogLikelihood_EqualsTheTextbookFormula()
    {
        CustomerSummary[] customers = [CustomerSummary.Create(default, 0, 0, 30), CustomerSummary.Create(default, 3, 20, 35)];
        var expected = 0.0;
        foreach (var c in customers)
        {
            var logNbd = LogGamma(P.R + c.Frequency) - LogGamma(P.R) + (P.R * Math.Log(P.Alpha));
            var first = LogBeta(P.A, P.B + c.Frequency + 1) - LogBeta(P.A, P.B) + logNbd - ((P.R + c.Frequency) * Math.Log(P.Alpha + c.T));
            var second = LogBeta(P.A + 1, P.B + c.Frequency) - LogBeta(P.A, P.B) + logNbd - ((P.R + c.Frequency) * Math.Log(P.Alpha + c.Recency));
            expected += Math.Log(Math.Exp(first) + Math.Exp(second));
        }

        Assert.Equal(expected, ModifiedBgNbdModel.LogLikelihood(P, customers), 10);
    }

    [Fact]
    public void Fit_OnCdnow_Converges_AndEvaluatesThroughTheEngine()
    {
        var fit = ModifiedBgNbdModel.Fit(CdnowData.Summaries);
        var engineFit = new ValueEngine(new ValueOptions { PurchaseModel = PurchaseModelKind.ModifiedBgNbd }).Fit(CdnowData.Summaries);

        Assert.True(fit.Report.Converged, fit.Report.Message);
        Assert.Equal(PurchaseModelKind.ModifiedBgNbd, engineFit.Model!.Kind);
        Assert.Equal(fit.Parameters, engineFit.Model.BgNbd);
        Assert.Equal(fit.LogLikelihood, engineFit.PurchaseLogLikelihood);
        var customer = CdnowData.Summaries[0];
        var prediction = new ValueEngine(new ValueOptions { HorizonPeriods = 39 }).Evaluate(customer, engineFit.Model);
        Assert.Equal(ModifiedBgNbdModel.ExpectedPurchases(fit.Parameters!.Value, customer, 39), prediction.ExpectedPurchases, 12);
    }

    [Fact]
    public void EvaluateBatch_AgreesWithOneByOne()
    {
        var model = ValueModel.FromModifiedBgNbd(P, GammaGammaParameters.From(6.25, 3.74, 15.44));
        var engine = new ValueEngine(new ValueOptions());
        var outputs = new ValuePrediction[CdnowData.Summaries.Length];

        engine.Evaluate(CdnowData.Summaries, model, outputs);

        for (var i = 0; i < outputs.Length; i += 7)
        {
            ValueEngineTests.AssertClose(engine.Evaluate(CdnowData.Summaries[i], model), outputs[i]);
        }
    }
}
