using System.Collections.Concurrent;

namespace CustomerLifecycle.Lifecycle;

/// <summary>A thread-safe <see cref="ILifecycleStore"/> in memory: for tests, demos and hosts that keep records elsewhere between runs.</summary>
/// <remarks>Versions start at 1 and grow by one per save; a save against any other version is a conflict.</remarks>
public sealed class InMemoryLifecycleStore : ILifecycleStore
{
    private readonly ConcurrentDictionary<CustomerId, StoredLifecycleRecord> _records = new();

    /// <summary>Gets the number of customers stored.</summary>
    public int Count => _records.Count;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<StoredLifecycleRecord?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(customer);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_records.TryGetValue(customer, out var stored) ? stored : null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        if (expectedVersion == 0)
        {
            return ValueTask.FromResult(_records.TryAdd(record.Customer, new StoredLifecycleRecord(record, 1))
                ? SaveResult.Saved(1)
                : SaveResult.Conflict(CurrentVersion(record.Customer)));
        }

        while (true)
        {
            if (!_records.TryGetValue(record.Customer, out var current) || current.Version != expectedVersion)
            {
                return ValueTask.FromResult(SaveResult.Conflict(CurrentVersion(record.Customer)));
            }

            if (_records.TryUpdate(record.Customer, new StoredLifecycleRecord(record, expectedVersion + 1), current))
            {
                return ValueTask.FromResult(SaveResult.Saved(expectedVersion + 1));
            }
        }
    }

    private long CurrentVersion(CustomerId customer) => _records.TryGetValue(customer, out var stored) ? stored.Version : 0;
}
