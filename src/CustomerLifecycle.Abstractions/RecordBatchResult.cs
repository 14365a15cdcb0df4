namespace CustomerLifecycle;

/// <summary>The result of a batch save (<see cref="IRecordBatchStore{TKey, TRecord}.SaveManyAsync"/>): every save committed, or none.</summary>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <param name="Versions">The new version of each save, in order, when committed; empty otherwise.</param>
/// <param name="Conflicts">The saves with a stale expected version, in order; when there is any, nothing was written.</param>
public sealed record RecordBatchResult<TKey>(IReadOnlyList<long> Versions, IReadOnlyList<RecordConflict<TKey>> Conflicts)
    where TKey : notnull
{
    /// <summary>Gets a value indicating whether the batch was written (no conflict).</summary>
    public bool Committed => Conflicts.Count == 0;
}
