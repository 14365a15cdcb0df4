namespace CustomerLifecycle.Loyalty;

/// <summary>A thread-safe in-memory <see cref="ILoyaltyStore"/>, for tests and single-process hosts.</summary>
public sealed class InMemoryLoyaltyStore : InMemoryRecordStore<CustomerId, LoyaltyRecord>, ILoyaltyStore
{
    /// <summary>Creates an empty store.</summary>
    public InMemoryLoyaltyStore()
    {
    }

    private protected override CustomerId KeyOf(LoyaltyRecord record) => record.Member;

    private protected override void ThrowIfInvalidKey(CustomerId key) => CustomerId.ThrowIfDefault(key);
}
