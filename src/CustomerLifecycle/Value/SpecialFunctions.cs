using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    // Above this, Stirling's series with one correction term errs by less than 1/(360 x³) < 1e-23 (absolute), while the
    // Lanczos sum adds nothing and its terms lose digits.
    private const double StirlingAbove = 1e7;

    // ψ is moved up by ψ(x) = ψ(x + 1) − 1/x until x reaches this; there the first term the asymptotic series leaves out,
    // 691/(32760 x¹²), is below 1e-11.
    private const double DigammaAsymptoticFrom = 6.0;

    // Up to this many terms, a difference of ln Γ or ψ at x + n and x is summed term by term: cheaper than two Lanczos
    // sums, and nothing cancels when n is small against x.
    private const int DirectSumLimit = 16;

    // Below this |u|, the Taylor series of eᵘ − 1 to u³ (of (eᵘ − 1)/u to u²) errs by at most u³/24 ≈ 4e-17 relative,
    // while Exp(u) − 1 would cancel about five digits.
    private const double TaylorBelow = 1e-5;

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range without the reflection formula.
            return LogGamma(x + 1.0) - Math.Log(x);
        }

        if (x > StirlingAbove)
        {
            // Stirling (see StirlingAbove).
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
        while (x < DigammaAsymptoticFrom)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        var inv = 1.0 / x;
        var inv2 = inv * inv;
        // The asymptotic series to x⁻¹⁰ (see DigammaAsymptoticFrom).
        var series = inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 / 132))))))));
        return result + Math.Log(x) - (0.5 * inv) - series;
    }

    /// <summary>ln Γ(x + n) − ln Γ(x), summed directly when n is small so that nothing cancels.</summary>
    public static double LogGammaRatio(double x, int n)
    {
        if (n <= DirectSumLimit)
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
        if (n <= DirectSumLimit)
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
    /// The one stopping tolerance of every series the value models sum (see <see cref="IsLastTerm(double, double)"/>): a
    /// term at most this share of its partial sum is the last one added. Half a unit in the last place of a double is
    /// 2⁻⁵³ ≈ 1.1e-16 of it, so a term this small no longer moves the sum; a smaller tolerance would buy terms that
    /// change nothing on the CLV hot path, which runs a series per customer (and per period where it is not tabulated).
    /// The terms left out fall about geometrically with ratio z, so they add at most term · z / (1 − z): one rounding of
    /// the sum for z up to ½, a few for z up to 0.9, far below the error of parameters fitted to a gradient of 1e-7.
    /// </summary>
    public const double SeriesTolerance = 1e-16;

    /// <summary>
    /// The most terms a series may take before its geometric tail is added in closed form: 200,000 terms reach
    /// <see cref="SeriesTolerance"/> for every z up to 1 − 2·10⁻⁴ (ln 10⁻¹⁶ ≈ −37, and 37 / 200,000 ≈ 2·10⁻⁴), and bound one
    /// evaluation at about a millisecond when z is closer to 1.
    /// </summary>
    public const int MaxSeriesTerms = 200_000;

    /// <summary>
    /// The one stopping rule of every series the value models sum: the BG/NBD E[Y] series on its per-period, vectorised
    /// and tabulated paths, and the Pareto/NBD ₂F₁. True when <paramref name="term"/>, just added to
    /// <paramref name="sum"/>, is at most <see cref="SeriesTolerance"/> of it; a path that accumulates several sums stops
    /// when this holds for each of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLastTerm(double term, double sum) => Math.Abs(term) <= Math.Abs(sum) * SeriesTolerance;

    /// <summary><see cref="IsLastTerm(double, double)"/> for four series side by side: true when it holds in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLastTerm(Vector256<double> term, Vector256<double> sum)
        => Vector256.LessThanOrEqualAll(Vector256.Abs(term), Vector256.Abs(sum) * Vector256.Create(SeriesTolerance));

    /// <summary>
    /// tₖ₊₁ / tₖ of ₂F₁(a, b; c; z) = Σₖ tₖ zᵏ with tₖ = (a)ₖ (b)ₖ / ((c)ₖ k!): the one recurrence every hypergeometric
    /// series of the value models advances by (times z).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double HypergeometricTermRatio(double a, double b, double c, int k) => (a + k) * (b + k) / ((c + k) * (k + 1));

    /// <summary>
    /// <see cref="HypergeometricTermRatio"/> with a = 1, where (1 + k) / (k + 1) cancels: the Pareto/NBD likelihood runs this
    /// series for every customer group at every step of its fit, and the two products the general ratio adds make that fit
    /// about a tenth slower.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double HypergeometricTermRatioOne(double b, double c, int k) => (b + k) / (c + k);

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
            term *= HypergeometricTermRatioOne(b, c, k) * z;
            sum += term;
            if (IsLastTerm(term, sum))
            {
                return Math.Log(sum);
            }
        }

        // Tail of a series whose term ratio has settled near z: a geometric remainder.
        return Math.Log(sum + (term * z / (1.0 - z)));
    }

    /// <summary>expm1(u) / u, 1 at u = 0, without cancellation near 0.</summary>
    public static double ExpM1OverX(double u)
    {
        if (Math.Abs(u) < TaylorBelow)
        {
            return 1.0 + (u * (0.5 + (u / 6.0)));
        }

        return ExpM1(u) / u;
    }

    /// <summary>eˣ − 1 accurate near 0 (Kahan's trick; <c>double.ExpM1</c> is computed as <c>Exp(x) - 1</c>).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) < TaylorBelow)
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
