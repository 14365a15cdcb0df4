using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value;

public sealed class LikelihoodGradientTests
{
    [Theory]
    [InlineData(false, 0.243, 4.414, 0.793, 2.426)]
    [InlineData(false, 1.5, 20, 3, 0.4)]
    [InlineData(true, 0.525, 6.183, 0.891, 1.614)]
    [InlineData(true, 0.1, 1.5, 0.2, 8)]
    public void BgNbdAnalyticGradient_MatchesCentralDifferences(bool modified, double r, double alpha, double a, double b)
    {
        var likelihood = new BgNbdModel.Likelihood(SummaryGroups.From(CdnowData.Summaries), modified);
        double[] u = [Math.Log(r), Math.Log(alpha), Math.Log(a), Math.Log(b)];
        AssertGradientMatchesCentralDifferences((x, gradient) => likelihood.Evaluate(x, gradient), u);
    }

    [Fact]
    public void GammaGammaAnalyticGradient_MatchesCentralDifferences()
    {
        var usable = CdnowData.Summaries.Where(c => c.Frequency > 0).ToArray();
        var likelihood = new GammaGammaModel.Likelihood(usable.Select(c => (double)c.Frequency).ToArray(), usable.Select(c => c.MonetaryValue).ToArray());
        double[] u = [Math.Log(4), Math.Log(2.5), Math.Log(20)];
        AssertGradientMatchesCentralDifferences((x, gradient) => likelihood.Evaluate(x, gradient), u);
    }

    /// <summary>Compares the analytic gradient an evaluation writes with central differences of its value.</summary>
    private static void AssertGradientMatchesCentralDifferences(Func<double[], double[], double> evaluate, double[] u)
    {
        var analytic = new double[u.Length];
        evaluate(u, analytic);
        var scratch = new double[u.Length];
        for (var i = 0; i < u.Length; i++)
        {
            const double h = 1e-5;
            var plus = (double[])u.Clone();
            var minus = (double[])u.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (evaluate(plus, scratch) - evaluate(minus, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"d/du{i}: analytic {analytic[i]}, numeric {numeric}");
        }
    }
}
