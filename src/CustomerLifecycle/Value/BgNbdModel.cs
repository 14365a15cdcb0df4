using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Value;

/// <summary>
/// The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): fitting by
/// maximum likelihood with analytic gradients, and per-customer predictions evaluated in log space.
/// </summary>
public static class BgNbdModel
{
    /// <summary>Fits the model to customers' calibration summaries by maximum likelihood.</summary>
    /// <param name="customers">The customers' summaries (frequency, recency and T in one period unit).</param>
    /// <param name="settings">The fitting settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>
    /// The fit. With no customers, or no customer with a repeat purchase, nothing is fitted and the report's status is
    /// <see cref="FitStatus.InsufficientData"/>; a fit that does not converge is reported, never thrown.
    /// </returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="settings"/> is invalid.</exception>
    public static ModelFit<BgNbdParameters> Fit(ReadOnlySpan<CustomerSummary> customers, FittingOptions? settings = null)
        => FitCore(customers, settings, modified: false);

    internal static ModelFit<BgNbdParameters> FitCore(ReadOnlySpan<CustomerSummary> customers, FittingOptions? settings, bool modified)
    {
        settings = PolicyValidation.ThrowIfInvalid<FittingOptions, FittingOptionsValidator>(settings ?? new FittingOptions());
        var groups = SummaryGroups.From(customers);
        if (InsufficientData(groups, customers.Length) is { } insufficient)
        {
            return new ModelFit<BgNbdParameters>(null, double.NaN, [], customers.Length, insufficient);
        }

        var (theta, ll, se, report) = FitRunner.Run(new Likelihood(groups, modified), groups.Total, [1.0, groups.MeanT(), 1.0, 1.0], settings);
        return new ModelFit<BgNbdParameters>(BgNbdParameters.From(theta[0], theta[1], theta[2], theta[3]), ll, se, customers.Length, report);
    }

    /// <summary>The log-likelihood of the customers' summaries under the parameters.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customers">The customers' summaries.</param>
    /// <returns>The sum of the customers' log-likelihoods.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double LogLikelihood(BgNbdParameters parameters, ReadOnlySpan<CustomerSummary> customers)
    {
        ThrowIfDefault(parameters);
        var likelihood = new Likelihood(SummaryGroups.From(customers));
        Span<double> u = [Math.Log(parameters.R), Math.Log(parameters.Alpha), Math.Log(parameters.A), Math.Log(parameters.B)];
        Span<double> gradient = stackalloc double[4];
        return -likelihood.Evaluate(u, gradient);
    }

