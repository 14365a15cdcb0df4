using System.Globalization;

namespace CustomerLifecycle.Value;

/// <summary>Runs a fit: BFGS on the penalised mean negative log-likelihood in log-parameter space, then standard errors.</summary>
internal static class FitRunner
{
    // The Hessians behind the standard errors are differences with this step relative to each parameter. For second
    // differences of values the step that balances truncation against rounding is about ε^(1/4) ≈ 1e-4 (ε = 2.2e-16);
    // differences of analytic gradients would allow a smaller one, but at this step they are already accurate to about
    // 1e-8, far below the sampling error the standard errors describe.
    private const double HessianRelativeStep = 1e-4;

    // A pivot below this makes the Hessian singular for every practical purpose: its inverse would overflow.
    private const double SingularPivot = 1e-300;

    /// <summary>
    /// Minimises <paramref name="likelihood"/> (the total negative log-likelihood over log-parameters) from
    /// <paramref name="start"/> (natural parameters).
    /// </summary>
    public static (double[] Parameters, double LogLikelihood, double[] StandardErrors, FitReport Report) Run<T>(
        T likelihood, double customers, ReadOnlySpan<double> start, FittingOptions settings)
        where T : struct, IObjective
    {
        var n = start.Length;
        var u = new double[n];
        for (var i = 0; i < n; i++)
        {
            u[i] = Math.Log(start[i]);
        }

        var objective = new PenalizedMean<T>(likelihood, 1.0 / customers, settings.L2Penalty);
        var result = QuasiNewton.Minimize(ref objective, u, settings.MaxIterations, settings.GradientTolerance);
        var theta = new double[n];
        for (var i = 0; i < n; i++)
        {
            theta[i] = Math.Exp(u[i]);
        }

        var logLikelihood = -likelihood.Value(u);
        var standardErrors = likelihood.HasAnalyticGradient ? StandardErrors(likelihood, theta) : StandardErrorsFromValues(likelihood, theta);
        return (theta, logLikelihood, standardErrors, Report(result));
    }

    private static FitReport Report(MinimizeResult result)
    {
        var norm = result.GradientNorm.ToString("G3", CultureInfo.InvariantCulture);
        var message = result.Status switch
        {
            FitStatus.Converged => $"Converged after {result.Iterations} iterations (gradient norm {norm}).",
            FitStatus.MaxIterationsReached => $"Stopped at the iteration limit of {result.Iterations} with gradient norm {norm}; raise Fitting.MaxIterations or check the data.",
            FitStatus.LineSearchFailed => $"No further improvement was found after {result.Iterations} iterations (gradient norm {norm}); the data may be degenerate or the tolerance too tight for them.",
            _ => $"A parameter ran towards 0 or infinity after {result.Iterations} iterations: the data do not identify the model; add an L2 penalty (Fitting.L2Penalty) or more data.",
        };
        return new FitReport(result.Status, result.Iterations, result.Evaluations, result.GradientNorm, message);
    }

    /// <summary>Standard errors from the inverse of the numerically differentiated Hessian of −LL in natural parameters.</summary>
    private static double[] StandardErrors<T>(T likelihood, double[] theta)
        where T : struct, IObjective
    {
        var n = theta.Length;
        var hessian = new double[n, n];
        Span<double> u = stackalloc double[n];
        Span<double> gPlus = stackalloc double[n];
        Span<double> gMinus = stackalloc double[n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                u[i] = Math.Log(theta[i]);
            }

            var h = HessianRelativeStep * theta[j];
            u[j] = Math.Log(theta[j] + h);
            likelihood.Evaluate(u, gPlus);
            u[j] = Math.Log(theta[j] - h);
            likelihood.Evaluate(u, gMinus);
            for (var i = 0; i < n; i++)
            {
                // The objective's gradient is with respect to ln θ: divide by θ for the natural gradient.
                var plus = gPlus[i] / (i == j ? theta[i] + h : theta[i]);
                var minus = gMinus[i] / (i == j ? theta[i] - h : theta[i]);
                hessian[i, j] = (plus - minus) / (2 * h);
            }
        }

