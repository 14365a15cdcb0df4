using System.Collections.Concurrent;

namespace CustomerLifecycle;

/// <summary>A thread-safe in-memory store port, for tests and single-process hosts; what every in-memory store of the SDK is.</summary>
/// <remarks>Records live as long as the instance. Saves compare and set the version under one write lock, so concurrent writers
/// behave as they would against a database: one wins, the others get a conflict with the version it wrote; a batch is checked
/// whole before any of it is written, so it is all or nothing. Loads take no lock (a load during a batch may see part of it).</remarks>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public abstract class InMemoryRecordStore<TKey, TRecord> : IRecordBatchStore<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    private readonly ConcurrentDictionary<TKey, StoredRecord<TRecord>> _records;
    private readonly Lock _write = new();

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
        lock (_write)
        {
            var current = StoredVersion(key);
            if (current != expectedVersion)
            {
                return ValueTask.FromResult(SaveResult.Conflict(current));
            }

            _records[key] = new StoredRecord<TRecord>(record, expectedVersion + 1);
            return ValueTask.FromResult(SaveResult.Saved(expectedVersion + 1));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is not a valid key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    public ValueTask<IReadOnlyList<StoredRecord<TRecord>?>> LoadManyAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var loaded = new StoredRecord<TRecord>?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            ThrowIfInvalidKey(keys[i]);
            loaded[i] = _records.TryGetValue(keys[i], out var stored) ? stored : null;
        }

        return ValueTask.FromResult<IReadOnlyList<StoredRecord<TRecord>?>>(loaded);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="saves"/> is null.</exception>
    /// <exception cref="ArgumentException">A save's record is null, its expected version is negative, or two saves share a key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled; nothing was written.</exception>
    public ValueTask<RecordBatchResult<TKey>> SaveManyAsync(IReadOnlyList<RecordSave<TRecord>> saves, CancellationToken cancellationToken = default)
    {
        RecordBatch.ThrowIfInvalid(saves, KeyOf, _records.Comparer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_write)
        {
            List<RecordConflict<TKey>>? conflicts = null;
            foreach (var save in saves)
            {
                var key = KeyOf(save.Record);
                var current = StoredVersion(key);
                if (current != save.ExpectedVersion)
                {
                    (conflicts ??= []).Add(new RecordConflict<TKey>(key, save.ExpectedVersion, current));
                }
            }

            if (conflicts is not null)
            {
                return ValueTask.FromResult(new RecordBatchResult<TKey>([], conflicts));
            }

            var versions = new long[saves.Count];
            for (var i = 0; i < saves.Count; i++)
            {
                versions[i] = saves[i].ExpectedVersion + 1;
                _records[KeyOf(saves[i].Record)] = new StoredRecord<TRecord>(saves[i].Record, versions[i]);
            }

            return ValueTask.FromResult(new RecordBatchResult<TKey>(versions, []));
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