    /// <summary>The probability that a customer with this history is still alive at the end of calibration.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="customer">The customer's summary.</param>
    /// <returns>P(alive | x, tₓ, T), in [0, 1]; 1 for a customer without a repeat purchase (the model lets customers drop out only after a purchase).</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static double ProbabilityAlive(BgNbdParameters parameters, in CustomerSummary customer)
    {
        ThrowIfDefault(parameters);
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
        ThrowIfDefault(parameters);
        if (!(periods >= 0) || double.IsPositiveInfinity(periods))
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"Periods must be a finite number >= 0 but was {Guard.Format(periods)}.");
        }

        return ExpectedPurchasesCore(parameters, customer.Frequency, customer.T, periods, ProbabilityAliveCore(parameters, customer.Frequency, customer.Recency, customer.T));
    }

    internal static void ThrowIfDefault(BgNbdParameters parameters) => ModelParameters.ThrowIfDefault(parameters, "BG/NBD");

    internal static FitReport? InsufficientData(SummaryGroups groups, int customers)
    {
        if (customers == 0)
        {
            return new FitReport(FitStatus.InsufficientData, 0, 0, double.NaN, "There are no customers to fit.");
        }

        if (!groups.AnyRepeat)
        {
            return new FitReport(FitStatus.InsufficientData, 0, 0, double.NaN, $"None of the {customers} customers has a repeat purchase (every frequency is 0): the purchase and drop-out rates cannot be estimated.");
        }

        return null;
    }

    internal static double ProbabilityAliveCore(in BgNbdParameters p, int x, double recency, double t)
    {
        if (x == 0)
        {
            return 1.0;
        }

        // 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), with the ratio in log space so that it cannot overflow.
        var logOdds = Math.Log(p.A / (p.B + x - 1)) + ((p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + recency)));
        return logOdds > 0 ? Math.Exp(-logOdds) / (1.0 + Math.Exp(-logOdds)) : 1.0 / (1.0 + Math.Exp(logOdds));
    }

    /// <summary>
    /// E[Y(t)] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive), z = t/(α+T+t).
    /// Euler's transformation turns the bracket into 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series does not
    /// grow with x (see <see cref="BgNbdSeries"/>).
    /// </summary>
    internal static double ExpectedPurchasesCore(in BgNbdParameters p, int x, double t, double periods, double probabilityAlive)
    {
        if (periods == 0)
        {
            return 0.0;
        }

        var logOneMinusZ = -SpecialFunctions.Log1P(periods / (p.Alpha + t));
        var z = periods / (p.Alpha + t + periods);
        var series = new BgNbdSeries(p, x);
        var term = series.First * z;
        var h = term;
        for (var k = 1; k < SpecialFunctions.MaxSeriesTerms; k++)
        {
            term *= series.Ratio(k) * z;
            h += term;
            if (SpecialFunctions.IsLastTerm(term, h))
            {
                break;
            }
        }

        var u = series.AMinusOne * logOneMinusZ;
        var bracketOverAm1 = (-logOneMinusZ * SpecialFunctions.ExpM1OverX(u)) - (Math.Exp(u) * h);
        var expected = series.Lower * bracketOverAm1 * probabilityAlive;
        return expected > 0 ? expected : 0.0;
    }

    /// <summary>
    /// Σₖ δᵏ (E[Y(k)] − E[Y(k−1)]) over the schedule's horizon, summed by parts as Σₖ wₖ E[Y(k)], and E[Y(H)].
    /// E[Y(k)] = P·(a+b+x−1)·[Sₖ − e^(uₖ) hₖ] as in <see cref="ExpectedPurchasesCore"/>, four periods to a vector. The series
    /// hₖ = Σⱼ cⱼ zₖʲ⁺¹ of up to 32 periods advance side by side, four terms a step, so that no period waits on another's
    /// multiplications; the coefficients cⱼ do not depend on k and are computed once. z grows with k, so the periods'
    /// series converge in order and each leaves the loop when it has.
    /// </summary>
    [SkipLocalsInit]
    internal static double DiscountedPurchases(in BgNbdParameters p, int x, double t, double probabilityAlive, DiscountSchedule schedule, out double atHorizon)
    {
        // 256 coefficients (2 KB of stack) carry a series to its cut-off for z up to about 0.866 (0.866²⁵⁶ ≈ 1e-16) when the
        // coefficients are of order one; periods whose z is closer to 1 take the scalar series, which has no such limit.
        const int Capacity = 256;

        // The 32 periods (8 vectors of 4) whose series advance side by side.
        const int Blocks = 8;

        // Below this |u|, eᵘ − 1 loses more than three digits to cancellation while the Taylor series to u³ errs by at most
        // u⁴/120 < 1e-14: each lane takes whichever is more accurate.
        const double TaylorBelow = 1e-3;
        Span<double> coefficients = stackalloc double[Capacity];
        Span<Vector256<double>> z = stackalloc Vector256<double>[Blocks];
        Span<Vector256<double>> z4 = stackalloc Vector256<double>[Blocks];
        Span<Vector256<double>> power = stackalloc Vector256<double>[Blocks];
        Span<Vector256<double>> h = stackalloc Vector256<double>[Blocks];
        Span<Vector256<double>> eu = stackalloc Vector256<double>[Blocks];
        Span<Vector256<double>> s = stackalloc Vector256<double>[Blocks];
        var series = new BgNbdSeries(p, x);
        var am1 = Vector256.Create(series.AMinusOne);
        var scale = Vector256.Create(p.Alpha + t);
        var logScale = Vector256.Create(Math.Log(p.Alpha + t));
        var yScale = Vector256.Create(series.Lower * probabilityAlive);
        var weights = schedule.Weights;
        var horizon = schedule.Horizon;
        coefficients[0] = series.First;
        var computed = 1;
        var total = Vector256<double>.Zero;
        atHorizon = 0;
        for (var chunk = 1; chunk <= horizon; chunk += 4 * Blocks)
        {
            var blocks = Math.Min(Blocks, (horizon - chunk + 4) / 4);
            for (var b = 0; b < blocks; b++)
            {
                var k = Vector256.Create(chunk + (4.0 * b)) + Vector256<double>.Indices;
                var scaled = scale + k;
                var logOneMinusZ = logScale - Vector256.Log(scaled);
                var u = am1 * logOneMinusZ;
                var e = Vector256.Exp(u);

                // expm1(u)/u: a short series where eᵘ − 1 would cancel.
                var small = Vector256.LessThan(Vector256.Abs(u), Vector256.Create(TaylorBelow));
                var taylor = Vector256<double>.One + (u * (Vector256.Create(0.5) + (u * (Vector256.Create(1.0 / 6) + (u * Vector256.Create(1.0 / 24))))));
                var ex = Vector256.ConditionalSelect(small, taylor, (e - Vector256<double>.One) / Vector256.ConditionalSelect(small, Vector256<double>.One, u));
                var zb = k / scaled;
                var zb2 = zb * zb;
                z[b] = zb;
                z4[b] = zb2 * zb2;
                power[b] = Vector256<double>.One;
                h[b] = Vector256<double>.Zero;
                eu[b] = e;
                s[b] = -logOneMinusZ * ex;
            }

            var first = 0;
            for (var j = 0; first < blocks && j + 3 < Capacity; j += 4)
            {
                while (computed <= j + 3)
                {
                    // The ratio first: the division is then off the chain of products that links the coefficients.
                    coefficients[computed] = coefficients[computed - 1] * series.Ratio(computed);
                    computed++;
                }

                var c0 = Vector256.Create(coefficients[j]);
                var c1 = Vector256.Create(coefficients[j + 1]);
                var c2 = Vector256.Create(coefficients[j + 2]);
                var c3 = Vector256.Create(coefficients[j + 3]);
                for (var b = first; b < blocks; b++)
                {
                    // c₀z + c₁z² + c₂z³ + c₃z⁴ in Horner form, times z^j.
                    var zb = z[b];
                    var pw = power[b];
                    var hb = h[b] + (pw * (zb * (c0 + (zb * (c1 + (zb * (c2 + (zb * c3))))))));
                    var next = pw * z4[b];
                    h[b] = hb;
                    power[b] = next;

                    // c₃ z^(j+4) is the step's last term.
                    if (b == first && SpecialFunctions.IsLastTerm(next * c3, hb))
                    {
                        first++;
                    }
                }
            }

            for (var b = 0; b < blocks; b++)
            {
                var k0 = chunk + (4 * b);
                var y = b < first
                    ? Vector256.Max(yScale * (s[b] - (eu[b] * h[b])), Vector256<double>.Zero)

                    // z close to 1 needs more terms than the coefficient buffer holds: the scalar series takes as many as it needs.
                    : Vector256.Create(
                        ExpectedPurchasesCore(p, x, t, k0, probabilityAlive),
                        ExpectedPurchasesCore(p, x, t, k0 + 1, probabilityAlive),
                        ExpectedPurchasesCore(p, x, t, k0 + 2, probabilityAlive),
                        ExpectedPurchasesCore(p, x, t, k0 + 3, probabilityAlive));
                total += Vector256.Create<double>(weights.AsSpan(k0, 4)) * y;
                if (horizon - k0 < 4)
                {
                    atHorizon = y.GetElement(horizon - k0);
                }
            }
        }

        return Vector256.Sum(total);
    }

    /// <summary>The BG/NBD negative log-likelihood and its analytic gradient over (ln r, ln α, ln a, ln b).</summary>
    internal readonly struct Likelihood(SummaryGroups groups, bool modified = false) : IObjective
    {
        // Five terms per distinct frequency: 64 of them fill 2.5 KB of stack, more than most data sets need (frequencies
        // seldom run past a few dozen); beyond that the terms go to the heap once per evaluation.
        private const int MaxStackFrequencies = 64;

        public bool HasAnalyticGradient => true;

        public double Value(ReadOnlySpan<double> u)
        {
            Span<double> gradient = stackalloc double[4];
            return Evaluate(u, gradient);
        }

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double r = Math.Exp(u[0]), alpha = Math.Exp(u[1]), a = Math.Exp(u[2]), b = Math.Exp(u[3]);
            var logAlpha = u[1];
            var logA = u[2];
            var distinct = groups.DistinctX;
            Span<double> perX = distinct.Length <= MaxStackFrequencies ? stackalloc double[distinct.Length * 5] : new double[distinct.Length * 5];
            // The modified model (MBG/NBD) lets a customer drop out at the first purchase too: its beta terms run to x + 1.
            var shift = modified ? 1 : 0;
            for (var i = 0; i < distinct.Length; i++)
            {
                var x = distinct[i];
                perX[i * 5] = SpecialFunctions.LogGammaRatio(r, x) - SpecialFunctions.LogGammaRatio(a + b, x + shift) + SpecialFunctions.LogGammaRatio(b, x + shift);
                perX[(i * 5) + 1] = SpecialFunctions.DigammaDifference(r, x);
                var dab = SpecialFunctions.DigammaDifference(a + b, x + shift);
                perX[(i * 5) + 2] = -dab;
                perX[(i * 5) + 3] = SpecialFunctions.DigammaDifference(b, x + shift) - dab;
            }

            double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
            var xs = groups.X;
            var recencies = groups.Recency;
            var ts = groups.T;
            var counts = groups.Count;
            var xIndex = groups.XIndex;
            for (var g = 0; g < xs.Length; g++)
            {
                var x = xs[g];
                var n = counts[g];
                var k = xIndex[g] * 5;
                var rx = r + x;
                var logAlphaT = Math.Log(alpha + ts[g]);
                var a3 = -rx * logAlphaT;
                double logSum, w3, w4, logAlphaTx = 0, dAlphaTx = 0, bx1 = 1;
                if (x > 0 || modified)
                {
                    bx1 = b + x - 1 + shift;
                    logAlphaTx = Math.Log(alpha + recencies[g]);
                    dAlphaTx = rx / (alpha + recencies[g]);
                    var a4 = logA - Math.Log(bx1) - (rx * logAlphaTx);
                    var max = Math.Max(a3, a4);
                    var e3 = Math.Exp(a3 - max);
                    var e4 = Math.Exp(a4 - max);
                    var sum = e3 + e4;
                    logSum = max + Math.Log(sum);
                    w3 = e3 / sum;
                    w4 = e4 / sum;
                }
                else
                {
                    logSum = a3;
                    w3 = 1;
                    w4 = 0;
                }

                ll += n * (perX[k] + (r * logAlpha) + logSum);
                dr += n * (perX[k + 1] + logAlpha - (w3 * logAlphaT) - (w4 * logAlphaTx));
                dAlpha += n * ((r / alpha) - (w3 * rx / (alpha + ts[g])) - (w4 * dAlphaTx));
                da += n * (perX[k + 2] + (w4 / a));
                db += n * (perX[k + 3] - (w4 / bx1));
            }

            // The optimiser works on ln θ: d/d ln θ = θ · d/dθ; and it minimises −LL.
            gradient[0] = -dr * r;
            gradient[1] = -dAlpha * alpha;
            gradient[2] = -da * a;
            gradient[3] = -db * b;
            return -ll;
        }
    }
}
