namespace CustomerLifecycle;

/// <summary>A store port that also loads and saves many records at once: the shape of a bulk import or a population sweep.</summary>
/// <remarks>
/// A batch save is all or nothing: every save names the version it expects to replace, and when any of them is stale nothing
/// is written and the result names the keys that conflicted. A batch saves each key once. Implementations must be safe to
/// call from several threads at once; <see cref="RecordBatch.ThrowIfInvalid"/> is the guard every batch save applies.
/// </remarks>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public interface IRecordBatchStore<TKey, TRecord> : IRecordStore<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    /// <summary>Loads the records of many keys with their versions.</summary>
    /// <param name="keys">The keys; a key may appear more than once.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>One entry per key, in the order of <paramref name="keys"/>: the record with its version, or null when none is stored.</returns>
    ValueTask<IReadOnlyList<StoredRecord<TRecord>?>> LoadManyAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Saves many records, each if its stored version is still the one it expects: all of them, or none.</summary>
    /// <param name="saves">The records with their expected versions; one per key.</param>
    /// <param name="cancellationToken">Cancels the batch; nothing is written then.</param>
    /// <returns>The new version of each save, or the conflicts (then nothing was written).</returns>
    ValueTask<RecordBatchResult<TKey>> SaveManyAsync(IReadOnlyList<RecordSave<TRecord>> saves, CancellationToken cancellationToken = default);
}
