using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Value;

/// <summary>
/// The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005; Fader and Hardie 2013): fitting by maximum
/// likelihood with analytic gradients, and the conditional expected spend per transaction.
/// </summary>
/// <remarks>
/// The model uses customers with at least one repeat purchase (x &gt; 0) and a positive mean repeat spend; others are left
/// out of the fit (refunds can make a mean spend 0 or negative) and get the population mean as their expected spend.
/// </remarks>
public static class GammaGammaModel
{
    /// <summary>Fits the model to the customers' repeat frequency and mean repeat spend by maximum likelihood.</summary>
    /// <param name="customers">The customers' summaries; only those with x &gt; 0 and a mean spend &gt; 0 are used.</param>
    /// <param name="settings">The fitting settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The fit; <see cref="FitStatus.InsufficientData"/> when fewer than two customers are usable.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="settings"/> is invalid.</exception>
    public static ModelFit<GammaGammaParameters> Fit(ReadOnlySpan<CustomerSummary> customers, FittingOptions? settings = null)
    {
        settings = PolicyValidation.ThrowIfInvalid<FittingOptions, FittingOptionsValidator>(settings ?? new FittingOptions());
        var x = new List<double>();
        var m = new List<double>();
        foreach (ref readonly var c in customers)
        {
            if (c.Frequency > 0 && c.MonetaryValue > 0)
            {
                x.Add(c.Frequency);
                m.Add(c.MonetaryValue);
            }
        }

        if (x.Count < 2)
        {
            var report = new FitReport(FitStatus.InsufficientData, 0, 0, double.NaN, $"Only {x.Count} of the {customers.Length} customers have a repeat purchase with a mean spend > 0; the Gamma-Gamma model needs at least 2.");
            return new ModelFit<GammaGammaParameters>(null, double.NaN, [], x.Count, report);
        }

        var meanSpend = m.Average();
        var (theta, ll, se, fitReport) = FitRunner.Run(new Likelihood([.. x], [.. m]), x.Count, [1.0, 1.0, meanSpend], settings);
        return new ModelFit<GammaGammaParameters>(GammaGammaParameters.From(theta[0], theta[1], theta[2]), ll, se, x.Count, fitReport);
    }

    /// <summary>The log-likelihood of the usable customers' mean spends under the parameters.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customers">The customers' summaries; only those with x &gt; 0 and a mean spend &gt; 0 count.</param>
    /// <returns>The sum of their log-likelihoods.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double LogLikelihood(GammaGammaParameters parameters, ReadOnlySpan<CustomerSummary> customers)
    {
        ThrowIfDefault(parameters);
        var x = new List<double>();
        var m = new List<double>();
        foreach (ref readonly var c in customers)
        {
            if (c.Frequency > 0 && c.MonetaryValue > 0)
            {
                x.Add(c.Frequency);
                m.Add(c.MonetaryValue);
            }
        }

        Span<double> gradient = stackalloc double[3];
        return -new Likelihood([.. x], [.. m]).Evaluate([Math.Log(parameters.P), Math.Log(parameters.Q), Math.Log(parameters.Gamma)], gradient);
    }

    /// <summary>The expected spend per transaction of a customer: E(M | x, m̄ₓ) = p(γ + x·m̄ₓ) / (px + q − 1).</summary>
    /// <param name="parameters">The model parameters; q must be &gt; 1 for the mean to exist.</param>
    /// <param name="customer">The customer's summary; without a repeat purchase (or with a mean spend ≤ 0) the population mean pγ / (q − 1).</param>
    /// <returns>The expected spend per transaction.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c> or has q ≤ 1 (the mean spend is infinite).</exception>
    public static double ExpectedSpend(GammaGammaParameters parameters, in CustomerSummary customer)
    {
        ThrowIfDefault(parameters);
        ThrowIfNoMean(parameters);
        return ExpectedSpendCore(parameters, customer.Frequency, customer.MonetaryValue);
    }

    internal static void ThrowIfDefault(GammaGammaParameters parameters) => ModelParameters.ThrowIfDefault(parameters, "Gamma-Gamma");

    internal static void ThrowIfNoMean(GammaGammaParameters parameters)
    {
        if (!(parameters.Q > 1))
        {
            throw new ArgumentException($"The Gamma-Gamma parameter q is {Internal.Guard.Format(parameters.Q)}; the expected spend exists only for q > 1.", nameof(parameters));
        }
    }

    internal static double ExpectedSpendCore(in GammaGammaParameters p, int x, double monetaryValue)
    {
        if (x == 0 || !(monetaryValue > 0))
        {
            return p.P * p.Gamma / (p.Q - 1);
        }

        return p.P * (p.Gamma + (x * monetaryValue)) / ((p.P * x) + p.Q - 1);
    }

    /// <summary>The Gamma-Gamma negative log-likelihood of mean spends and its analytic gradient over (ln p, ln q, ln γ).</summary>
    internal readonly struct Likelihood(double[] x, double[] m) : IObjective
    {
        public bool HasAnalyticGradient => true;

        public double Value(ReadOnlySpan<double> u)
        {
            Span<double> gradient = stackalloc double[3];
            return Evaluate(u, gradient);
        }

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double p = Math.Exp(u[0]), q = Math.Exp(u[1]), gamma = Math.Exp(u[2]);
            var logGamma = u[2];
            var lgQ = SpecialFunctions.LogGamma(q);
            var dgQ = SpecialFunctions.Digamma(q);
            double ll = 0, dp = 0, dq = 0, dGamma = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var xi = x[i];
                var mi = m[i];
                var px = p * xi;
                var logM = Math.Log(mi);
                var logX = Math.Log(xi);
                var logScale = Math.Log(gamma + (mi * xi));
                ll += SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) - lgQ + (q * logGamma) + ((px - 1) * logM) + (px * logX) - ((px + q) * logScale);
                var dgPxq = SpecialFunctions.Digamma(px + q);
                dp += xi * (dgPxq - SpecialFunctions.Digamma(px) + logM + logX - logScale);
                dq += dgPxq - dgQ + logGamma - logScale;
                dGamma += (q / gamma) - ((px + q) / (gamma + (mi * xi)));
            }

            gradient[0] = -dp * p;
            gradient[1] = -dq * q;
            gradient[2] = -dGamma * gamma;
            return -ll;
        }
    }
}
