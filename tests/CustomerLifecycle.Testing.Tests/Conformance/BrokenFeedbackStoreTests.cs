using CustomerLifecycle.Feedback;
using CustomerLifecycle.Testing.Conformance;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Tests.Conformance;

/// <summary>The feedback suite catches broken stores: its tests, run as plain methods against them, fail.</summary>
public sealed class BrokenFeedbackStoreTests
{
    [Fact]
    public async Task AStoreThatIgnoresTheExpectedVersion_FailsTheConflictTest()
    {
        var suite = new Suite(() => new IgnoresExpectedVersion());

        var failure = await Assert.ThrowsAsync<FalseException>(suite.Save_AgainstAnyOtherVersion_FailsAndChangesNothing);

        Assert.StartsWith("Saving over version 1 succeeded though nothing was stored.", failure.Message, StringComparison.Ordinal);
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

        var failure = await Assert.ThrowsAsync<EqualException>(suite.ConcurrentWriters_ThroughTheService_LoseNothing);

        Assert.Contains("Conflict", failure.Message, StringComparison.Ordinal);
    }

    private sealed class Suite(Func<IFeedbackStore> create) : FeedbackStoreConformanceTests
    {
        protected override IFeedbackStore CreateStore() => create();
    }

    /// <summary>Takes the first save (the submission), then loses every race.</summary>
    private sealed class AlwaysConflictsAfterTheFirst : IFeedbackStore
    {
        private readonly InMemoryFeedbackStore _inner = new();

        public ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default) => _inner.FindAsync(feedbackId, cancellationToken);

        public ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => expectedVersion == 0 ? _inner.TrySaveAsync(record, expectedVersion, cancellationToken) : ValueTask.FromResult(false);
    }

    /// <summary>Last write wins.</summary>
    private sealed class IgnoresExpectedVersion : IFeedbackStore
    {
        private readonly Dictionary<string, FeedbackRecord> _records = new(StringComparer.Ordinal);

        public ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_records)
            {
                return ValueTask.FromResult(_records.GetValueOrDefault(feedbackId));
            }
        }

        public ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_records)
            {
                _records[record.Item.Id] = record;
                return ValueTask.FromResult(true);
            }
        }
    }

    /// <summary>Reads the history back newest first, as an ORDER BY without ASC can.</summary>
    private sealed class ReversesHistory : IFeedbackStore
    {
        private readonly InMemoryFeedbackStore _inner = new();

        public async ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default)
            => await _inner.FindAsync(feedbackId, cancellationToken) is { } record ? record with { History = [.. record.History.Reverse()] } : null;

        public ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default) => _inner.TrySaveAsync(record, expectedVersion, cancellationToken);
    }

    /// <summary>Never looks at the token.</summary>
    private sealed class IgnoresCancellation : IFeedbackStore
    {
        private readonly InMemoryFeedbackStore _inner = new();

        public ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default) => _inner.FindAsync(feedbackId, CancellationToken.None);

        public ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default) => _inner.TrySaveAsync(record, expectedVersion, CancellationToken.None);
    }
}