        return FromHessian(Symmetrize(hessian));
    }

    /// <summary>Standard errors from a Hessian of −LL in natural parameters built from function values alone.</summary>
    private static double[] StandardErrorsFromValues<T>(T likelihood, double[] theta)
        where T : struct, IObjective
    {
        var n = theta.Length;
        var hessian = new double[n, n];
        var h = new double[n];
        for (var i = 0; i < n; i++)
        {
            h[i] = HessianRelativeStep * theta[i];
        }

        double F(int i, int si, int j, int sj)
        {
            Span<double> u = stackalloc double[n];
            for (var k = 0; k < n; k++)
            {
                var value = theta[k] + (k == i ? si * h[k] : 0) + (k == j ? sj * h[k] : 0);
                u[k] = Math.Log(value);
            }

            return likelihood.Value(u);
        }

        var center = F(-1, 0, -1, 0);
        for (var i = 0; i < n; i++)
        {
            hessian[i, i] = (F(i, 1, -1, 0) - (2 * center) + F(i, -1, -1, 0)) / (h[i] * h[i]);
            for (var j = i + 1; j < n; j++)
            {
                var value = (F(i, 1, j, 1) - F(i, 1, j, -1) - F(i, -1, j, 1) + F(i, -1, j, -1)) / (4 * h[i] * h[j]);
                hessian[i, j] = value;
                hessian[j, i] = value;
            }
        }

        return FromHessian(hessian);
    }

    private static double[] FromHessian(double[,] hessian)
    {
        var n = hessian.GetLength(0);
        var se = new double[n];
        var inverse = Invert(hessian);
        for (var i = 0; i < n; i++)
        {
            se[i] = inverse is not null && inverse[i, i] > 0 ? Math.Sqrt(inverse[i, i]) : double.NaN;
        }

        return se;
    }

    private static double[,] Symmetrize(double[,] m)
    {
        var n = m.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var mean = 0.5 * (m[i, j] + m[j, i]);
                m[i, j] = mean;
                m[j, i] = mean;
            }
        }

        return m;
    }

    /// <summary>Gauss–Jordan inverse with partial pivoting; null when singular or not finite.</summary>
    private static double[,]? Invert(double[,] m)
    {
        var n = m.GetLength(0);
        var a = (double[,])m.Clone();
        var inv = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inv[i, i] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (!(Math.Abs(a[pivot, col]) > SingularPivot))
            {
                return null;
            }

            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                (inv[col, k], inv[pivot, k]) = (inv[pivot, k], inv[col, k]);
            }

            var d = a[col, col];
            for (var k = 0; k < n; k++)
            {
                a[col, k] /= d;
                inv[col, k] /= d;
            }

            for (var row = 0; row < n; row++)
            {
                if (row != col)
                {
                    var factor = a[row, col];
                    for (var k = 0; k < n; k++)
                    {
                        a[row, k] -= factor * a[col, k];
                        inv[row, k] -= factor * inv[col, k];
                    }
                }
            }
        }

        return inv;
    }

    /// <summary>−LL / n + λ Σ θ², in log-parameter space.</summary>
    private readonly struct PenalizedMean<T>(T inner, double scale, double penalty) : IObjective
        where T : struct, IObjective
    {
        public bool HasAnalyticGradient => inner.HasAnalyticGradient;

        public double Value(ReadOnlySpan<double> x)
        {
            var value = inner.Value(x) * scale;
            for (var i = 0; i < x.Length && penalty > 0; i++)
            {
                var theta = Math.Exp(x[i]);
                value += penalty * theta * theta;
            }

            return value;
        }

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            var value = inner.Evaluate(x, gradient) * scale;
            for (var i = 0; i < x.Length; i++)
            {
                gradient[i] *= scale;
                if (penalty > 0)
                {
                    var theta = Math.Exp(x[i]);
                    value += penalty * theta * theta;
                    gradient[i] += 2 * penalty * theta * theta;
                }
            }

            return value;
        }
    }
}

/// <summary>Central-difference gradient for a likelihood without an analytic one (Pareto/NBD).</summary>
internal interface IValueOnly
{
    double Value(ReadOnlySpan<double> x);
}

/// <summary>Adapts an <see cref="IValueOnly"/> to <see cref="IObjective"/> with central differences in log-parameter space.</summary>
internal readonly struct NumericGradient<T>(T inner) : IObjective
    where T : struct, IValueOnly
{
    // The central difference's step in log-parameter space: truncation (h²) and rounding (ε/h) balance near ε^(1/3) ≈ 6e-6;
    // 1e-6 keeps the error near 1e-10, below the fits' gradient tolerance (1e-7 by default).
    private const double Step = 1e-6;

    public bool HasAnalyticGradient => false;

    public double Value(ReadOnlySpan<double> x) => inner.Value(x);

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Span<double> probe = stackalloc double[x.Length];
        x.CopyTo(probe);
        var value = inner.Value(x);
        for (var i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + Step;
            var plus = inner.Value(probe);
            probe[i] = x[i] - Step;
            var minus = inner.Value(probe);
            probe[i] = x[i];
            gradient[i] = (plus - minus) / (2 * Step);
        }

        return value;
    }
}
