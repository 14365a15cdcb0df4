namespace CustomerLifecycle.Lifecycle;

/// <summary>A thread-safe in-memory <see cref="ILifecycleStore"/>, for tests and single-process hosts.</summary>
public sealed class InMemoryLifecycleStore : InMemoryRecordStore<CustomerId, LifecycleRecord>, ILifecycleStore
{
    /// <summary>Creates an empty store.</summary>
    public InMemoryLifecycleStore()
    {
    }

    private protected override CustomerId KeyOf(LifecycleRecord record) => record.Customer;

    private protected override void ThrowIfInvalidKey(CustomerId key) => CustomerId.ThrowIfDefault(key);
}
