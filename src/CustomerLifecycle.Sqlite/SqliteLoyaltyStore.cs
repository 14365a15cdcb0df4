using System.Text;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite;

/// <summary>An <see cref="ILoyaltyStore"/> over a SQLite file: one row per member (member, version, the ledger as JSON), saved by a conditional update.</summary>
/// <remarks>It shares the file, schema and WAL mode of <see cref="SqliteLifecycleStore"/>. Thread-safe: every call uses its own pooled connection.</remarks>
public sealed class SqliteLoyaltyStore : ILoyaltyStore
{
    private readonly SqliteRecordTable<LoyaltyRecord> _table;

    /// <summary>Creates a store over a SQLite file (created with its schema on first use), waiting up to 30 s for a lock.</summary>
    /// <param name="path">The database file's path.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public SqliteLoyaltyStore(string path)
        : this(path, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Creates a store over a SQLite file (created with its schema on first use).</summary>
    /// <param name="path">The database file's path.</param>
    /// <param name="busyTimeout">How long to wait for another writer's lock before failing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public SqliteLoyaltyStore(string path, TimeSpan busyTimeout)
        => _table = new(path, busyTimeout, "loyalty_records", "member", record => Encoding.UTF8.GetBytes(LoyaltyRecordJson.Serialize(record)), Deserialize);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is default.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema, or the record's, is newer than this package reads.</exception>
    public ValueTask<StoredRecord<LoyaltyRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(key);
        return _table.LoadAsync(key.ToString(), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's member is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public ValueTask<SaveResult> SaveAsync(LoyaltyRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        CustomerId.ThrowIfDefault(record.Member, nameof(record));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return _table.SaveAsync(record.Member.ToString(), record, expectedVersion, cancellationToken);
    }

    /// <exception cref="SqliteSchemaException">The record was written by a later release, in a shape this one does not know.</exception>
    private static LoyaltyRecord Deserialize(ReadOnlySpan<byte> json)
    {
        var (schemaVersion, record) = LoyaltyRecordJson.Deserialize(json);
        return schemaVersion <= LoyaltyRecordJson.CurrentSchemaVersion
            ? record
            : throw new SqliteSchemaException($"The loyalty record of member '{record.Member}' has schema version {schemaVersion}, written by a later release; this one reads up to {LoyaltyRecordJson.CurrentSchemaVersion}. Upgrade CustomerLifecycle.Sqlite.");
    }
}
