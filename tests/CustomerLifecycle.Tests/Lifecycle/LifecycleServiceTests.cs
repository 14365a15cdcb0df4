using CustomerLifecycle.Lifecycle;
using static CustomerLifecycle.Tests.Lifecycle.LifecycleTestKit;

namespace CustomerLifecycle.Tests.Lifecycle;

public sealed class LifecycleServiceTests
{
    [Fact]
    public async Task ApplyAsync_LoadsAppliesAndSaves()
    {
        var store = new InMemoryLifecycleStore();
        var service = new LifecycleService(DefaultEngine, store);

        var outcome = await service.ApplyAsync(Purchase(At(2026, 1, 1)));

        var stored = await store.LoadAsync(Customer);
        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(1, stored!.Version);
        Assert.Equal("Onboarding", stored.Record.Stage);
    }

    [Fact]
    public async Task ADuplicateDelivery_SavesNothing()
    {
        var store = new InMemoryLifecycleStore();
        var service = new LifecycleService(DefaultEngine, store);
        var purchase = Purchase(At(2026, 1, 1));
        await service.ApplyAsync(purchase);

        var again = await service.ApplyAsync(purchase);

        Assert.Equal(LifecycleOutcomeStatus.Duplicate, again.Status);
        Assert.Equal(1, (await store.LoadAsync(Customer))!.Version);
    }

    [Fact]
    public async Task ManyTasksApplyingEventsToOneCustomer_LoseNoEvent()
    {
        var store = new InMemoryLifecycleStore();
        var service = new LifecycleService(DefaultEngine, store, new RetryOptions { MaxAttempts = 100 });
        var at = At(2026, 1, 1);
        await service.ApplyAsync(Purchase(at, "e-first"));

        // Every event shares one instant, so none is late whatever order the writers win in. Fewer writers than attempts:
        // every round of the race has a winner, so no writer can lose MaxAttempts times, however many cores run them.
        var events = Enumerable.Range(0, 60).Select(i => Activity(at, $"e-{i:D3}")).ToList();
        var outcomes = await Task.WhenAll(events.Select(e => Task.Run(() => service.ApplyAsync(e).AsTask())));

        var stored = (await store.LoadAsync(Customer))!;
        Assert.All(outcomes, o => Assert.Equal(LifecycleOutcomeStatus.Applied, o.Status));
        Assert.Equal(61, stored.Record.EventCount);
        Assert.Equal(61, stored.Record.MonthlyActivity.Sum());
        Assert.Equal(61, stored.Version);
    }

    [Fact]
    public async Task ConflictsBeyondTheAttempts_Throw_NamingTheCustomer()
    {
        var service = new LifecycleService(DefaultEngine, new AlwaysConflictingStore(), new RetryOptions { MaxAttempts = 3 });

        var ex = await Assert.ThrowsAsync<StoreConflictException>(() => service.ApplyAsync(Purchase(At(2026, 1, 1))).AsTask());

        Assert.Equal("The record 'c-1' was changed by other writers on each of 3 attempts (stored version 7); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.", ex.Message);
        Assert.Equal(3, ex.Attempts);
    }

    [Fact]
    public async Task EvaluateAsync_SavesOnlyWhenATransitionFired()
    {
        var store = new InMemoryLifecycleStore();
        var service = new LifecycleService(DefaultEngine, store);
        await service.ApplyAsync(Purchase(At(2026, 1, 1)));

        var quiet = await service.EvaluateAsync(Customer, At(2026, 1, 10));
        var churned = await service.EvaluateAsync(Customer, At(2026, 4, 1));
        var unknown = await service.EvaluateAsync(CustomerId.From("nobody"), At(2026, 4, 1));

        Assert.False(quiet!.Changed);
        Assert.Equal("Churned", churned!.Record!.Stage);
        Assert.Equal(2, (await store.LoadAsync(Customer))!.Version);
        Assert.Null(unknown);
    }

    [Fact]
    public void TheService_GuardsItsArguments()
    {
        Assert.Throws<ArgumentNullException>(() => new LifecycleService(null!, new InMemoryLifecycleStore()));
        Assert.Throws<ArgumentNullException>(() => new LifecycleService(DefaultEngine, null!));
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new LifecycleService(DefaultEngine, new InMemoryLifecycleStore(), new RetryOptions { MaxAttempts = 0 }));
        Assert.Equal(["MaxAttempts: must be in [1, 100] but was 0."], ex.Failures);
        Assert.Equal(typeof(RetryOptions), ex.OptionsType);
    }

    [Fact]
    public async Task TheInMemoryStore_DetectsVersionConflicts()
    {
        var store = new InMemoryLifecycleStore();
        var record = DefaultEngine.Create(Customer, At(2026, 1, 1));

        var first = await store.SaveAsync(record, 0);
        var stale = await store.SaveAsync(record, 0);
        var second = await store.SaveAsync(record, 1);
        var wrong = await store.SaveAsync(record, 5);

        Assert.Equal((SaveResult.Saved(1), SaveResult.Conflict(1), SaveResult.Saved(2), SaveResult.Conflict(2)), (first, stale, second, wrong));
        Assert.Equal(1, store.Count);
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await store.LoadAsync(Customer, new CancellationToken(canceled: true)));
    }

    private sealed class AlwaysConflictingStore : ILifecycleStore
    {
        public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult<StoredRecord<LifecycleRecord>?>(null);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(SaveResult.Conflict(7));
    }
}
