namespace CustomerLifecycle.Tests.Value;

/// <summary>The textbook formulas, evaluated directly, as an independent check where they do not overflow.</summary>
internal static class NaiveFormulas
{
    public static double Hypergeometric(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        for (var k = 0; k < 100_000; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>FHL 2005 eq. (10) for P(alive) and (10) for E[Y(t)], as printed.</summary>
    public static (double Alive, double Expected) BgNbd(double r, double alpha, double a, double b, int x, double tx, double T, double t)
    {
        var odds = x > 0 ? a / (b + x - 1) * Math.Pow((alpha + T) / (alpha + tx), r + x) : 0;
        var alive = 1 / (1 + odds);
        var z = t / (alpha + T + t);
        var bracket = 1 - (Math.Pow((alpha + T) / (alpha + T + t), r + x) * Hypergeometric(r + x, b + x, a + b + x - 1, z));
        return (alive, (a + b + x - 1) / (a - 1) * bracket * alive);
    }

    /// <summary>Fader and Hardie's 2005 Pareto/NBD note: the likelihood with A0, P(alive) and E[Y(t)], as printed.</summary>
    public static (double Alive, double Expected) ParetoNbd(double r, double alpha, double s, double beta, int x, double tx, double T, double t)
    {
        double A0(double time) => alpha >= beta
            ? Hypergeometric(r + s + x, s + 1, r + s + x + 1, (alpha - beta) / (alpha + time)) / Math.Pow(alpha + time, r + s + x)
            : Hypergeometric(r + s + x, r + x, r + s + x + 1, (beta - alpha) / (beta + time)) / Math.Pow(beta + time, r + s + x);
        var a0 = A0(tx) - A0(T);
        var alive = 1 / (1 + (s / (r + s + x) * Math.Pow(alpha + T, r + x) * Math.Pow(beta + T, s) * a0));
        var expected = (r + x) * (beta + T) / ((alpha + T) * (s - 1)) * (1 - Math.Pow((beta + T) / (beta + T + t), s - 1)) * alive;
        return (alive, expected);
    }
}
