namespace CustomerLifecycle.Value;

/// <summary>The result of a maximum-likelihood fit: the parameters, the log-likelihood, standard errors and how the optimiser ended.</summary>
/// <typeparam name="TParameters">The model's parameter type, e.g. <see cref="BgNbdParameters"/>.</typeparam>
/// <param name="Parameters">The estimates; <see langword="null"/> when <see cref="FitReport.Status"/> is <see cref="FitStatus.InsufficientData"/>.</param>
/// <param name="LogLikelihood">The log-likelihood of the data at <paramref name="Parameters"/> (without the L2 penalty); NaN when nothing was fitted.</param>
/// <param name="StandardErrors">
/// The standard errors, in the order of the parameters, from the inverse of the observed information (the Hessian of the
/// negative log-likelihood); an entry is NaN when the Hessian is not positive definite there. Empty when nothing was fitted.
/// </param>
/// <param name="CustomerCount">The customers the fit used.</param>
/// <param name="Report">How the optimiser ended.</param>
public sealed record ModelFit<TParameters>(TParameters? Parameters, double LogLikelihood, IReadOnlyList<double> StandardErrors, int CustomerCount, FitReport Report)
    where TParameters : struct;
