namespace CustomerLifecycle.Lifecycle;

/// <summary>The port through which lifecycle records are persisted; the host implements it over its own database.</summary>
/// <remarks>
/// Saves are optimistic: a save names the version it expects to replace and fails, reporting the current version, when the
/// stored record has moved on. Implementations must be safe to call from several threads at once.
/// </remarks>
public interface ILifecycleStore
{
    /// <summary>Loads a customer's record.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The record with its version, or null when the customer has none.</returns>
    ValueTask<StoredLifecycleRecord?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default);

    /// <summary>Saves a record if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="record">The record to store.</param>
    /// <param name="expectedVersion">The version loaded (0 when the customer had no record).</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>Saved with the new version, or a conflict with the version now stored.</returns>
    ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default);
}
