using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>The range of instants the lifecycle engine accepts.</summary>
/// <remarks>Instants from 1900-01-01 to 9000-12-31 UTC: wide enough for any customer history, narrow enough that month and
/// business-day arithmetic around them never leaves NodaTime's range.</remarks>
public static class LifecycleLimits
{
    /// <summary>Gets the earliest accepted instant, 1900-01-01T00:00:00Z.</summary>
    public static Instant MinInstant { get; } = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>Gets the latest accepted instant, 9000-12-31T00:00:00Z.</summary>
    public static Instant MaxInstant { get; } = Instant.FromUtc(9000, 12, 31, 0, 0);
}
