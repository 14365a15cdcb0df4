namespace CustomerLifecycle.Value;

/// <summary>The three parameters of the Gamma-Gamma spend model (Fader, Hardie and Lee 2005; Fader and Hardie 2013).</summary>
/// <remarks>Every parameter is a finite number &gt; 0. <c>default</c> has all parameters 0 and is rejected by the models.</remarks>
public readonly record struct GammaGammaParameters
{
    private GammaGammaParameters(double p, double q, double gamma)
    {
        P = p;
        Q = q;
        Gamma = gamma;
    }

    /// <summary>Gets p, the shape of the gamma distribution of a transaction's spend.</summary>
    public double P { get; }

    /// <summary>Gets q, the shape of the gamma distribution of customers' spend scales.</summary>
    public double Q { get; }

    /// <summary>Gets γ, the scale of the gamma distribution of customers' spend scales.</summary>
    public double Gamma { get; }

    /// <summary>Creates the parameters, checking each.</summary>
    /// <param name="p">p, the shape of the gamma distribution of a transaction's spend.</param>
    /// <param name="q">q, the shape of the gamma distribution of customers' spend scales.</param>
    /// <param name="gamma">γ, the scale of the gamma distribution of customers' spend scales.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0; the message names it.</exception>
    public static GammaGammaParameters From(double p, double q, double gamma)
        => new(ModelParameters.Positive(p, nameof(p)), ModelParameters.Positive(q, nameof(q)), ModelParameters.Positive(gamma, nameof(gamma)));

    /// <summary>Returns the parameters as <c>name = value</c> pairs.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => ModelParameters.Format(("p", P), ("q", Q), ("gamma", Gamma));
}
