namespace CustomerLifecycle.Sqlite;

/// <summary>The result of <see cref="SqliteLifecycleStore.SaveManyAsync"/>: every save committed, or none.</summary>
/// <param name="Versions">The new version of each save, in order, when committed; empty otherwise.</param>
/// <param name="Conflicts">The saves with a stale expected version; when there is any, nothing was written.</param>
public sealed record LifecycleBatchResult(IReadOnlyList<long> Versions, IReadOnlyList<LifecycleBatchConflict> Conflicts)
{
    /// <summary>Gets a value indicating whether the batch was written (no conflict).</summary>
    public bool Committed => Conflicts.Count == 0;
}
