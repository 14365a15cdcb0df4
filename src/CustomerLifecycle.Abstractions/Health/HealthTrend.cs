using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>Which way a customer's health is heading over the trend window.</summary>
public enum HealthTrendDirection
{
    /// <summary>Too few scored results in the window to tell (fewer than two).</summary>
    Unknown = 0,

    /// <summary>The fitted change over the window is within the stable threshold.</summary>
    Stable = 1,

    /// <summary>The fitted change over the window is a rise beyond the stable threshold.</summary>
    Improving = 2,

    /// <summary>The fitted change over the window is a fall beyond the stable threshold.</summary>
    Declining = 3,
}

/// <summary>What a health alert is about.</summary>
public enum HealthAlertKind
{
    /// <summary>The settled band became worse.</summary>
    BandDrop = 0,

    /// <summary>The score fell by at least the configured number of points within the window.</summary>
    ScoreDrop = 1,

    /// <summary>A usage factor's raw value fell by at least the configured percentage within the window.</summary>
    UsageDrop = 2,
}

/// <summary>An alert a host can turn into a task: what happened, when, and the values behind it.</summary>
/// <param name="Kind">What the alert is about.</param>
/// <param name="At">The instant of the result that raised it.</param>
/// <param name="FactorId">The factor concerned, for usage drops; otherwise <see langword="null"/>.</param>
/// <param name="Reason">The stable code (<c>health.band-drop</c>, <c>health.score-drop</c>, <c>health.usage-drop</c>), a sentence and the values.</param>
public sealed record HealthAlert(HealthAlertKind Kind, Instant At, string? FactorId, Reason Reason);

/// <summary>A customer's health trend over a window of its score history, with the settled band and alerts.</summary>
/// <param name="WindowStart">The start of the window (inclusive).</param>
/// <param name="WindowEnd">The end of the window (inclusive): the instant of the analysis.</param>
/// <param name="Count">The number of scored results in the window.</param>
/// <param name="Change">The last score in the window minus the first, or <see langword="null"/> with fewer than two.</param>
/// <param name="SlopePerDay">The least-squares slope of the scores in points per day, or <see langword="null"/> with fewer than two.</param>
/// <param name="LargestFall">The largest fall from an earlier to a later score in the window (0 when none), or <see langword="null"/> with fewer than two.</param>
/// <param name="Direction">The direction of the fitted change over the whole window.</param>
/// <param name="Band">The settled band after the last result (with hysteresis), or <see langword="null"/> when nothing was scored.</param>
/// <param name="PreviousBand">The settled band before the last result, or <see langword="null"/> when there was none.</param>
/// <param name="Alerts">The alerts raised, in the order band drop, score drop, usage drops.</param>
public sealed record HealthTrend(
    Instant WindowStart,
    Instant WindowEnd,
    int Count,
    double? Change,
    double? SlopePerDay,
    double? LargestFall,
    HealthTrendDirection Direction,
    string? Band,
    string? PreviousBand,
    IReadOnlyList<HealthAlert> Alerts);
