namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>What <see cref="LifecycleEngine.ApplyUnexplained"/> gives: the record the event made and how many transitions it
/// made, or (<see cref="Record"/> null) the refusal <see cref="LifecycleEngine.TryApply"/> would give.</summary>
internal readonly record struct LifecycleApplied(LifecycleRecord? Record, int Transitions, LifecycleOutcome? Refusal);
