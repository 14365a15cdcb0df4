using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Value;

/// <summary>
/// The Pareto/NBD model of repeat purchasing (Schmittlein, Morrison and Colombo 1987), with the likelihood of Fader and
/// Hardie's 2005 note evaluated without overflow: the Gaussian hypergeometric terms are rewritten by Euler's
/// transformation into ₂F₁(1, b; c; z) series with positive terms bounded by (r+s+x)/s.
/// </summary>
public static class ParetoNbdModel
{
    /// <summary>Fits the model to customers' calibration summaries by maximum likelihood (gradient by central differences).</summary>
    /// <param name="customers">The customers' summaries (frequency, recency and T in one period unit).</param>
    /// <param name="settings">The fitting settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>
    /// The fit. With no customers, or no customer with a repeat purchase, nothing is fitted and the report's status is
    /// <see cref="FitStatus.InsufficientData"/>; a fit that does not converge is reported, never thrown.
    /// </returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="settings"/> is invalid.</exception>
    public static ModelFit<ParetoNbdParameters> Fit(ReadOnlySpan<CustomerSummary> customers, FittingOptions? settings = null)
    {
        settings = PolicyValidation.ThrowIfInvalid<FittingOptions, FittingOptionsValidator>(settings ?? new FittingOptions());
        var groups = SummaryGroups.From(customers);
        if (BgNbdModel.InsufficientData(groups, customers.Length) is { } insufficient)
        {
            return new ModelFit<ParetoNbdParameters>(null, double.NaN, [], customers.Length, insufficient);
        }

        var meanT = groups.MeanT();
        var objective = new NumericGradient<Likelihood>(new Likelihood(groups));
        var (theta, ll, se, report) = FitRunner.Run(objective, groups.Total, [1.0, meanT, 1.0, meanT], settings);
        return new ModelFit<ParetoNbdParameters>(ParetoNbdParameters.From(theta[0], theta[1], theta[2], theta[3]), ll, se, customers.Length, report);
    }

    /// <summary>The log-likelihood of the customers' summaries under the parameters.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customers">The customers' summaries.</param>
    /// <returns>The sum of the customers' log-likelihoods.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double LogLikelihood(ParetoNbdParameters parameters, ReadOnlySpan<CustomerSummary> customers)
    {
        ThrowIfDefault(parameters);
        var likelihood = new Likelihood(SummaryGroups.From(customers));
        return -likelihood.Value([Math.Log(parameters.R), Math.Log(parameters.Alpha), Math.Log(parameters.S), Math.Log(parameters.Beta)]);
    }

    /// <summary>The probability that a customer with this history is still alive at the end of calibration.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customer">The customer's summary.</param>
    /// <returns>P(alive | x, tₓ, T), in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double ProbabilityAlive(ParetoNbdParameters parameters, in CustomerSummary customer)
    {
        ThrowIfDefault(parameters);
        return ProbabilityAliveCore(parameters, customer.Frequency, customer.Recency, customer.T);
    }

