using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Value;

/// <summary>
/// The modified BG/NBD model (MBG/NBD; Batislam, Denizel and Filiztekin 2007): BG/NBD in which a customer may also drop
/// out right after the first purchase, so a customer without a repeat purchase is not certainly alive. It takes the same
/// four parameters (<see cref="BgNbdParameters"/>) and shares the BG/NBD numerics.
/// </summary>
public static class ModifiedBgNbdModel
{
    /// <summary>Fits the model to customers' calibration summaries by maximum likelihood (analytic gradient).</summary>
    /// <param name="customers">The customers' summaries (frequency, recency and T in one period unit).</param>
    /// <param name="settings">The fitting settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The fit; <see cref="FitStatus.InsufficientData"/> without customers or without any repeat purchase.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="settings"/> is invalid.</exception>
    public static ModelFit<BgNbdParameters> Fit(ReadOnlySpan<CustomerSummary> customers, FittingOptions? settings = null)
        => BgNbdModel.FitCore(customers, settings, modified: true);

    /// <summary>The log-likelihood of the customers' summaries under the parameters.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customers">The customers' summaries.</param>
    /// <returns>The sum of the customers' log-likelihoods.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double LogLikelihood(BgNbdParameters parameters, ReadOnlySpan<CustomerSummary> customers)
    {
        BgNbdModel.ThrowIfDefault(parameters);
        var likelihood = new BgNbdModel.Likelihood(SummaryGroups.From(customers), modified: true);
        Span<double> gradient = stackalloc double[4];
        return -likelihood.Evaluate([Math.Log(parameters.R), Math.Log(parameters.Alpha), Math.Log(parameters.A), Math.Log(parameters.B)], gradient);
    }

    /// <summary>The probability that a customer with this history is still alive: 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)).</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customer">The customer's summary.</param>
    /// <returns>P(alive | x, tₓ, T), in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double ProbabilityAlive(BgNbdParameters parameters, in CustomerSummary customer)
    {
        BgNbdModel.ThrowIfDefault(parameters);
        return ProbabilityAliveCore(parameters, customer.Frequency, customer.Recency, customer.T);
    }

    /// <summary>The expected number of repeat purchase periods in the next <paramref name="periods"/> periods.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customer">The customer's summary.</param>
    /// <param name="periods">The horizon t, finite and at least 0.</param>
    /// <returns>E[Y(t) | x, tₓ, T], at least 0 and non-decreasing in <paramref name="periods"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is negative, NaN or infinite.</exception>
    public static double ExpectedPurchases(BgNbdParameters parameters, in CustomerSummary customer, double periods)
    {
        BgNbdModel.ThrowIfDefault(parameters);
        if (!(periods >= 0) || double.IsPositiveInfinity(periods))
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"Periods must be a finite number >= 0 but was {Guard.Format(periods)}.");
        }

        var alive = ProbabilityAliveCore(parameters, customer.Frequency, customer.Recency, customer.T);
        return BgNbdModel.ExpectedPurchasesCore(Shifted(parameters), customer.Frequency, customer.T, periods, alive);
    }

    /// <summary>
    /// MBG/NBD's E[Y(t)] is BG/NBD's with b + 1 in place of b: (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; z)] · P(alive).
    /// </summary>
    internal static BgNbdParameters Shifted(in BgNbdParameters p) => BgNbdParameters.From(p.R, p.Alpha, p.A, p.B + 1);

    internal static double ProbabilityAliveCore(in BgNbdParameters p, int x, double recency, double t)
    {
        var logOdds = Math.Log(p.A / (p.B + x)) + ((p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + recency)));
        return logOdds > 0 ? Math.Exp(-logOdds) / (1.0 + Math.Exp(-logOdds)) : 1.0 / (1.0 + Math.Exp(logOdds));
    }
}
