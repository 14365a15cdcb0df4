namespace CustomerLifecycle.Value;

/// <summary>Settings of the maximum-likelihood fits (BFGS over the logarithms of the parameters).</summary>
public sealed class FittingOptions
{
    /// <summary>Gets or sets the most quasi-Newton iterations a fit may take.</summary>
    /// <value>The default value is 200.</value>
    public int MaxIterations { get; set; } = ValueDefaults.MaxIterations;

    /// <summary>Gets or sets the tolerance on the largest gradient component of the mean negative log-likelihood per customer, in log-parameter space.</summary>
    /// <value>The default value is 1e-7.</value>
    public double GradientTolerance { get; set; } = ValueDefaults.GradientTolerance;

    /// <summary>
    /// Gets or sets the L2 penalty λ: the fit minimises −LL / n + λ Σ θ² over the parameters θ (as the Python <c>lifetimes</c>
    /// package does); 0 is plain maximum likelihood.
    /// </summary>
    /// <value>The default value is 0.</value>
    public double L2Penalty { get; set; } = ValueDefaults.L2Penalty;
}