    /// <summary>The expected number of repeat purchases in the next <paramref name="periods"/> periods.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customer">The customer's summary.</param>
    /// <param name="periods">The horizon t, finite and at least 0.</param>
    /// <returns>E[Y(t) | x, tₓ, T], at least 0 and non-decreasing in <paramref name="periods"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is negative, NaN or infinite.</exception>
    public static double ExpectedPurchases(ParetoNbdParameters parameters, in CustomerSummary customer, double periods)
    {
        ThrowIfDefault(parameters);
        if (!(periods >= 0) || double.IsPositiveInfinity(periods))
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"Periods must be a finite number >= 0 but was {Guard.Format(periods)}.");
        }

        var alive = ProbabilityAliveCore(parameters, customer.Frequency, customer.Recency, customer.T);
        return ExpectedPurchasesCore(parameters, customer.Frequency, customer.T, periods, alive);
    }

    internal static void ThrowIfDefault(ParetoNbdParameters parameters) => ModelParameters.ThrowIfDefault(parameters, "Pareto/NBD");

    internal static double ProbabilityAliveCore(in ParetoNbdParameters p, int x, double recency, double t)
    {
        var (_, alive) = LogLikelihoodAndAlive(p.R, p.Alpha, p.S, p.Beta, x, recency, t);
        return alive;
    }

    /// <summary>E[Y(t)] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive), written so that s = 1 needs no special case.</summary>
    internal static double ExpectedPurchasesCore(in ParetoNbdParameters p, int x, double t, double periods, double probabilityAlive)
    {
        var l = SpecialFunctions.Log1P(periods / (p.Beta + t));
        var expected = (p.R + x) * (p.Beta + t) / (p.Alpha + t) * l * SpecialFunctions.ExpM1OverX(-(p.S - 1) * l) * probabilityAlive;
        return expected > 0 ? expected : 0.0;
    }

    /// <summary>Σₖ discount[k] · (E[Y(k)] − E[Y(k−1)]) for k = 1..H (H = discount.Length − 1), and E[Y(H)].</summary>
    internal static double DiscountedPurchases(in ParetoNbdParameters p, int x, double t, double probabilityAlive, ReadOnlySpan<double> discount, out double atHorizon)
    {
        double previous = 0, total = 0;
        for (var k = 1; k < discount.Length; k++)
        {
            var y = Math.Max(ExpectedPurchasesCore(p, x, t, k, probabilityAlive), previous);
            total += discount[k] * (y - previous);
            previous = y;
        }

        atHorizon = previous;
        return total;
    }

    /// <summary>One customer's log-likelihood and P(alive).</summary>
    internal static (double LogLikelihood, double Alive) LogLikelihoodAndAlive(double r, double alpha, double s, double beta, int x, double recency, double t)
        => LogLikelihoodAndAlive(r, alpha, s, beta, x, recency, t, SpecialFunctions.LogGammaRatio(r, x) + (r * Math.Log(alpha)) + (s * Math.Log(beta)));

    /// <summary>One customer's log-likelihood and P(alive), given the terms that do not depend on tₓ and T.</summary>
    private static (double LogLikelihood, double Alive) LogLikelihoodAndAlive(double r, double alpha, double s, double beta, int x, double recency, double t, double constant)
    {
        var rx = r + x;
        var logAlphaT = Math.Log(alpha + t);
        var logBetaT = Math.Log(beta + t);
        var l1 = (-rx * logAlphaT) - (s * logBetaT);
        var jRecency = LogJ(r, alpha, s, beta, x, recency, Math.Log(alpha + recency), Math.Log(beta + recency));
        var jT = LogJ(r, alpha, s, beta, x, t, logAlphaT, logBetaT);
        var max = Math.Max(l1, jRecency);
        var died = s / (rx + s) * (Math.Exp(jRecency - max) - Math.Exp(jT - max));
        var alive = Math.Exp(l1 - max);

        // The difference is an integral of a positive function: rounding must not make it negative.
        var sum = alive + Math.Max(died, 0.0);
        return (constant + max + Math.Log(sum), Math.Clamp(alive / sum, 0.0, 1.0));
    }

    /// <summary>ln[(r+s+x) ∫_t^∞ (α+y)^−(r+x) (β+y)^−(s+1) dy] through ₂F₁(1, b; c; z) with 0 ≤ z &lt; 1.</summary>
    private static double LogJ(double r, double alpha, double s, double beta, int x, double time, double logAlpha, double logBeta)
    {
        var rx = r + x;
        var c = rx + s + 1;
        if (alpha >= beta)
        {
            var z = (alpha - beta) / (alpha + time);
            return (-rx * logAlpha) - (s * logBeta) + SpecialFunctions.LogHypergeometricOne(rx, c, z);
        }
        else
        {
            var z = (beta - alpha) / (beta + time);
            return ((1 - rx) * logAlpha) - ((s + 1) * logBeta) + SpecialFunctions.LogHypergeometricOne(s + 1, c, z);
        }
    }

    /// <summary>The Pareto/NBD negative log-likelihood over (ln r, ln α, ln s, ln β).</summary>
    internal readonly struct Likelihood(SummaryGroups groups) : IValueOnly
    {
        // One term per distinct frequency: 256 of them fill 2 KB of stack, more than most data sets need; beyond that the
        // terms go to the heap once per evaluation.
        private const int MaxStackFrequencies = 256;

        public double Value(ReadOnlySpan<double> u)
        {
            double r = Math.Exp(u[0]), alpha = Math.Exp(u[1]), s = Math.Exp(u[2]), beta = Math.Exp(u[3]);
            var distinct = groups.DistinctX;
            Span<double> constant = distinct.Length <= MaxStackFrequencies ? stackalloc double[distinct.Length] : new double[distinct.Length];
            var shared = (r * u[1]) + (s * u[3]);
            for (var i = 0; i < distinct.Length; i++)
            {
                constant[i] = SpecialFunctions.LogGammaRatio(r, distinct[i]) + shared;
            }

            var total = 0.0;
            for (var g = 0; g < groups.Length; g++)
            {
                total += groups.Count[g] * LogLikelihoodAndAlive(r, alpha, s, beta, groups.X[g], groups.Recency[g], groups.T[g], constant[groups.XIndex[g]]).LogLikelihood;
            }

            return -total;
        }
    }
}
