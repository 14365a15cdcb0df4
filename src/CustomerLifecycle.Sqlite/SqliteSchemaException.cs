namespace CustomerLifecycle.Sqlite;

/// <summary>The database file's schema is newer than this package reads; nothing was read or written.</summary>
public sealed class SqliteSchemaException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SqliteSchemaException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public SqliteSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public SqliteSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
