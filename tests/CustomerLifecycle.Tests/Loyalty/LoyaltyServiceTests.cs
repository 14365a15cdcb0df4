using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyServiceTests
{
    [Fact]
    public async Task ApplyAsync_LoadsAppliesAndSaves()
    {
        var store = new InMemoryLoyaltyStore();
        var service = new LoyaltyService(DefaultEngine, store);

        var outcome = await service.ApplyAsync(Adjust("c", At(2026, 1, 1), 10));

        var stored = await store.LoadAsync(Member);
        Assert.Equal(LoyaltyOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(1, stored!.Version);
        Assert.Same(outcome.Record, stored.Record);
    }

    [Fact]
    public async Task ADuplicateOrARefusal_SavesNothing()
    {
        var store = new InMemoryLoyaltyStore();
        var service = new LoyaltyService(DefaultEngine, store);
        await service.ApplyAsync(Adjust("c", At(2026, 1, 1), 10));

        var again = await service.ApplyAsync(Adjust("c", At(2026, 1, 1), 10));
        var refused = await service.ApplyAsync(Redeem("r", At(2026, 1, 2)));

        Assert.Equal((LoyaltyOutcomeStatus.Duplicate, LoyaltyOutcomeStatus.Rejected), (again.Status, refused.Status));
        Assert.Equal(1, (await store.LoadAsync(Member))!.Version);
    }

    [Fact]
    public async Task ManyTasksApplyingCommandsToOneMember_LoseNone()
    {
        var store = new InMemoryLoyaltyStore();
        var service = new LoyaltyService(DefaultEngine, store, new RetryOptions { MaxAttempts = 100 });

        // One instant for all, so none is back-dated whatever order the writers win in; fewer writers than attempts.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => service.ApplyAsync(Adjust($"c-{i:D2}", At(2026, 1, 1), 1)).AsTask())));

        var stored = (await store.LoadAsync(Member))!;
        Assert.All(outcomes, o => Assert.Equal(LoyaltyOutcomeStatus.Applied, o.Status));
        Assert.Equal((40, 40L), (stored.Record.Entries.Length, stored.Version));
        Assert.Equal(40, DefaultEngine.Evaluate(stored.Record, At(2026, 1, 1)).Balance.Available);
    }

    [Fact]
    public async Task ConflictsBeyondTheAttempts_Throw_NamingTheMember()
    {
        var service = new LoyaltyService(DefaultEngine, new AlwaysConflictingStore(), new RetryOptions { MaxAttempts = 3 });

        var ex = await Assert.ThrowsAsync<StoreConflictException>(() => service.ApplyAsync(Adjust("c", At(2026, 1, 1), 10)).AsTask());

        Assert.Equal("The record 'm-1' was changed by other writers on each of 3 attempts (stored version 7); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.", ex.Message);
    }

    [Fact]
    public async Task EvaluateAsync_GivesTheStoredAccountsStatement_OrNullForAnUnknownMember()
    {
        var store = new InMemoryLoyaltyStore();
        var service = new LoyaltyService(DefaultEngine, store);
        await service.ApplyAsync(Adjust("c", At(2026, 1, 1), 10));

        var statement = await service.EvaluateAsync(Member, At(2026, 1, 2));
        var unknown = await service.EvaluateAsync(CustomerId.From("nobody"), At(2026, 1, 2));

        Assert.Equal(10, statement!.Balance.Available);
        Assert.Null(unknown);
        Assert.Equal(1, (await store.LoadAsync(Member))!.Version);
    }

    [Fact]
    public async Task TheService_GuardsItsArguments()
    {
        var service = new LoyaltyService(DefaultEngine, new InMemoryLoyaltyStore());

        Assert.Throws<ArgumentNullException>(() => new LoyaltyService(null!, new InMemoryLoyaltyStore()));
        Assert.Throws<ArgumentNullException>(() => new LoyaltyService(DefaultEngine, null!));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new LoyaltyService(DefaultEngine, new InMemoryLoyaltyStore(), new RetryOptions { MaxAttempts = 0 }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.ApplyAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => service.ApplyAsync(Adjust("c", At(2026, 1, 1), 1) with { Member = default }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => service.EvaluateAsync(default, At(2026, 1, 1)).AsTask());
    }

    private sealed class AlwaysConflictingStore : ILoyaltyStore
    {
        public ValueTask<StoredRecord<LoyaltyRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default)
            => ValueTask.FromResult<StoredRecord<LoyaltyRecord>?>(null);

        public ValueTask<SaveResult> SaveAsync(LoyaltyRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(SaveResult.Conflict(7));
    }
}
