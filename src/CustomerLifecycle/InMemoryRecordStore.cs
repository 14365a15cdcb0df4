using System.Collections.Concurrent;

namespace CustomerLifecycle;

/// <summary>A thread-safe in-memory store port, for tests and single-process hosts; what every in-memory store of the SDK is.</summary>
/// <remarks>Records live as long as the instance. Saves are atomic compare-and-swap on the version, so concurrent writers
/// behave as they would against a database: one wins, the others get a conflict with the version it wrote.</remarks>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public abstract class InMemoryRecordStore<TKey, TRecord> : IRecordStore<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    private readonly ConcurrentDictionary<TKey, StoredRecord<TRecord>> _records;

    /// <summary>Creates an empty store.</summary>
    /// <param name="comparer">Compares keys, or null for the default comparer.</param>
    private protected InMemoryRecordStore(IEqualityComparer<TKey>? comparer = null) => _records = new(comparer);

    /// <summary>Gets the number of records stored.</summary>
    public int Count => _records.Count;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    public ValueTask<StoredRecord<TRecord>?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalidKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_records.TryGetValue(key, out var stored) ? stored : null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    public ValueTask<SaveResult> SaveAsync(TRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var key = KeyOf(record);
        if (expectedVersion == 0)
        {
            return ValueTask.FromResult(_records.TryAdd(key, new StoredRecord<TRecord>(record, 1))
                ? SaveResult.Saved(1)
                : SaveResult.Conflict(StoredVersion(key)));
        }

        while (true)
        {
            if (!_records.TryGetValue(key, out var current) || current.Version != expectedVersion)
            {
                return ValueTask.FromResult(SaveResult.Conflict(StoredVersion(key)));
            }

            if (_records.TryUpdate(key, new StoredRecord<TRecord>(record, expectedVersion + 1), current))
            {
                return ValueTask.FromResult(SaveResult.Saved(expectedVersion + 1));
            }
        }
    }

    /// <summary>The key a record is stored under.</summary>
    /// <param name="record">The record.</param>
    /// <returns>Its key.</returns>
    private protected abstract TKey KeyOf(TRecord record);

    /// <summary>Throws <see cref="ArgumentException"/> for a key no record can have.</summary>
    /// <param name="key">The key.</param>
    private protected abstract void ThrowIfInvalidKey(TKey key);

    private long StoredVersion(TKey key) => _records.TryGetValue(key, out var stored) ? stored.Version : 0;
}
