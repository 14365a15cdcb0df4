using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>How long a customer has been in one stage, over all their visits to it.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="FirstEnteredAt">When the customer first entered the stage.</param>
/// <param name="LastEnteredAt">When the customer last entered the stage.</param>
/// <param name="LastExitedAt">When the customer last left the stage; null while they have never left it.</param>
/// <param name="ClosedTime">The time spent in the stage over the visits that have ended (the open visit is not included).</param>
/// <param name="Visits">How many times the customer has entered the stage.</param>
/// <param name="IsOpen">Whether the customer is in the stage now (the last visit has not ended). Kept explicitly: a customer
/// can leave and re-enter a stage at one instant, so the instants alone cannot tell.</param>
public readonly record struct StageTime(string Stage, Instant FirstEnteredAt, Instant LastEnteredAt, Instant? LastExitedAt, Duration ClosedTime, int Visits, bool IsOpen)
{
    /// <summary>The time spent in the stage up to <paramref name="asOf"/>, the open visit included.</summary>
    /// <param name="asOf">The instant to measure to; an open visit counts up to it (not before its entry).</param>
    /// <returns>The cumulative time in the stage.</returns>
    public Duration TimeInStage(Instant asOf) => IsOpen && asOf > LastEnteredAt ? ClosedTime + (asOf - LastEnteredAt) : ClosedTime;
}
