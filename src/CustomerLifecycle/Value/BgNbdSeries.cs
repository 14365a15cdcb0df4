namespace CustomerLifecycle.Value;

/// <summary>
/// The series behind BG/NBD's E[Y(t)] for a customer with x repeat purchases: Euler's transformation turns
/// ₂F₁(r+x, b+x; a+b+x−1; z) into (1−z)^(a−1) ₂F₁(upper, a−1; lower; z) with upper = a+b−1−r and lower = a+b+x−1, and
/// ₂F₁(upper, a−1; lower; z) = 1 + (a−1)·H with H = Σ_{k≥1} cₖ zᵏ, cₖ = (upper)ₖ (a)ₖ₋₁ / ((lower)ₖ k!).
/// </summary>
/// <remarks>
/// H leaves out the factor a − 1 of every term so that a = 1 needs no special case. Every path (the series per period,
/// the vectorised batch and <see cref="BgNbdClvTable"/>) advances its coefficients by the one ₂F₁ term ratio
/// (<see cref="SpecialFunctions.HypergeometricTermRatio"/>) and stops by the one rule
/// (<see cref="SpecialFunctions.IsLastTerm(double, double)"/>), so that they sum the same terms.
/// </remarks>
internal readonly struct BgNbdSeries
{
    /// <summary>Creates the series of a customer with <paramref name="x"/> repeat purchases.</summary>
    public BgNbdSeries(in BgNbdParameters p, int x)
    {
        Upper = p.A + p.B - 1.0 - p.R;
        Lower = p.A + p.B + x - 1.0;
        AMinusOne = p.A - 1.0;
    }

    /// <summary>Gets a + b − 1 − r, the first upper parameter of the transformed ₂F₁.</summary>
    public double Upper { get; }

    /// <summary>Gets a + b + x − 1, the lower parameter of the transformed ₂F₁; E[Y] carries it as a factor too.</summary>
    public double Lower { get; }

    /// <summary>Gets a − 1, the second upper parameter of the transformed ₂F₁.</summary>
    public double AMinusOne { get; }

    /// <summary>Gets c₁ = upper / lower.</summary>
    public double First => Upper / Lower;

    /// <summary>cₖ₊₁ / cₖ.</summary>
    public double Ratio(int k) => SpecialFunctions.HypergeometricTermRatio(Upper, AMinusOne, Lower, k);
}
