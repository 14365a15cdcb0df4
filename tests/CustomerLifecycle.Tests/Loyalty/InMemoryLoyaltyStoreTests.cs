using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class InMemoryLoyaltyStoreTests
{
    [Fact]
    public async Task TheStore_KeepsAccountsByMember_AndDetectsVersionConflicts()
    {
        var store = new InMemoryLoyaltyStore();
        var account = Run(DefaultEngine, Adjust("c", At(2026, 1, 1), 10));

        var first = await store.SaveAsync(account, 0);
        var stale = await store.SaveAsync(account, 0);
        var second = await store.SaveAsync(account, 1);

        Assert.Equal((SaveResult.Saved(1), SaveResult.Conflict(1), SaveResult.Saved(2)), (first, stale, second));
        Assert.Equal(new StoredRecord<LoyaltyRecord>(account, 2), await store.LoadAsync(Member));
        Assert.Null(await store.LoadAsync(CustomerId.From("nobody")));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.LoadAsync(default));
    }
}
