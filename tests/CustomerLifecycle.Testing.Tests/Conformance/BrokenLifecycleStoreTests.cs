using System.Collections.Concurrent;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Conformance;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The suite catches broken stores: its tests, run as plain methods against them, fail.</summary>
public sealed class BrokenLifecycleStoreTests
{
    [Fact]
    public async Task AStoreThatIgnoresTheExpectedVersion_FailsTheConflictTests()
    {
        var suite = new Suite(() => new IgnoresExpectedVersion());

        var stale = await Assert.ThrowsAsync<EqualException>(suite.Save_WithAStaleVersion_IsAConflictAndChangesNothing);
        Assert.Contains("Succeeded = False", stale.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EqualException>(suite.Save_AtVersionZero_WhenARecordExists_IsAConflict);
        await Assert.ThrowsAsync<EqualException>(suite.Save_WithAVersionAhead_IsAConflict);
    }

    [Fact]
    public async Task AStoreThatDropsFields_FailsTheRoundTrip_NamingTheField()
    {
        var suite = new Suite(() => new DropsRecentPurchases());

        var failure = await Assert.ThrowsAsync<XunitException>(suite.RoundTrip_PreservesEveryField);

        Assert.StartsWith("The stored lifecycle record of customer '客户-Ünïcødé 'quoted' \"double\"; DROP TABLE x;--' differs in RecentPurchases: expected [", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreThatIgnoresCancellation_FailsTheCancellationTest()
    {
        var suite = new Suite(() => new IgnoresCancellation());

        await Assert.ThrowsAsync<ThrowsAnyException>(suite.Cancellation_IsHonoured_AndNothingIsSaved);
    }

    [Fact]
    public async Task AStoreThatNeverLetsASaveThrough_FailsTheConcurrencyTestInsteadOfHanging()
    {
        var suite = new Suite(() => new AlwaysConflicts());

        var failure = await Assert.ThrowsAsync<StoreConflictException>(suite.ConcurrentWriters_ThroughTheService_LoseNothing);

        Assert.Equal("The record 'busy' was changed by other writers on each of 100 attempts (stored version 7); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.", failure.Message);
    }

    [Fact]
    public async Task SharedStores_AreDisposedOnce_AndTheStoreItselfIsNotDisposedTwice()
    {
        var inner = new InMemoryLifecycleStore();
        var suite = new Suite(() => inner, shared: store => new Delegating(inner));

        await suite.RoundTrip_PreservesEveryField();
        await suite.ConcurrentSaves_AgainstOneVersion_ExactlyOneWins();

        // Round trip: the store and one reader; the race: the store and 8 writers per expected version (0 and 1).
        Assert.Equal(2, suite.Created);
        Assert.Equal(2 + 1 + 16, suite.Disposed);
        Assert.Equal(1 + 16, suite.Shared);
    }

    [Fact]
    public async Task TheSuiteDisposesEveryStoreItCreates()
    {
        var suite = new Suite(() => new InMemoryLifecycleStore());

        await suite.Keys_AreIsolated();
        await suite.ConcurrentSaves_AgainstOneVersion_ExactlyOneWins();

        Assert.Equal(2, suite.Created);
        Assert.Equal(2, suite.Disposed);
    }

    /// <summary>Not public: xunit must not discover it as a test class of its own.</summary>
    private sealed class Suite(Func<ILifecycleStore> create, Func<ILifecycleStore, ILifecycleStore>? shared = null) : LifecycleStoreConformanceTests
    {
        private int _disposed;
        private int _shared;

        public int Created { get; private set; }

        public int Disposed => _disposed;

        public int Shared => _shared;

        protected override ILifecycleStore OpenSharedStore(ILifecycleStore store)
        {
            if (shared is null)
            {
                return store;
            }

            Interlocked.Increment(ref _shared);
            return shared(store);
        }

        protected override ILifecycleStore CreateStore()
        {
            Created++;
            return create();
        }

        protected override ValueTask DisposeStoreAsync(ILifecycleStore store)
        {
            Interlocked.Increment(ref _disposed);
            return base.DisposeStoreAsync(store);
        }
    }

    /// <summary>Every save loses, as a store comparing against the wrong version column would.</summary>
    private sealed class AlwaysConflicts : ILifecycleStore
    {
        public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default) => ValueTask.FromResult<StoredRecord<LifecycleRecord>?>(null);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default) => ValueTask.FromResult(SaveResult.Conflict(7));
    }

    /// <summary>A second handle on the same data, as a second connection is.</summary>
    private sealed class Delegating(ILifecycleStore inner) : ILifecycleStore
    {
        public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default) => inner.LoadAsync(customer, cancellationToken);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default) => inner.SaveAsync(record, expectedVersion, cancellationToken);
    }

    /// <summary>Last write wins: the mistake the conflict tests exist for.</summary>
    private sealed class IgnoresExpectedVersion : ILifecycleStore
    {
        private readonly ConcurrentDictionary<CustomerId, StoredRecord<LifecycleRecord>> _records = new();

        public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(_records.GetValueOrDefault(customer));
        }

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = _records.AddOrUpdate(record.Customer, _ => new StoredRecord<LifecycleRecord>(record, 1), (_, current) => new StoredRecord<LifecycleRecord>(record, current.Version + 1));
            return ValueTask.FromResult(SaveResult.Saved(stored.Version));
        }
    }

    /// <summary>Forgets a column, as a hand-written mapping can.</summary>
    private sealed class DropsRecentPurchases : ILifecycleStore
    {
        private readonly InMemoryLifecycleStore _inner = new();

        public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default) => _inner.LoadAsync(customer, cancellationToken);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => _inner.SaveAsync(record with { RecentPurchases = [] }, expectedVersion, cancellationToken);
    }

    /// <summary>Never looks at the token.</summary>
    private sealed class IgnoresCancellation : ILifecycleStore
    {
        private readonly InMemoryLifecycleStore _inner = new();

        public ValueTask<StoredRecord<LifecycleRecord>?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default) => _inner.LoadAsync(customer, CancellationToken.None);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => _inner.SaveAsync(record, expectedVersion, CancellationToken.None);
    }
}
