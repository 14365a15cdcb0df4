using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite;

/// <summary>An <see cref="IProfileStore"/> over a SQLite file: one row per customer (customer, version, the profile as JSON), saved by a conditional update.</summary>
/// <remarks>It shares the file, schema and WAL mode of <see cref="SqliteLifecycleStore"/>. The JSON keeps
/// <see cref="ProfileRecord.SchemaVersion"/>; a profile of a later schema is refused rather than read half. Thread-safe:
/// every call uses its own pooled connection.</remarks>
public sealed class SqliteProfileStore : IProfileStore
{
    private readonly SqliteRecordTable<ProfileRecord> _table;

    /// <summary>Creates a store over a SQLite file (created with its schema on first use), waiting up to 30 s for a lock.</summary>
    /// <param name="path">The database file's path.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public SqliteProfileStore(string path)
        : this(path, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Creates a store over a SQLite file (created with its schema on first use).</summary>
    /// <param name="path">The database file's path.</param>
    /// <param name="busyTimeout">How long to wait for another writer's lock before failing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public SqliteProfileStore(string path, TimeSpan busyTimeout)
        => _table = new(path, busyTimeout, "profile_records", "customer", ProfileRecordJson.SerializeUtf8, Deserialize);

    /// <summary>Gets the database file's path.</summary>
    public string Path => _table.Database.Path;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is default.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema, or the profile's, is newer than this package reads.</exception>
    public ValueTask<StoredRecord<ProfileRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default)
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
    public ValueTask<SaveResult> SaveAsync(ProfileRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return _table.SaveAsync(record.Customer.ToString(), record, expectedVersion, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>The keys are read a few hundred per query on one connection, and the profiles deserialised on every core.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is default.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema, or a profile's, is newer than this package reads.</exception>
    public ValueTask<IReadOnlyList<StoredRecord<ProfileRecord>?>> LoadManyAsync(IReadOnlyList<CustomerId> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var text = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            CustomerId.ThrowIfDefault(keys[i]);
            text[i] = keys[i].ToString();
        }

        return _table.LoadManyAsync(text, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>One transaction: the profiles are serialised on every core a few thousand at a time and written by prepared statements.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="saves"/> is null.</exception>
    /// <exception cref="ArgumentException">A save's record is null, its expected version is negative, or two saves are for one customer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was written.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout; nothing was written.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<RecordBatchResult<CustomerId>> SaveManyAsync(IReadOnlyList<RecordSave<ProfileRecord>> saves, CancellationToken cancellationToken = default)
    {
        RecordBatch.ThrowIfInvalid(saves, record => record.Customer);
        return _table.SaveManyAsync(saves, record => record.Customer, null, cancellationToken);
    }


    /// <exception cref="SqliteSchemaException">The profile, or its lifecycle record, was written by a later release, in a shape this one does not know.</exception>
    private static ProfileRecord Deserialize(ReadOnlySpan<byte> json)
    {
        var record = ProfileRecordJson.Deserialize(json);
        if (record.SchemaVersion > ProfileRecord.CurrentSchemaVersion)
        {
            throw new SqliteSchemaException($"The profile of customer '{record.Customer}' has schema version {record.SchemaVersion}, written by a later release; this one reads up to {ProfileRecord.CurrentSchemaVersion}. Upgrade CustomerLifecycle.Sqlite.");
        }

        return record.Lifecycle.SchemaVersion <= LifecycleRecord.CurrentSchemaVersion
            ? record
            : throw new SqliteSchemaException($"The lifecycle record in the profile of customer '{record.Customer}' has schema version {record.Lifecycle.SchemaVersion}, written by a later release; this one reads up to {LifecycleRecord.CurrentSchemaVersion}. Upgrade CustomerLifecycle.Sqlite.");
    }
}
