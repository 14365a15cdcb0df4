namespace CustomerLifecycle.Feedback;

/// <summary>Where an SLA clock stands at the instant it was evaluated.</summary>
public enum SlaClockState
{
    /// <summary>No target applies (e.g. Low priority goes to the roadmap).</summary>
    NoTarget,

    /// <summary>The clock has not started (the follow-up clock before resolution).</summary>
    NotStarted,

    /// <summary>Running, before the warning instant.</summary>
    Running,

    /// <summary>Running, past the warning instant but before the deadline.</summary>
    Warning,

    /// <summary>Paused before the deadline; the deadline moves by however long the pause lasts.</summary>
    Paused,

    /// <summary>Stopped on or before the deadline.</summary>
    Met,

    /// <summary>The deadline passed before the clock stopped.</summary>
    Breached,
}
