using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerLifecycle.Sqlite;

/// <summary>One table of records kept as (key, version, JSON) in a <see cref="SqliteDatabase"/>: the load, the conditional save
/// and the read loop every SQLite store shares.</summary>
/// <typeparam name="TRecord">The record.</typeparam>
internal sealed class SqliteRecordTable<TRecord>
    where TRecord : class
{
    /// <summary>How many keys one load query names: well under SQLite's limit of host parameters.</summary>
    private const int LoadChunk = 500;

    /// <summary>How many records a batch save serialises at once.</summary>
    private const int SaveChunk = 1024;

    private readonly string _table;
    private readonly string _key;
    /// <summary>A record's JSON in UTF-8: SQLite keeps text so, and it is written as it is.</summary>
    private readonly Func<TRecord, byte[]> _serialize;
    private readonly StoredJson.Reader<TRecord> _deserialize;

    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public SqliteRecordTable(string path, TimeSpan busyTimeout, string table, string key, Func<TRecord, byte[]> serialize, StoredJson.Reader<TRecord> deserialize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.Zero);
        Database = new SqliteDatabase(path, busyTimeout);
        _table = table;
        _key = key;
        _serialize = serialize;
        _deserialize = deserialize;
    }

    public SqliteDatabase Database { get; }

    public async ValueTask<StoredRecord<TRecord>?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, record FROM {_table} WHERE {_key} = $k";
        command.Parameters.AddWithValue("$k", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredRecord<TRecord>(_deserialize(reader.GetFieldValue<byte[]>(1)), reader.GetInt64(0))
            : null;
    }

    public async ValueTask<SaveResult> SaveAsync(string key, TRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = _serialize(record);
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var writer = OpenWriter(connection, transaction);
        var result = writer.TryWrite(key, json, expectedVersion) ? SaveResult.Saved(expectedVersion + 1) : SaveResult.Conflict(writer.CurrentVersion(key));
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return result;
    }

    /// <summary>The records of many keys, aligned with <paramref name="keys"/>: a chunk of keys per query (an IN list of at most
    /// <see cref="LoadChunk"/> parameters, one prepared statement reused), each chunk's JSON read as the UTF-8 bytes SQLite
    /// keeps (no UTF-16 string to transcode back), deserialised on every core while the next chunk is read (SQLite reads on
    /// one thread), and dropped once deserialised, so that it dies young rather than piling up for a full collection.</summary>
    public async ValueTask<IReadOnlyList<StoredRecord<TRecord>?>> LoadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var byKey = new Dictionary<string, StoredRecord<TRecord>>(StringComparer.Ordinal);
        var rows = new List<(string Key, long Version, byte[] Json)>(LoadChunk);
        var rowsBefore = new List<(string Key, long Version, byte[] Json)>(LoadChunk);
        Task? deserializing = null;
        await using (var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            SqliteCommand? command = null;
            try
            {
                for (var start = 0; start < keys.Count; start += LoadChunk)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(LoadChunk, keys.Count - start);
                    if (command is null || command.Parameters.Count != count)
                    {
                        command?.Dispose();
                        command = LoadCommand(connection, count);
                    }

                    for (var i = 0; i < count; i++)
                    {
                        command.Parameters[i].Value = keys[start + i];
                    }

                    rows.Clear();
                    await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)));
                        }
                    }

                    // The chunk before is deserialised by now, or soon: its rows are then free for the chunk after this one.
                    if (deserializing is not null)
                    {
                        await deserializing.ConfigureAwait(false);
                    }

                    var chunk = rows;
                    deserializing = Task.Run(() => Deserialize(chunk, byKey, cancellationToken), cancellationToken);
                    (rows, rowsBefore) = (rowsBefore, rows);
                }

                if (deserializing is not null)
                {
                    await deserializing.ConfigureAwait(false);
                    deserializing = null;
                }
            }
            finally
            {
                command?.Dispose();
                if (deserializing is not null)
                {
                    // A read failed: the chunk being deserialised is not needed, and the read's failure is the one to report.
                    await deserializing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }

        var loaded = new StoredRecord<TRecord>?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            loaded[i] = byKey.GetValueOrDefault(keys[i]);
        }

        return loaded;
    }

    /// <summary>Deserialises a chunk's rows on every core into <paramref name="byKey"/>, which only one chunk at a time adds to.</summary>
    private void Deserialize(List<(string Key, long Version, byte[] Json)> rows, Dictionary<string, StoredRecord<TRecord>> byKey, CancellationToken cancellationToken)
    {
        var records = new StoredRecord<TRecord>[rows.Count];
        ParallelRows.For(rows.Count, cancellationToken, i => records[i] = new StoredRecord<TRecord>(_deserialize(rows[i].Json), rows[i].Version));
        for (var i = 0; i < rows.Count; i++)
        {
            byKey[rows[i].Key] = records[i];
        }
    }

    /// <summary>Writes every save in one transaction, or none: the conflicts are collected and the transaction rolled back.</summary>
    /// <remarks>The JSON is written a chunk at a time, each chunk serialised on every core while the one before is written
    /// (SQLite writes on one thread, so the serialising and the writing overlap), and released once written: a batch of
    /// hundreds of thousands of records never holds more than two chunks of JSON, which die young instead of piling up for a
    /// full collection.</remarks>
    /// <param name="saves">The saves, already checked by <see cref="RecordBatch.ThrowIfInvalid"/>.</param>
    /// <param name="keyOf">A record's key.</param>
    /// <param name="alsoWrite">Further writes in the same transaction, once the saves have no conflict; null for none.</param>
    /// <param name="cancellationToken">Cancels the batch; nothing is written then.</param>
    public async ValueTask<RecordBatchResult<TKey>> SaveManyAsync<TKey>(
        IReadOnlyList<RecordSave<TRecord>> saves,
        Func<TRecord, TKey> keyOf,
        Action<SqliteConnection, SqliteTransaction>? alsoWrite,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = new byte[Math.Min(SaveChunk, saves.Count)][];
        var nextJson = new byte[json.Length][];
        var versions = new long[saves.Count];
        List<RecordConflict<TKey>>? conflicts = null;
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        using var writer = OpenWriter(connection, transaction);
        var serializing = saves.Count > 0 ? SerializeChunk(saves, 0, json, cancellationToken) : null;
        try
        {
            for (var start = 0; serializing is not null; start += SaveChunk)
            {
                await serializing.ConfigureAwait(false);
                serializing = start + SaveChunk < saves.Count ? SerializeChunk(saves, start + SaveChunk, nextJson, cancellationToken) : null;
                var count = Math.Min(SaveChunk, saves.Count - start);
                for (var i = 0; i < count; i++)
                {
                    var save = saves[start + i];
                    var key = keyOf(save.Record);
                    var text = key.ToString()!;
                    if (writer.TryWrite(text, json[i], save.ExpectedVersion))
                    {
                        versions[start + i] = save.ExpectedVersion + 1;
                    }
                    else
                    {
                        (conflicts ??= []).Add(new RecordConflict<TKey>(key, save.ExpectedVersion, writer.CurrentVersion(text)));
                    }
                }

                Array.Clear(json, 0, count);
                (json, nextJson) = (nextJson, json);
            }
        }
        finally
        {
            if (serializing is not null)
            {
                // A write failed: the chunk being serialised is not needed, and the write's failure is the one to report.
                await serializing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (conflicts is not null)
        {
            transaction.Rollback();
            return new RecordBatchResult<TKey>([], conflicts);
        }

        alsoWrite?.Invoke(connection, transaction);
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return new RecordBatchResult<TKey>(versions, []);
    }

    /// <summary>Serialises the chunk of saves from <paramref name="start"/> into <paramref name="json"/>, on every core, off the caller's thread.</summary>
    private Task SerializeChunk(IReadOnlyList<RecordSave<TRecord>> saves, int start, byte[][] json, CancellationToken cancellationToken)
        => Task.Run(
            () => ParallelRows.For(Math.Min(SaveChunk, saves.Count - start), cancellationToken, i => json[i] = _serialize(saves[start + i].Record)),
            cancellationToken);

    /// <summary>Every record with its version, ordered by key; the JSON is read first and deserialised on every core.</summary>
    public async ValueTask<IReadOnlyList<StoredRecord<TRecord>>> LoadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, record FROM {_table} ORDER BY {_key}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Version, byte[] Json)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
        }

        var records = new StoredRecord<TRecord>[rows.Count];
        ParallelRows.For(rows.Count, cancellationToken, i => records[i] = new StoredRecord<TRecord>(_deserialize(rows[i].Json), rows[i].Version));
        return records;
    }

    private SqliteCommand LoadCommand(SqliteConnection connection, int count)
    {
        var command = connection.CreateCommand();
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(names[i], SqliteType.Text);
        }

        command.CommandText = $"SELECT {_key}, version, record FROM {_table} WHERE {_key} IN ({string.Join(", ", names)})";
        command.Prepare();
        return command;
    }

    /// <summary>Prepared statements for conditional writes to this table inside <paramref name="transaction"/>.</summary>
    public Writer OpenWriter(SqliteConnection connection, SqliteTransaction transaction) => new(this, connection, transaction);

    /// <summary>Prepared statements for conditional writes inside one transaction.</summary>
    /// <remarks>The writes are SQLite's own statements, not commands: a command binds text from a string, so the record's
    /// UTF-8 JSON would be made a string and back again for each row; here it is bound as the UTF-8 text it is.</remarks>
    internal sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _insert;
        private readonly sqlite3_stmt _update;
        private readonly SqliteCommand _version;

        public Writer(SqliteRecordTable<TRecord> table, SqliteConnection connection, SqliteTransaction transaction)
        {
            _connection = connection;
            _insert = Prepare(connection, $"INSERT INTO {table._table} ({table._key}, version, record) VALUES (?1, 1, ?2) ON CONFLICT ({table._key}) DO NOTHING");
            _update = Prepare(connection, $"UPDATE {table._table} SET version = ?3 + 1, record = ?2 WHERE {table._key} = ?1 AND version = ?3");
            _version = connection.CreateCommand();
            _version.Transaction = transaction;
            _version.CommandText = $"SELECT version FROM {table._table} WHERE {table._key} = $k";
            _version.Parameters.Add("$k", SqliteType.Text);
        }

        /// <summary>Writes the record's UTF-8 JSON if the stored version is still <paramref name="expectedVersion"/> (0: none stored).</summary>
        /// <exception cref="SqliteException">SQLite refused the write (the file is locked longer than the busy timeout, corrupt, …).</exception>
        public bool TryWrite(string key, ReadOnlySpan<byte> json, long expectedVersion)
        {
            var statement = expectedVersion == 0 ? _insert : _update;
            try
            {
                Check(raw.sqlite3_bind_text(statement, 1, key));
                Check(raw.sqlite3_bind_text(statement, 2, json));
                if (expectedVersion != 0)
                {
                    Check(raw.sqlite3_bind_int64(statement, 3, expectedVersion));
                }

                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(done, _connection.Handle);
                }

                return raw.sqlite3_changes(_connection.Handle) == 1;
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }

        /// <summary>The version stored now, 0 when none is.</summary>
        public long CurrentVersion(string key)
        {
            _version.Parameters["$k"].Value = key;
            return _version.ExecuteScalar() is long version ? version : 0;
        }

        public void Dispose()
        {
            _insert.Dispose();
            _update.Dispose();
            _version.Dispose();
        }

        private static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
        {
            var prepared = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
            if (prepared != raw.SQLITE_OK)
            {
                statement.Dispose();
                SqliteException.ThrowExceptionForRC(prepared, connection.Handle);
            }

            return statement;
        }

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(result, _connection.Handle);
            }
        }
    }
}
