using System.Text.Json;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite;

/// <summary>An <see cref="IFeedbackStore"/> over a SQLite file: one row per item (id, version, JSON), saved by a conditional update.</summary>
/// <remarks>It shares the file, schema and WAL mode of <see cref="SqliteLifecycleStore"/>. Thread-safe: every call uses its own pooled connection.</remarks>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private readonly SqliteDatabase _database;

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
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.Zero);
        _database = new SqliteDatabase(path, busyTimeout);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="feedbackId"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM feedback_records WHERE id = $id";
        command.Parameters.AddWithValue("$id", feedbackId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize(json, StoreJsonContext.Default.FeedbackRecord)
            : null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's version is not <paramref name="expectedVersion"/> + 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.Version != expectedVersion + 1)
        {
            throw new ArgumentException($"The record's Version must be expectedVersion + 1 ({expectedVersion + 1}) but was {record.Version}.", nameof(record));
        }

        var json = JsonSerializer.Serialize(record, StoreJsonContext.Default.FeedbackRecord);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedVersion == 0
            ? "INSERT INTO feedback_records (id, version, record) VALUES ($id, 1, $r) ON CONFLICT (id) DO NOTHING"
            : "UPDATE feedback_records SET version = $e + 1, record = $r WHERE id = $id AND version = $e";
        command.Parameters.AddWithValue("$id", record.Item.Id);
        command.Parameters.AddWithValue("$r", json);
        command.Parameters.AddWithValue("$e", expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
