using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite;

/// <summary>One SQLite file shared by the stores: the connection string and the versioned schema, created on first use.</summary>
internal sealed class SqliteDatabase
{
    /// <summary>The schema this build writes and reads.</summary>
    public const int SchemaVersion = 3;

    // Migrations[v] brings a file of schema v to v + 1. Every statement is idempotent (IF NOT EXISTS) and only adds, so a
    // file of any earlier schema (0: a new file) is brought forward by the steps from its version on, its rows untouched.
    private static readonly string[][] Migrations =
    [
        [
            // Records are ~1 KB of JSON: rowid tables (WITHOUT ROWID suits small rows only) with the key as a unique index.
            "CREATE TABLE IF NOT EXISTS lifecycle_records (customer TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS lifecycle_events (id TEXT NOT NULL PRIMARY KEY, customer TEXT NOT NULL, occurred_at INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS feedback_records (id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL)",
        ],
        [
            "CREATE TABLE IF NOT EXISTS loyalty_records (member TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL)",
        ],
        [
            "CREATE TABLE IF NOT EXISTS profile_records (customer TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL)",
        ],
    ];

    private readonly Lock _gate = new();
    private volatile bool _ready;

    public SqliteDatabase(string path, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        BusyTimeoutMilliseconds = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public int BusyTimeoutMilliseconds { get; }

    /// <summary>Opens a connection with the schema in place (created on first use) and the busy timeout set.</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var pragma = connection.CreateCommand())
            {
                // NORMAL is the documented pairing with WAL: a commit survives an application crash, and the file never corrupts.
                // A 64 MB page cache keeps a bulk import's B-tree pages in memory.
                pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;";
                pragma.ExecuteNonQuery();
            }

            if (!_ready)
            {
                EnsureSchema(connection);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void EnsureSchema(SqliteConnection connection)
    {
        lock (_gate)
        {
            if (_ready)
            {
                return;
            }

            using (var wal = connection.CreateCommand())
            {
                // WAL lets readers go on while one writer commits; it is a property of the file, set once.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT MAX(version) FROM schema_version";
            var found = command.ExecuteScalar();
            var version = found is null or DBNull ? 0 : Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
            {
                throw new SqliteSchemaException(
                    $"The database '{Path}' has schema version {version}, newer than version {SchemaVersion} that this CustomerLifecycle.Sqlite reads; use a newer version of the package or another file.");
            }

            if (version < SchemaVersion)
            {
                foreach (var statement in Migrations.Skip((int)version).SelectMany(step => step))
                {
                    command.CommandText = statement;
                    command.ExecuteNonQuery();
                }

                command.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v)";
                command.Parameters.AddWithValue("$v", SchemaVersion);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            _ready = true;
        }
    }
}
