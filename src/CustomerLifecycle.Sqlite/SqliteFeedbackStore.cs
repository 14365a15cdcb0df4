using System.Text.Json;
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
        => _table = new(path, busyTimeout, "feedback_records", "id", Serialize, Deserialize);

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

    private static string Serialize(FeedbackRecord record) => JsonSerializer.Serialize(record, StoreJsonContext.Default.FeedbackRecord);

    // Rows written before the version moved out of the record carry a "version" property too; it is ignored like any unknown
    // property, and the version column (which always agreed with it) is the one read.
    private static FeedbackRecord Deserialize(string json)
        => JsonSerializer.Deserialize(json, StoreJsonContext.Default.FeedbackRecord) ?? throw new JsonException("A stored feedback record is null.");
}
