namespace CustomerLifecycle;

/// <summary>Thrown by a service when every load → apply → save attempt lost a version race to another writer.</summary>
/// <remarks>Nothing of the command was saved; trying again later is safe, as every service is idempotent under retries.</remarks>
public sealed class StoreConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The key of the record that kept changing, as text.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="storedVersion">The version stored when the last attempt gave up.</param>
    public StoreConflictException(string key, int attempts, long storedVersion)
        : base($"The record '{key}' was changed by other writers on each of {attempts} attempts (stored version {storedVersion}); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.")
    {
        Key = key;
        Attempts = attempts;
        StoredVersion = storedVersion;
    }

    /// <summary>Gets the key of the record that kept changing, as text.</summary>
    public string Key { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Gets the version stored when the last attempt gave up.</summary>
    public long StoredVersion { get; }
}
