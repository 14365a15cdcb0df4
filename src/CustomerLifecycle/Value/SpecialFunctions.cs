namespace CustomerLifecycle.Value;

/// <summary>Log-gamma, digamma and the hypergeometric series the CLV models need, accurate for large arguments.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation, g = 7, n = 9: about 15 significant digits for x >= 0.5.
    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range without the reflection formula.
            return LogGamma(x + 1.0) - Math.Log(x);
        }

        if (x > 1e7)
        {
            // Stirling: the Lanczos sum adds nothing here and its terms lose digits.
            return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + (1.0 / (12.0 * x));
        }

        x -= 1.0;
        var sum = LanczosCoefficients[0];
        for (var i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return HalfLogTwoPi + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ψ(x) = d/dx ln Γ(x) for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        var result = 0.0;
        while (x < 6.0)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        var inv = 1.0 / x;
        var inv2 = inv * inv;
        // Asymptotic series; at x >= 6 the first neglected term is below 1e-13.
        var series = inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 / 132))))))));
        return result + Math.Log(x) - (0.5 * inv) - series;
    }

    /// <summary>ln Γ(x + n) − ln Γ(x), summed directly when n is small so that nothing cancels.</summary>
    public static double LogGammaRatio(double x, int n)
    {
        if (n <= 16)
        {
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += Math.Log(x + k);
            }

            return sum;
        }

        return LogGamma(x + n) - LogGamma(x);
    }

    /// <summary>ψ(x + n) − ψ(x), summed directly when n is small.</summary>
    public static double DigammaDifference(double x, int n)
    {
        if (n <= 16)
        {
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += 1.0 / (x + k);
            }

            return sum;
        }

        return Digamma(x + n) - Digamma(x);
    }

    /// <summary>
    /// ln ₂F₁(1, b; c; z) for 0 ≤ z &lt; 1 and 0 &lt; b &lt; c: every term is positive and the ratio of successive terms is
    /// below z, so the series converges geometrically and never overflows (unlike ₂F₁(a, b; c; z) with large a).
    /// </summary>
    public static double LogHypergeometricOne(double b, double c, double z)
    {
        var sum = 1.0;
        var term = 1.0;
        for (var k = 0; k < MaxSeriesTerms; k++)
        {
            var ratio = (b + k) / (c + k) * z;
            term *= ratio;
            sum += term;
            if (term <= sum * 1e-17)
            {
                return Math.Log(sum);
            }
        }

        // Tail of a series whose term ratio has settled near z: a geometric remainder.
        return Math.Log(sum + (term * z / (1.0 - z)));
    }

    /// <summary>The most terms a series may take before its geometric tail is added in closed form.</summary>
    public const int MaxSeriesTerms = 200_000;

    /// <summary>expm1(u) / u, 1 at u = 0, without cancellation near 0.</summary>
    public static double ExpM1OverX(double u)
    {
        if (Math.Abs(u) < 1e-5)
        {
            return 1.0 + (u * (0.5 + (u / 6.0)));
        }

        return ExpM1(u) / u;
    }

    /// <summary>eˣ − 1 accurate near 0 (Kahan's trick; <c>double.ExpM1</c> is computed as <c>Exp(x) - 1</c>).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) < 1e-5)
        {
            return x + (x * x * (0.5 + (x / 6.0)));
        }

        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) accurate near 0 (Goldberg's trick; <c>double.LogP1</c> is computed as <c>Log(x + 1)</c>).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
