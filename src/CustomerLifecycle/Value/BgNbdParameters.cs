using System.Globalization;

namespace CustomerLifecycle.Value;

/// <summary>The four parameters of the BG/NBD model (Fader, Hardie and Lee 2005).</summary>
/// <remarks>Every parameter is a finite number &gt; 0. <c>default</c> has all parameters 0 and is rejected by the models.</remarks>
public readonly record struct BgNbdParameters
{
    private BgNbdParameters(double r, double alpha, double a, double b)
    {
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
    }

    /// <summary>Gets r, the shape of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the gamma distribution of purchase rates.</summary>
    public double Alpha { get; }

    /// <summary>Gets a, the first shape of the beta distribution of drop-out probabilities.</summary>
    public double A { get; }

    /// <summary>Gets b, the second shape of the beta distribution of drop-out probabilities.</summary>
    public double B { get; }

    /// <summary>Creates the parameters, checking each.</summary>
    /// <param name="r">r, the shape of the gamma distribution of purchase rates.</param>
    /// <param name="alpha">α, the scale of the gamma distribution of purchase rates.</param>
    /// <param name="a">a, the first shape of the beta distribution of drop-out probabilities.</param>
    /// <param name="b">b, the second shape of the beta distribution of drop-out probabilities.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0; the message names it.</exception>
    public static BgNbdParameters From(double r, double alpha, double a, double b)
    {
        Check(r, nameof(r));
        Check(alpha, nameof(alpha));
        Check(a, nameof(a));
        Check(b, nameof(b));
        return new BgNbdParameters(r, alpha, a, b);
    }

    /// <summary>Returns the parameters as <c>name = value</c> pairs.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"r = {R:G6}, alpha = {Alpha:G6}, a = {A:G6}, b = {B:G6}");

    private static void Check(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Parameter {name} must be a finite number > 0 but was {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }
    }
}
