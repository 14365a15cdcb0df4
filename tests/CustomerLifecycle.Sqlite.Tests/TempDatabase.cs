using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite.Tests;

/// <summary>A database path in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cl-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "test.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
