namespace CustomerLifecycle.Lifecycle;

/// <summary>The result of applying an event to a record, or of evaluating a record at an instant.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Record">The new record; the same instance as the input when nothing changed (null only when no record existed and none was created).</param>
/// <param name="Transitions">The stage changes made, in order.</param>
/// <param name="Actions">The playbook and automation actions now due or upcoming, for the stages entered and the triggers that hold.</param>
/// <param name="NotFired">The rules from the final stage that were considered and did not fire, each with why not.</param>
/// <param name="Reasons">Why the status is what it is (for Duplicate, Late and Rejected: the problem and a remedy).</param>
public sealed record LifecycleOutcome(
    LifecycleOutcomeStatus Status,
    LifecycleRecord? Record,
    IReadOnlyList<StageTransition> Transitions,
    IReadOnlyList<PlaybookAction> Actions,
    IReadOnlyList<RuleCheck> NotFired,
    IReadOnlyList<Reason> Reasons)
{
    /// <summary>Gets a value indicating whether the record changed.</summary>
    public bool Changed { get; init; }
}
