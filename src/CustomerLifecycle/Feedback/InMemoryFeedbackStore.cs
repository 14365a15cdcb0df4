namespace CustomerLifecycle.Feedback;

/// <summary>A thread-safe <see cref="IFeedbackStore"/> in memory, for tests, samples and single-process hosts.</summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly Dictionary<string, FeedbackRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Gets a snapshot of every stored record, ordered by item id.</summary>
    public IReadOnlyList<FeedbackRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.Values.OrderBy(r => r.Item.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="feedbackId"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_records.GetValueOrDefault(feedbackId));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's version is not <paramref name="expectedVersion"/> + 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.Version != expectedVersion + 1)
        {
            throw new ArgumentException($"The record's Version must be expectedVersion + 1 ({expectedVersion + 1}) but was {record.Version}.", nameof(record));
        }

        lock (_gate)
        {
            var stored = _records.TryGetValue(record.Item.Id, out var current) ? current.Version : 0;
            if (stored != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            _records[record.Item.Id] = record;
            return ValueTask.FromResult(true);
        }
    }
}
