namespace CustomerLifecycle.Lifecycle;

/// <summary>The result of applying an event to a record, or of evaluating a record at an instant.</summary>
/// <remarks>The engine works <see cref="NotFired"/> out on first access, so the common path (apply, save, move on) does
/// not pay for the explanation of every rule that stayed quiet.</remarks>
public sealed class LifecycleOutcome
{
    private readonly Func<LifecycleOutcome, object?, IReadOnlyList<RuleCheck>>? _explainNotFired;
    private readonly object? _explainState;
    private IReadOnlyList<RuleCheck>? _notFired;

    /// <summary>Creates an outcome.</summary>
    /// <param name="status">What happened.</param>
    /// <param name="record">The record after the operation.</param>
    /// <param name="transitions">The stage changes made, in order.</param>
    /// <param name="actions">The actions due.</param>
    /// <param name="reasons">Why the status is what it is.</param>
    /// <param name="changed">Whether the record changed.</param>
    /// <param name="notFired">The rules considered that did not fire, each with why not; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transitions"/>, <paramref name="actions"/> or <paramref name="reasons"/> is null.</exception>
    public LifecycleOutcome(
        LifecycleOutcomeStatus status,
        LifecycleRecord? record,
        IReadOnlyList<StageTransition> transitions,
        IReadOnlyList<PlaybookAction> actions,
        IReadOnlyList<Reason> reasons,
        bool changed,
        IReadOnlyList<RuleCheck>? notFired = null)
        : this(status, record, transitions, actions, reasons, changed, explainNotFired: null, explainState: null)
    {
        _notFired = notFired;
    }

    /// <summary>
    /// Creates an outcome whose <see cref="NotFired"/> is worked out on first access, by a long-lived function from the
    /// outcome and a state: the engine's common path (apply, save, move on) then pays for neither the explanation of every
    /// rule that stayed quiet nor a closure.
    /// </summary>
    internal LifecycleOutcome(
        LifecycleOutcomeStatus status,
        LifecycleRecord? record,
        IReadOnlyList<StageTransition> transitions,
        IReadOnlyList<PlaybookAction> actions,
        IReadOnlyList<Reason> reasons,
        bool changed,
        Func<LifecycleOutcome, object?, IReadOnlyList<RuleCheck>>? explainNotFired,
        object? explainState)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(reasons);
        Status = status;
        Record = record;
        Transitions = transitions;
        Actions = actions;
        Reasons = reasons;
        Changed = changed;
        _explainNotFired = explainNotFired;
        _explainState = explainState;
    }

    /// <summary>Gets what happened.</summary>
    public LifecycleOutcomeStatus Status { get; }

    /// <summary>Gets the new record: the same instance as the input when nothing changed (null only when no record existed and none was created).</summary>
    public LifecycleRecord? Record { get; }

    /// <summary>Gets the stage changes made, in order.</summary>
    public IReadOnlyList<StageTransition> Transitions { get; }

    /// <summary>Gets the playbook and automation actions due, for the stages entered and the triggers that hold.</summary>
    public IReadOnlyList<PlaybookAction> Actions { get; }

    /// <summary>Gets why the status is what it is (for Duplicate, Late and Rejected: the problem and a remedy).</summary>
    public IReadOnlyList<Reason> Reasons { get; }

    /// <summary>Gets a value indicating whether the record changed (and so must be saved).</summary>
    public bool Changed { get; }

    /// <summary>Gets the rules from the final stage that were considered and did not fire, each with why not.</summary>
    public IReadOnlyList<RuleCheck> NotFired => _notFired ??= _explainNotFired?.Invoke(this, _explainState) ?? [];
}
