using CustomerLifecycle.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

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
    private readonly Func<TRecord, string> _serialize;
    private readonly StoredJson.Reader<TRecord> _deserialize;

    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is negative.</exception>
    public SqliteRecordTable(string path, TimeSpan busyTimeout, string table, string key, Func<TRecord, string> serialize, StoredJson.Reader<TRecord> deserialize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.Zero);
        Database = new SqliteDatabase(path, busyTimeout);
        _table = table;
        _key = key;
        _serialize = serialize;
        _deserialize = deserialize;
    }

    public SqliteDatabase Database { get; }

    public string Serialize(TRecord record) => _serialize(record);

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
    /// keeps (no UTF-16 string to transcode back), deserialised on every core and
    /// dropped before the next is read, so that it dies young rather than piling up for a full collection.</summary>
    public async ValueTask<IReadOnlyList<StoredRecord<TRecord>?>> LoadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var byKey = new Dictionary<string, StoredRecord<TRecord>>(StringComparer.Ordinal);
        var rows = new List<(string Key, long Version, byte[] Json)>(LoadChunk);
        var records = new StoredRecord<TRecord>[LoadChunk];
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

                    ParallelRows.For(rows.Count, cancellationToken, i => records[i] = new StoredRecord<TRecord>(_deserialize(rows[i].Json), rows[i].Version));
                    for (var i = 0; i < rows.Count; i++)
                    {
                        byKey[rows[i].Key] = records[i];
                    }
                }
            }
            finally
            {
                command?.Dispose();
            }
        }

        var loaded = new StoredRecord<TRecord>?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            loaded[i] = byKey.GetValueOrDefault(keys[i]);
        }

        return loaded;
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
        var json = new string[Math.Min(SaveChunk, saves.Count)];
        var nextJson = new string[json.Length];
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
    private Task SerializeChunk(IReadOnlyList<RecordSave<TRecord>> saves, int start, string[] json, CancellationToken cancellationToken)
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
    internal sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _version;

        public Writer(SqliteRecordTable<TRecord> table, SqliteConnection connection, SqliteTransaction transaction)
        {
            _insert = Command(connection, transaction, $"INSERT INTO {table._table} ({table._key}, version, record) VALUES ($k, 1, $r) ON CONFLICT ({table._key}) DO NOTHING", withRecord: true);
            _update = Command(connection, transaction, $"UPDATE {table._table} SET version = $e + 1, record = $r WHERE {table._key} = $k AND version = $e", withRecord: true);
            _update.Parameters.Add("$e", SqliteType.Integer);
            _version = Command(connection, transaction, $"SELECT version FROM {table._table} WHERE {table._key} = $k", withRecord: false);
        }

        /// <summary>Writes the record if the stored version is still <paramref name="expectedVersion"/> (0: none stored).</summary>
        public bool TryWrite(string key, string json, long expectedVersion)
        {
            var command = expectedVersion == 0 ? _insert : _update;
            command.Parameters["$k"].Value = key;
            command.Parameters["$r"].Value = json;
            if (expectedVersion != 0)
            {
                command.Parameters["$e"].Value = expectedVersion;
            }

            return command.ExecuteNonQuery() == 1;
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

        private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string text, bool withRecord)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            command.Parameters.Add("$k", SqliteType.Text);
            if (withRecord)
            {
                command.Parameters.Add("$r", SqliteType.Text);
            }

            return command;
        }
    }
}
