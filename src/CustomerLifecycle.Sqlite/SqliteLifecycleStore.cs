using System.Text;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite;

/// <summary>An <see cref="ILifecycleStore"/> over a SQLite file: the reference adapter a host can copy for its own database.</summary>
/// <remarks>
/// <para>Each record is one row (customer, version, JSON). A save is a conditional update on the version column, so two writers
/// that loaded the same version cannot both win; versions start at 1 and grow by one per save. The schema is created on first
/// use and versioned; the file runs in WAL mode. Thread-safe: every call uses its own pooled connection.</para>
/// <para>Besides the port, <see cref="SaveManyAsync"/> writes many records (and the ids of the events applied) in one
/// transaction, which is how a bulk import stays fast and all-or-nothing.</para>
/// </remarks>
public sealed class SqliteLifecycleStore : ILifecycleStore
{
    private readonly SqliteRecordTable<LifecycleRecord> _table;

    /// <summary>Creates a store over a SQLite file (created with its schema on first use), waiting up to 30 s for a lock.</summary>
    /// <param name="path">The database file's path.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public SqliteLifecycleStore(string path)
        : this(path, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Creates a store over a SQLite file (created with its schema on first use).</summary>
    /// <param name="path">The database file's path.</param>
    /// <param name="busyTimeout">How long to wait for another writer's lock before failing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public SqliteLifecycleStore(string path, TimeSpan busyTimeout)
        => _table = new(path, busyTimeout, "lifecycle_records", "customer", record => Encoding.UTF8.GetBytes(LifecycleRecordJson.Serialize(record)), Deserialize);

    /// <summary>Gets the database file's path.</summary>
    public string Path => _table.Database.Path;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is default.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(key);
        return _table.LoadAsync(key.ToString(), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return _table.SaveAsync(record.Customer.ToString(), record, expectedVersion, cancellationToken);
    }

    /// <summary>Saves many records, and records the ids of the events applied to them, in one transaction: all or nothing.</summary>
    /// <param name="saves">The records with their expected versions; one per customer.</param>
    /// <param name="appliedEvents">The events the records now include, remembered so a later import can tell new events from duplicates; null for none.</param>
    /// <param name="cancellationToken">Cancels the batch (nothing is written then).</param>
    /// <returns>The new versions, or the conflicts (then nothing was written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saves"/> is null.</exception>
    /// <exception cref="ArgumentException">A save's record is null, its expected version is negative, two saves are for one
    /// customer, or an applied event is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was written.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout; nothing was written.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<RecordBatchResult<CustomerId>> SaveManyAsync(
        IReadOnlyList<RecordSave<LifecycleRecord>> saves,
        IReadOnlyList<LifecycleEvent>? appliedEvents = null,
        CancellationToken cancellationToken = default)
    {
        RecordBatch.ThrowIfInvalid(saves, record => record.Customer);
        return _table.SaveManyAsync(
            saves,
            record => record.Customer,
            appliedEvents is null ? null : (connection, transaction) => WriteEventIds(connection, transaction, appliedEvents, cancellationToken),
            cancellationToken);
    }

    /// <summary>Loads every stored record, ordered by customer id.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The records with their versions.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<IReadOnlyList<StoredRecord<LifecycleRecord>>> LoadAllAsync(CancellationToken cancellationToken = default)
        => _table.LoadAllAsync(cancellationToken);

    /// <summary>Loads the ids of every event recorded by <see cref="SaveManyAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The ids (ordinal comparison).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<IReadOnlySet<string>> LoadEventIdsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _table.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM lifecycle_events";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static void WriteEventIds(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<LifecycleEvent> appliedEvents, CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO lifecycle_events (id, customer, occurred_at) VALUES ($id, $c, $at)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var eventCustomer = insert.Parameters.Add("$c", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Prepare();
        for (var i = 0; i < appliedEvents.Count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var @event = appliedEvents[i] ?? throw new ArgumentException($"appliedEvents[{i}] is null.", nameof(appliedEvents));
            id.Value = @event.Id;
            eventCustomer.Value = @event.Customer.ToString();
            at.Value = @event.OccurredAt.ToUnixTimeTicks();
            insert.ExecuteNonQuery();
        }
    }

    /// <exception cref="SqliteSchemaException">The record was written by a later release, in a shape this one does not know.</exception>
    private static LifecycleRecord Deserialize(ReadOnlySpan<byte> json)
    {
        var record = LifecycleRecordJson.Deserialize(json);
        return record.SchemaVersion <= LifecycleRecord.CurrentSchemaVersion
            ? record
            : throw new SqliteSchemaException($"The lifecycle record of customer '{record.Customer}' has schema version {record.SchemaVersion}, written by a later release; this one reads up to {LifecycleRecord.CurrentSchemaVersion}. Upgrade CustomerLifecycle.Sqlite.");
    }
}
