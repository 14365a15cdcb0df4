namespace CustomerLifecycle.Value;

/// <summary>How a maximum-likelihood fit ended.</summary>
public enum FitStatus
{
    /// <summary>The gradient of the objective fell below the tolerance: the parameters are a maximum.</summary>
    Converged,

    /// <summary>The iteration limit was reached first; the parameters are the last iterate.</summary>
    MaxIterationsReached,

    /// <summary>No step along the search direction improved the objective; the parameters are the last iterate.</summary>
    LineSearchFailed,

    /// <summary>A parameter ran towards zero or infinity (the data do not identify the model); the parameters are the last iterate.</summary>
    ParameterDiverged,

    /// <summary>The data cannot identify the model (no customers, or no repeat purchase at all); nothing was fitted.</summary>
    InsufficientData,
}
