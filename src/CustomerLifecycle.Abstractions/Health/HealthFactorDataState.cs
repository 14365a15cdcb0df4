namespace CustomerLifecycle.Health;

/// <summary>What the engine did with one factor's value.</summary>
public enum HealthFactorDataState
{
    /// <summary>A usable value was supplied and scored.</summary>
    Observed = 0,

    /// <summary>The value is an earlier observation still within the factor's carry-forward time-to-live.</summary>
    CarriedForward = 1,

    /// <summary>No usable value: the factor was left out and the other weights re-normalised.</summary>
    Excluded = 2,

    /// <summary>No usable value: the factor counted with 0 points at its full weight.</summary>
    TreatedAsZero = 3,

    /// <summary>No usable value for a factor that requires one: the customer was not scored.</summary>
    Missing = 4,
}
