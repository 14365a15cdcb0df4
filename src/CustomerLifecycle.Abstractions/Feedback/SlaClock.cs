using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>One SLA clock of a feedback item: its target, the instants it warns and breaches (past or future) and its state.</summary>
/// <param name="Kind">Which clock.</param>
/// <param name="State">Its state at the instant it was evaluated.</param>
/// <param name="Target">The target as text, e.g. <c>"2 business days"</c> or <c>"none"</c>.</param>
/// <param name="Reason">Why it is in that state, with the instants as data.</param>
public sealed record SlaClock(SlaTargetKind Kind, SlaClockState State, string Target, Reason Reason)
{
    /// <summary>Gets when the clock started, or <see langword="null"/> when it has not.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>Gets when the clock stopped, or <see langword="null"/> while it runs.</summary>
    public Instant? StoppedAt { get; init; }

    /// <summary>Gets when the warning fraction of the target is (or was) reached; <see langword="null"/> without a target or while paused before it.</summary>
    public Instant? WarningAt { get; init; }

    /// <summary>Gets the deadline: when the clock breaches (or breached) unless stopped; <see langword="null"/> without a target or while paused before it.</summary>
    public Instant? DueAt { get; init; }

    /// <summary>Gets the total paused time up to the stop (or the evaluation instant).</summary>
    public Duration PausedFor { get; init; }
}
