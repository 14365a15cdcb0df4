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
    public async Task TheSuiteDisposesEveryStoreItCreates()
    {
        var suite = new Suite(() => new InMemoryLifecycleStore());

        await suite.Customers_AreIsolated();
        await suite.ConcurrentSaves_AgainstOneVersion_ExactlyOneWins();

        Assert.Equal(2, suite.Created);
        Assert.Equal(2, suite.Disposed);
    }

    /// <summary>Not public: xunit must not discover it as a test class of its own.</summary>
    private sealed class Suite(Func<ILifecycleStore> create) : LifecycleStoreConformanceTests
    {
        public int Created { get; private set; }

        public int Disposed { get; private set; }

        protected override ILifecycleStore CreateStore()
        {
            Created++;
            return create();
        }

        protected override ValueTask DisposeStoreAsync(ILifecycleStore store)
        {
            Disposed++;
            return base.DisposeStoreAsync(store);
        }
    }

    /// <summary>Last write wins: the mistake the conflict tests exist for.</summary>
    private sealed class IgnoresExpectedVersion : ILifecycleStore
    {
        private readonly ConcurrentDictionary<CustomerId, StoredLifecycleRecord> _records = new();

        public ValueTask<StoredLifecycleRecord?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(_records.GetValueOrDefault(customer));
        }

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = _records.AddOrUpdate(record.Customer, _ => new StoredLifecycleRecord(record, 1), (_, current) => new StoredLifecycleRecord(record, current.Version + 1));
            return ValueTask.FromResult(SaveResult.Saved(stored.Version));
        }
    }

    /// <summary>Forgets a column, as a hand-written mapping can.</summary>
    private sealed class DropsRecentPurchases : ILifecycleStore
    {
        private readonly InMemoryLifecycleStore _inner = new();

        public ValueTask<StoredLifecycleRecord?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default) => _inner.LoadAsync(customer, cancellationToken);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => _inner.SaveAsync(record with { RecentPurchases = [] }, expectedVersion, cancellationToken);
    }

    /// <summary>Never looks at the token.</summary>
    private sealed class IgnoresCancellation : ILifecycleStore
    {
        private readonly InMemoryLifecycleStore _inner = new();

        public ValueTask<StoredLifecycleRecord?> LoadAsync(CustomerId customer, CancellationToken cancellationToken = default) => _inner.LoadAsync(customer, CancellationToken.None);

        public ValueTask<SaveResult> SaveAsync(LifecycleRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => _inner.SaveAsync(record, expectedVersion, CancellationToken.None);
    }
}
