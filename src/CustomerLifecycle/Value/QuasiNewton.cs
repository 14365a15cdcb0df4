namespace CustomerLifecycle.Value;

/// <summary>An objective to minimise: its value and gradient at a point.</summary>
internal interface IObjective
{
    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/>; may return NaN or infinity outside the domain.</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Returns f(x) alone.</summary>
    double Value(ReadOnlySpan<double> x);

    /// <summary>Gets a value indicating whether the gradient is analytic (differentiating it again is then accurate).</summary>
    bool HasAnalyticGradient { get; }
}

/// <summary>The outcome of <see cref="QuasiNewton.Minimize{T}"/>.</summary>
internal readonly record struct MinimizeResult(FitStatus Status, double Value, int Iterations, int Evaluations, double GradientNorm);

/// <summary>BFGS with a backtracking Armijo line search over at most four unconstrained (log) parameters.</summary>
internal static class QuasiNewton
{
    public const int MaxDimension = 4;

    // Log-parameters beyond this put a parameter below 1e-13 or above 1e13: the data no longer identify it.
    private const double DivergenceBound = 30.0;

    // Armijo's sufficient-decrease constant: a step is taken when it achieves this share of the decrease the slope
    // promises. 1e-4 is the customary value (Nocedal & Wright, ch. 3): it rejects only steps that barely descend.
    private const double SufficientDecrease = 1e-4;

    // Halving the step this many times takes it to 2⁻⁶⁰ ≈ 1e-18 of the first, below the resolution of a log-parameter
    // near 1 (2.2e-16): further halvings could no longer move the point.
    private const int MaxStepHalvings = 60;

    // A change of the objective below this share of it is rounding (the double's resolution is 1.1e-16): the fit has
    // stalled at machine precision.
    private const double StallRelativeChange = 1e-15;

    // A stalled fit counts as converged when its gradient is within this factor of the tolerance: at machine precision
    // the gradient of a sum over thousands of customers cannot get smaller than its own rounding.
    private const double StalledGradientSlack = 100;

    // Curvatures and step scales below this are 0 for every practical purpose: dividing by them would overflow.
    private const double Tiny = 1e-300;

    public static MinimizeResult Minimize<T>(ref T objective, Span<double> x, int maxIterations, double gradientTolerance)
        where T : struct, IObjective
    {
        var n = x.Length;
        Span<double> g = stackalloc double[MaxDimension];
        Span<double> gNew = stackalloc double[MaxDimension];
        Span<double> xNew = stackalloc double[MaxDimension];
        Span<double> d = stackalloc double[MaxDimension];
        Span<double> s = stackalloc double[MaxDimension];
        Span<double> y = stackalloc double[MaxDimension];
        Span<double> hy = stackalloc double[MaxDimension];
        Span<double> h = stackalloc double[MaxDimension * MaxDimension];
        g = g[..n];
        gNew = gNew[..n];
        xNew = xNew[..n];
        d = d[..n];
        s = s[..n];
        y = y[..n];
        hy = hy[..n];

        var f = objective.Evaluate(x, g);
        var evaluations = 1;
        if (!double.IsFinite(f) || !AllFinite(g))
        {
            return new MinimizeResult(FitStatus.LineSearchFailed, f, 0, evaluations, double.NaN);
        }

        SetIdentity(h, n);
        var identity = true;
        var iterations = 0;
        while (true)
        {
            var gradientNorm = MaxAbs(g);
            if (gradientNorm <= gradientTolerance)
            {
                return new MinimizeResult(FitStatus.Converged, f, iterations, evaluations, gradientNorm);
            }

            if (iterations >= maxIterations)
            {
                return new MinimizeResult(FitStatus.MaxIterationsReached, f, iterations, evaluations, gradientNorm);
            }

            iterations++;
            MultiplyNegative(h, g, d, n);
            var slope = Dot(g, d);
            if (!(slope < 0))
            {
                SetIdentity(h, n);
                identity = true;
                for (var i = 0; i < n; i++)
                {
                    d[i] = -g[i];
                }

                slope = Dot(g, d);
            }

            // The first step along the raw gradient is capped so it cannot jump far out of the basin.
            var step = identity ? Math.Min(1.0, 1.0 / Math.Max(MaxAbs(d), Tiny)) : 1.0;
            var accepted = false;
            double fNew = double.NaN;
            for (var attempt = 0; attempt < MaxStepHalvings; attempt++)
            {
                for (var i = 0; i < n; i++)
                {
                    xNew[i] = x[i] + (step * d[i]);
                }

                fNew = objective.Evaluate(xNew, gNew);
                evaluations++;
                if (double.IsFinite(fNew) && AllFinite(gNew) && fNew <= f + (SufficientDecrease * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                if (!identity)
                {
                    // The curvature estimate led astray: restart from steepest descent before giving up.
                    SetIdentity(h, n);
                    identity = true;
                    continue;
                }

                return new MinimizeResult(FitStatus.LineSearchFailed, f, iterations, evaluations, gradientNorm);
            }

            for (var i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > Tiny)
            {
                if (identity)
                {
                    // Scale the initial inverse Hessian to the observed curvature (Nocedal & Wright 6.20).
                    var scale = sy / Dot(y, y);
                    for (var i = 0; i < n; i++)
                    {
                        h[(i * MaxDimension) + i] = scale;
                    }
                }

                UpdateInverseHessian(h, s, y, hy, sy, n);
                identity = false;
            }

            var previous = f;
            xNew.CopyTo(x);
            gNew.CopyTo(g);
            f = fNew;
            if (MaxAbs(x) > DivergenceBound)
            {
                return new MinimizeResult(FitStatus.ParameterDiverged, f, iterations, evaluations, MaxAbs(g));
            }

            if (Math.Abs(previous - f) <= StallRelativeChange * Math.Max(1.0, Math.Abs(f)) && MaxAbs(g) <= gradientTolerance * StalledGradientSlack)
            {
                // No progress left at machine precision and the gradient is as small as its rounding allows.
                return new MinimizeResult(FitStatus.Converged, f, iterations, evaluations, MaxAbs(g));
            }
        }
    }

    private static void UpdateInverseHessian(Span<double> h, ReadOnlySpan<double> s, ReadOnlySpan<double> y, Span<double> hy, double sy, int n)
    {
        // H+ = H + ((sy + yHy) ss')/sy² − (Hy s' + s yH)/sy, with H symmetric.
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += h[(i * MaxDimension) + j] * y[j];
            }

            hy[i] = sum;
        }

        var yhy = Dot(y, hy);
        var factor = (sy + yhy) / (sy * sy);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[(i * MaxDimension) + j] += (factor * s[i] * s[j]) - (((hy[i] * s[j]) + (s[i] * hy[j])) / sy);
            }
        }
    }

    private static void MultiplyNegative(ReadOnlySpan<double> h, ReadOnlySpan<double> g, Span<double> d, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += h[(i * MaxDimension) + j] * g[j];
            }

            d[i] = -sum;
        }
    }

    private static void SetIdentity(Span<double> h, int n)
    {
        h.Clear();
        for (var i = 0; i < n; i++)
        {
            h[(i * MaxDimension) + i] = 1.0;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        var max = 0.0;
        foreach (var value in v)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }

    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (var value in v)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
