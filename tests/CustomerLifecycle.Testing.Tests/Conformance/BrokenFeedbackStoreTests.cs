using System.Collections.Concurrent;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Testing.Conformance;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The feedback suite catches broken stores: its tests, run as plain methods against them, fail.</summary>
public sealed class BrokenFeedbackStoreTests
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
    public async Task AStoreThatLosesTheHistoryOrder_FailsTheRoundTrip_NamingTheEvent()
    {
        var suite = new Suite(() => new ReversesHistory());

        var failure = await Assert.ThrowsAsync<XunitException>(suite.RoundTrip_PreservesEveryField);

        Assert.StartsWith("The stored feedback record '完整-ü \"quoted\" 'x';--' differs in History[0]: expected FeedbackEvent { Kind = Classify", failure.Message, StringComparison.Ordinal);
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
        var suite = new Suite(() => new AlwaysConflictsAfterTheFirst());

        var failure = await Assert.ThrowsAsync<StoreConflictException>(suite.ConcurrentWriters_ThroughTheService_LoseNothing);

        Assert.Equal("The record 'busy' was changed by other writers on each of 100 attempts (stored version 7); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.", failure.Message);
    }

    /// <summary>Not public: xunit must not discover it as a test class of its own.</summary>
    private sealed class Suite(Func<IFeedbackStore> create) : FeedbackStoreConformanceTests
    {
        protected override IFeedbackStore CreateStore() => create();
    }

    /// <summary>Takes the first save (the submission), then loses every race.</summary>
    private sealed class AlwaysConflictsAfterTheFirst : IFeedbackStore
    {
        private readonly InMemoryFeedbackStore _inner = new();

        public ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default) => _inner.LoadAsync(key, cancellationToken);

        public ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => expectedVersion == 0 ? _inner.SaveAsync(record, expectedVersion, cancellationToken) : ValueTask.FromResult(SaveResult.Conflict(7));
    }

    /// <summary>Last write wins: the mistake the conflict tests exist for.</summary>
    private sealed class IgnoresExpectedVersion : IFeedbackStore
    {
        private readonly ConcurrentDictionary<string, StoredRecord<FeedbackRecord>> _records = new(StringComparer.Ordinal);

        public ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(_records.GetValueOrDefault(key));
        }

        public ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = _records.AddOrUpdate(record.Item.Id, _ => new StoredRecord<FeedbackRecord>(record, 1), (_, current) => new StoredRecord<FeedbackRecord>(record, current.Version + 1));
            return ValueTask.FromResult(SaveResult.Saved(stored.Version));
        }
    }

    /// <summary>Reads the history back newest first, as an ORDER BY without ASC can.</summary>
    private sealed class ReversesHistory : IFeedbackStore
    {
        private readonly InMemoryFeedbackStore _inner = new();

        public async ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default)
            => await _inner.LoadAsync(key, cancellationToken) is { } stored ? stored with { Record = stored.Record with { History = [.. stored.Record.History.Reverse()] } } : null;

        public ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default) => _inner.SaveAsync(record, expectedVersion, cancellationToken);
    }

    /// <summary>Never looks at the token.</summary>
    private sealed class IgnoresCancellation : IFeedbackStore
    {
        private readonly InMemoryFeedbackStore _inner = new();

        public ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default) => _inner.LoadAsync(key, CancellationToken.None);

        public ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default) => _inner.SaveAsync(record, expectedVersion, CancellationToken.None);
    }
}
