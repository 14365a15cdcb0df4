namespace CustomerLifecycle;

/// <summary>The shape of every store port: load a record with its version, save it if the version is still the one loaded.</summary>
/// <remarks>
/// Saves are optimistic: a save names the version it expects to replace (0 when nothing is stored yet) and fails, reporting
/// the version now stored, when another writer got there first. The version lives beside the record, not in it: a record
/// is the domain's state, the version is the store's. Implementations must be safe to call from several threads at once.
/// </remarks>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public interface IRecordStore<in TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    /// <summary>Loads a record with its version.</summary>
    /// <param name="key">The record's key.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The record with its version, or null when none is stored.</returns>
    ValueTask<StoredRecord<TRecord>?> LoadAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>Saves a record if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="record">The record to store; its key is read from it.</param>
    /// <param name="expectedVersion">The version loaded (0 when none was stored).</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>Saved with the new version (<paramref name="expectedVersion"/> + 1), or a conflict with the version now stored.</returns>
    ValueTask<SaveResult> SaveAsync(TRecord record, long expectedVersion, CancellationToken cancellationToken = default);
}
