namespace CustomerLifecycle.Health;

/// <summary>Which way a factor's raw value is good.</summary>
public enum HealthDirection
{
    /// <summary>A higher raw value is healthier (e.g. logins per week).</summary>
    HigherIsBetter = 0,

    /// <summary>A lower raw value is healthier (e.g. days overdue); the normalised value is mirrored (100 − value).</summary>
    LowerIsBetter = 1,
}

/// <summary>How a factor's raw value is mapped onto 0–100.</summary>
public enum HealthNormalizerKind
{
    /// <summary><c>Min</c> → 0, <c>Max</c> → 100, linear in between, clamped outside.</summary>
    Linear = 0,

    /// <summary>Value ranges → points, each bound stated inclusive or exclusive.</summary>
    StepGrid = 1,

    /// <summary>100 / (1 + e^(−<c>Steepness</c> × (value − <c>Midpoint</c>))).</summary>
    Logistic = 2,

    /// <summary>value / <c>Target</c> × 100, clamped to [0, 100].</summary>
    RatioToTarget = 3,
}

/// <summary>What the engine does when a factor has no usable value (none supplied, NaN or infinite, or too old).</summary>
public enum HealthMissingDataPolicy
{
    /// <summary>Leave the factor out and re-normalise the remaining weights.</summary>
    Exclude = 0,

    /// <summary>Count the factor with 0 points at its full weight.</summary>
    TreatAsZero = 1,

    /// <summary>Accept a value observed up to <c>CarryForwardDays</c> before the evaluation; older or no value → excluded.</summary>
    CarryForward = 2,

    /// <summary>Do not score the customer (status <c>MissingRequiredFactor</c>).</summary>
    Fail = 3,
}
