namespace CustomerLifecycle.Lifecycle;

/// <summary>What happened to an event or an evaluation.</summary>
public enum LifecycleOutcomeStatus
{
    /// <summary>The event was applied (its facts recorded; transitions may or may not have fired).</summary>
    Applied,

    /// <summary>An evaluation at an instant ran (no event); transitions may or may not have fired.</summary>
    Evaluated,

    /// <summary>The record had already seen the event's id; nothing changed.</summary>
    Duplicate,

    /// <summary>The event is older than what the record has seen; nothing changed. Fold the whole history with <c>Replay</c> instead.</summary>
    Late,

    /// <summary>The event or evaluation is not permitted for this record (a command no rule handles, another customer's event, an unknown stage); nothing changed.</summary>
    Rejected,
}
