namespace CustomerLifecycle.Value;

/// <summary>
/// The discount factors δᵏ = (1 + d)⁻ᵏ of a CLV horizon of H periods, and their summation-by-parts weights:
/// Σₖ δᵏ (Yₖ − Yₖ₋₁) = Σₖ wₖ Yₖ with wₖ = δᵏ − δᵏ⁺¹ for k &lt; H and w_H = δᴴ (Y₀ = 0).
/// </summary>
internal sealed class DiscountSchedule
{
    public DiscountSchedule(double rate, int horizon)
    {
        Rate = rate;
        Horizon = horizon;
        Factors = new double[horizon + 1];
        for (var k = 0; k <= horizon; k++)
        {
            Factors[k] = Math.Pow(1.0 + rate, -k);
        }

        // Index 0 and the periods after H up to a whole number of four-period blocks carry weight 0.
        Weights = new double[1 + (4 * ((horizon + 3) / 4))];
        for (var k = 1; k <= horizon; k++)
        {
            Weights[k] = k < horizon ? Factors[k] - Factors[k + 1] : Factors[k];
        }
    }

    /// <summary>Gets the discount rate per period.</summary>
    public double Rate { get; }

    /// <summary>Gets the horizon H, in periods.</summary>
    public int Horizon { get; }

    /// <summary>Gets δᵏ for k = 0..H.</summary>
    public double[] Factors { get; }

    /// <summary>Gets wₖ at index k (1..H), 0 at index 0 and after H; the length is 1 plus a multiple of 4.</summary>
    public double[] Weights { get; }
}
