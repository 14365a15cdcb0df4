namespace CustomerLifecycle.Health;

/// <summary>Whether a customer could be scored.</summary>
public enum HealthStatus
{
    /// <summary>The customer was scored.</summary>
    Scored = 0,

    /// <summary>No weighted factor had data (every factor was excluded), so there is no score.</summary>
    NoData = 1,

    /// <summary>A factor whose missing-data policy is <c>Fail</c> had no usable value, so there is no score.</summary>
    MissingRequiredFactor = 2,
}
