namespace CustomerLifecycle.Value;

/// <summary>How the optimiser behind a fit ended: a value, never an exception, however hard the data set.</summary>
/// <param name="Status">How the fit ended.</param>
/// <param name="Iterations">The quasi-Newton iterations taken.</param>
/// <param name="FunctionEvaluations">The objective evaluations taken (gradient evaluations included).</param>
/// <param name="GradientNorm">The largest absolute component of the objective's gradient at the end, in log-parameter space, per customer.</param>
/// <param name="Message">A sentence for people saying how the fit ended and, when it did not converge, what to try.</param>
public sealed record FitReport(FitStatus Status, int Iterations, int FunctionEvaluations, double GradientNorm, string Message)
{
    /// <summary>Gets a value indicating whether the fit converged to a maximum.</summary>
    public bool Converged => Status == FitStatus.Converged;
}
