using System.Text;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite;

/// <summary>An <see cref="IFeedbackStore"/> over a SQLite file: one row per item (id, version, JSON), saved by a conditional update.</summary>
/// <remarks>It shares the file, schema and WAL mode of <see cref="SqliteLifecycleStore"/>. Thread-safe: every call uses its own pooled connection.</remarks>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly SqliteRecordTable<FeedbackRecord> _table;

    /// <summary>Creates a store over a SQLite file (created with its schema on first use), waiting up to 30 s for a lock.</summary>
    /// <param name="path">The database file's path.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public SqliteFeedbackStore(string path)
        : this(path, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Creates a store over a SQLite file (created with its schema on first use).</summary>
    /// <param name="path">The database file's path.</param>
    /// <param name="busyTimeout">How long to wait for another writer's lock before failing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public SqliteFeedbackStore(string path, TimeSpan busyTimeout)
        => _table = new(path, busyTimeout, "feedback_records", "id", record => Encoding.UTF8.GetBytes(FeedbackRecordJson.Serialize(record)), Deserialize);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null, empty or whitespace.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return _table.LoadAsync(key, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return _table.SaveAsync(record.Item.Id, record, expectedVersion, cancellationToken);
    }

    /// <exception cref="SqliteSchemaException">The record was written by a later release, in a shape this one does not know.</exception>
    private static FeedbackRecord Deserialize(ReadOnlySpan<byte> json)
    {
        var record = FeedbackRecordJson.Deserialize(json);
        return record.SchemaVersion <= FeedbackRecord.CurrentSchemaVersion
            ? record
            : throw new SqliteSchemaException($"The feedback record of item '{record.Item.Id}' has schema version {record.SchemaVersion}, written by a later release; this one reads up to {FeedbackRecord.CurrentSchemaVersion}. Upgrade CustomerLifecycle.Sqlite.");
    }
}
