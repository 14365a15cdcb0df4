namespace CustomerLifecycle.Lifecycle;

/// <summary>One record's result in a batch evaluation: compact, with no explanation (ask <c>Explain</c> for that).</summary>
/// <param name="Record">The record after evaluation: the input instance itself when nothing changed.</param>
/// <param name="Status">Evaluated, or Rejected for a record the policy cannot evaluate (an unknown stage, or an instant before the record's own).</param>
/// <param name="Transitions">How many stage changes were made.</param>
public readonly record struct LifecycleSweepResult(LifecycleRecord Record, LifecycleOutcomeStatus Status, int Transitions)
{
    /// <summary>Gets a value indicating whether the record changed (and so must be saved).</summary>
    public bool Changed => Transitions > 0;
}
