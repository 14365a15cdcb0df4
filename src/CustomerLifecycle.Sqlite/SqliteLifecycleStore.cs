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
    private readonly SqliteDatabase _database;

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
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.Zero);
        _database = new SqliteDatabase(path, busyTimeout);
    }

    /// <summary>Gets the database file's path.</summary>
    public string Path => _database.Path;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="key"/> is default.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(key);
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, record FROM lifecycle_records WHERE customer = $c";
        command.Parameters.AddWithValue("$c", key.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredRecord<LifecycleRecord>(Deserialize(reader.GetString(1)), reader.GetInt64(0))
            : null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var writer = new RecordWriter(connection, transaction);
        var saved = writer.TryWrite(record.Customer, Serialize(record), expectedVersion);
        var result = saved ? SaveResult.Saved(expectedVersion + 1) : SaveResult.Conflict(writer.CurrentVersion(record.Customer));
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return result;
    }

    /// <summary>Saves many records, and records the ids of the events applied to them, in one transaction: all or nothing.</summary>
    /// <param name="saves">The records with their expected versions; one per customer.</param>
    /// <param name="appliedEvents">The events the records now include, remembered so a later import can tell new events from duplicates; null for none.</param>
    /// <param name="cancellationToken">Cancels the batch (nothing is written then).</param>
    /// <returns>The new versions, or the conflicts (then nothing was written).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saves"/> is null.</exception>
    /// <exception cref="ArgumentException">A save's record is null, or its expected version is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was written.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout; nothing was written.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<LifecycleBatchResult> SaveManyAsync(
        IReadOnlyList<LifecycleRecordSave> saves,
        IReadOnlyList<LifecycleEvent>? appliedEvents = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saves);
        for (var i = 0; i < saves.Count; i++)
        {
            if (saves[i].Record is null || saves[i].ExpectedVersion < 0)
            {
                throw new ArgumentException($"saves[{i}] has a null record or a negative expected version.", nameof(saves));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Serialising is the CPU-bound part of a big batch; do it before taking the write lock, on every core.
        var json = new string[saves.Count];
        Parallel.For(0, saves.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => json[i] = Serialize(saves[i].Record));
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var writer = new RecordWriter(connection, transaction);
        var versions = new long[saves.Count];
        List<LifecycleBatchConflict>? conflicts = null;
        for (var i = 0; i < saves.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var save = saves[i];
            if (writer.TryWrite(save.Record.Customer, json[i], save.ExpectedVersion))
            {
                versions[i] = save.ExpectedVersion + 1;
            }
            else
            {
                (conflicts ??= []).Add(new LifecycleBatchConflict(save.Record.Customer, save.ExpectedVersion, writer.CurrentVersion(save.Record.Customer)));
            }
        }

        if (conflicts is not null)
        {
            transaction.Rollback();
            return new LifecycleBatchResult([], conflicts);
        }

        if (appliedEvents is not null)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO lifecycle_events (id, customer, occurred_at) VALUES ($id, $c, $at)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var customer = insert.Parameters.Add("$c", SqliteType.Text);
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
                customer.Value = @event.Customer.ToString();
                at.Value = @event.OccurredAt.ToUnixTimeTicks();
                insert.ExecuteNonQuery();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return new LifecycleBatchResult(versions, []);
    }

    /// <summary>Loads every stored record, ordered by customer id.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The records with their versions.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<IReadOnlyList<StoredRecord<LifecycleRecord>>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, record FROM lifecycle_records ORDER BY customer";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Version, string Json)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        var records = new StoredRecord<LifecycleRecord>[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => records[i] = new StoredRecord<LifecycleRecord>(Deserialize(rows[i].Json), rows[i].Version));
        return records;
    }

    /// <summary>Loads the ids of every event recorded by <see cref="SaveManyAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The ids (ordinal comparison).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SqliteException">The file is not a database, is corrupt, or stayed locked longer than the busy timeout.</exception>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this package reads.</exception>
    public async ValueTask<IReadOnlySet<string>> LoadEventIdsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
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

    private static string Serialize(LifecycleRecord record) => LifecycleRecordJson.Serialize(record);

    private static LifecycleRecord Deserialize(string json) => LifecycleRecordJson.Deserialize(json);

    /// <summary>Prepared statements for conditional writes inside one transaction.</summary>
    private sealed class RecordWriter : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _version;

        public RecordWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = "INSERT INTO lifecycle_records (customer, version, record) VALUES ($c, 1, $r) ON CONFLICT (customer) DO NOTHING";
            _insert.Parameters.Add("$c", SqliteType.Text);
            _insert.Parameters.Add("$r", SqliteType.Text);
            _update = connection.CreateCommand();
            _update.Transaction = transaction;
            _update.CommandText = "UPDATE lifecycle_records SET version = $e + 1, record = $r WHERE customer = $c AND version = $e";
            _update.Parameters.Add("$c", SqliteType.Text);
            _update.Parameters.Add("$r", SqliteType.Text);
            _update.Parameters.Add("$e", SqliteType.Integer);
            _version = connection.CreateCommand();
            _version.Transaction = transaction;
            _version.CommandText = "SELECT version FROM lifecycle_records WHERE customer = $c";
            _version.Parameters.Add("$c", SqliteType.Text);
        }

        public bool TryWrite(CustomerId customer, string json, long expectedVersion)
        {
            var command = expectedVersion == 0 ? _insert : _update;
            command.Parameters["$c"].Value = customer.ToString();
            command.Parameters["$r"].Value = json;
            if (expectedVersion != 0)
            {
                command.Parameters["$e"].Value = expectedVersion;
            }

            return command.ExecuteNonQuery() == 1;
        }

        public long CurrentVersion(CustomerId customer)
        {
            _version.Parameters["$c"].Value = customer.ToString();
            return _version.ExecuteScalar() is long version ? version : 0;
        }

        public void Dispose()
        {
            _insert.Dispose();
            _update.Dispose();
            _version.Dispose();
        }
    }
}
