namespace CustomerLifecycle.Profile;

/// <summary>A thread-safe in-memory <see cref="IProfileStore"/>, for tests and single-process hosts.</summary>
public sealed class InMemoryProfileStore : InMemoryRecordStore<CustomerId, ProfileRecord>, IProfileStore
{
    /// <summary>Creates an empty store.</summary>
    public InMemoryProfileStore()
    {
    }

    private protected override CustomerId KeyOf(ProfileRecord record) => record.Customer;

    private protected override void ThrowIfInvalidKey(CustomerId key) => CustomerId.ThrowIfDefault(key);
}
