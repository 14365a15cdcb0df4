using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Sqlite.Tests;

/// <summary>A database path in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cl-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "test.db");

    /// <summary>Runs a statement on the file directly (as an older release or another tool would have written it).</summary>
    /// <returns>The number of rows it changed.</returns>
    public int Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>The text of the first column of the first row a query returns.</summary>
    public string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
