namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>
/// The transitions an explained path makes, with their reasons. The list is created at the first transition, so an event
/// that moves nothing allocates none; the default value is the batch sweep's log, which keeps neither transitions nor reasons.
/// </summary>
internal struct TransitionLog
{
    private List<StageTransition>? _items;

    private TransitionLog(bool enabled) => Enabled = enabled;

    /// <summary>Gets a log that keeps transitions and their reasons.</summary>
    public static TransitionLog Explained => new(enabled: true);

    /// <summary>Gets a value indicating whether transitions and their reasons are kept.</summary>
    public readonly bool Enabled { get; }

    /// <summary>Gets the transitions kept, in order.</summary>
    public readonly IReadOnlyList<StageTransition> Items => _items ?? (IReadOnlyList<StageTransition>)[];

    public void Add(StageTransition transition) => (_items ??= []).Add(transition);
}
