namespace CustomerLifecycle.Value;

/// <summary>The four parameters of the Pareto/NBD model (Schmittlein, Morrison and Colombo 1987).</summary>
/// <remarks>Every parameter is a finite number &gt; 0. <c>default</c> has all parameters 0 and is rejected by the models.</remarks>
public readonly record struct ParetoNbdParameters
{
    private ParetoNbdParameters(double r, double alpha, double s, double beta)
    {
        R = r;
        Alpha = alpha;
        S = s;
        Beta = beta;
    }

    /// <summary>Gets r, the shape of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the gamma distribution of purchase rates.</summary>
    public double Alpha { get; }

    /// <summary>Gets s, the shape of the gamma distribution of drop-out rates.</summary>
    public double S { get; }

    /// <summary>Gets β, the scale of the gamma distribution of drop-out rates.</summary>
    public double Beta { get; }

    /// <summary>Creates the parameters, checking each.</summary>
    /// <param name="r">r, the shape of the gamma distribution of purchase rates.</param>
    /// <param name="alpha">α, the scale of the gamma distribution of purchase rates.</param>
    /// <param name="s">s, the shape of the gamma distribution of drop-out rates.</param>
    /// <param name="beta">β, the scale of the gamma distribution of drop-out rates.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0; the message names it.</exception>
    public static ParetoNbdParameters From(double r, double alpha, double s, double beta)
        => new(ModelParameters.Positive(r, nameof(r)), ModelParameters.Positive(alpha, nameof(alpha)), ModelParameters.Positive(s, nameof(s)), ModelParameters.Positive(beta, nameof(beta)));

    /// <summary>Returns the parameters as <c>name = value</c> pairs.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => ModelParameters.Format(("r", R), ("alpha", Alpha), ("s", S), ("beta", Beta));
}
