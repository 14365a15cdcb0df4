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
        => new(ModelParameters.Positive(r, nameof(r)), ModelParameters.Positive(alpha, nameof(alpha)), ModelParameters.Positive(a, nameof(a)), ModelParameters.Positive(b, nameof(b)));

    /// <summary>Returns the parameters as <c>name = value</c> pairs.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => ModelParameters.Format(("r", R), ("alpha", Alpha), ("a", A), ("b", B));
}
