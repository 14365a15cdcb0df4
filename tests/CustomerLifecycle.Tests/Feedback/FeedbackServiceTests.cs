using CustomerLifecycle.Feedback;
using static CustomerLifecycle.Tests.Feedback.FeedbackTestData;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Submit_StoresTheTriagedRecordAtVersionOne()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);

        var result = await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        Assert.Equal(FeedbackCommandStatus.Applied, result.Status);
        Assert.Equal("Feedback 'F-1' was stored as service-issue, priority High, assigned to support.", result.Reason.Message);
        var stored = await store.FindAsync("F-1", None);
        Assert.Equal((FeedbackState.Assigned, 1L), (stored!.State, stored.Version));
    }

    [Fact]
    public async Task Submit_Twice_IsRejectedAndChangesNothing()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var again = await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        Assert.Equal(FeedbackCommandStatus.Rejected, again.Status);
        Assert.Equal("Feedback 'F-1' exists already; apply events to it instead of submitting it again.", again.Reason.Message);
        Assert.Equal(1, (await store.FindAsync("F-1", None))!.Version);
    }

    [Fact]
    public async Task Apply_SavesWithTheNextVersion()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var result = await service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Start, Utc(3, 28, 15, 10)), None);

        Assert.Equal((FeedbackCommandStatus.Applied, FeedbackState.InProgress, 2L, 1), (result.Status, result.Record!.State, result.Record.Version, result.Attempts));
        Assert.Equal("Applied Start to feedback 'F-1': Assigned → InProgress.", result.Reason.Message);
    }

    [Fact]
    public async Task Apply_UnknownItem_IsNotFound()
    {
        var result = await new FeedbackService(DefaultEngine, new InMemoryFeedbackStore()).ApplyAsync("F-404", new FeedbackEvent(FeedbackEventKind.Start, Friday15), None);

        Assert.Equal(FeedbackCommandStatus.NotFound, result.Status);
        Assert.Equal("No feedback 'F-404' is stored; submit it before applying Start.", result.Reason.Message);
    }

    [Fact]
    public async Task Apply_InvalidMove_IsRejectedAndNotSaved()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var result = await service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Confirm, Utc(3, 28, 16)), None);

        Assert.Equal(FeedbackCommandStatus.Rejected, result.Status);
        Assert.Equal("feedback.workflow.invalid-transition", result.Reason.Code);
        Assert.Equal(1, (await store.FindAsync("F-1", None))!.Version);
    }

    [Fact]
    public async Task Apply_RetriesAfterAConflict_AndGivesUpAfterMaxAttempts()
    {
        var inner = new InMemoryFeedbackStore();
        await new FeedbackService(DefaultEngine, inner).SubmitAsync(HighServiceIssue(), Friday15, None);
        var once = new ConflictingStore(inner, conflicts: 1);
        var always = new ConflictingStore(inner, conflicts: int.MaxValue);

        var retried = await new FeedbackService(DefaultEngine, once).ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Start, Utc(3, 28, 16)), None);
        var failed = await new FeedbackService(DefaultEngine, always, maxAttempts: 4).ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Resolve, Utc(3, 28, 17)), None);

        Assert.Equal((FeedbackCommandStatus.Applied, 2), (retried.Status, retried.Attempts));
        Assert.Equal((FeedbackCommandStatus.Conflict, 4, 4), (failed.Status, failed.Attempts, always.Saves));
        Assert.Equal("Feedback 'F-1' was changed by other writers on each of 4 attempts; Resolve was not saved. Try again.", failed.Reason.Message);
        Assert.Equal(FeedbackState.InProgress, (await inner.FindAsync("F-1", None))!.State);
    }

    [Fact]
    public async Task InMemoryStore_ConcurrentWriters_OnlyOneWinsEachVersion()
    {
        var store = new InMemoryFeedbackStore();
        var record = DefaultEngine.Open(HighServiceIssue()) with { Version = 1 };

        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await store.TrySaveAsync(record, 0, None))));

        Assert.Equal(1, wins.Count(w => w));
        Assert.Single(store.Records);
    }

    [Fact]
    public async Task InMemoryStore_WrongRecordVersion_IsRejected()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await new InMemoryFeedbackStore().TrySaveAsync(DefaultEngine.Open(HighServiceIssue()), 0, None));
        Assert.Equal("The record's Version must be expectedVersion + 1 (1) but was 0. (Parameter 'record')", ex.Message);
    }

    [Fact]
    public async Task Service_ConcurrentEvents_AllLandThroughRetries()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store, maxAttempts: 50);
        await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Acknowledge, Utc(3, 28, 15, 5)), None))));

        Assert.All(results, r => Assert.Equal(FeedbackCommandStatus.Applied, r.Status));
        Assert.Equal(9, (await store.FindAsync("F-1", None))!.Version);
    }

    [Fact]
    public void Constructor_GuardsItsArguments()
    {
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => new FeedbackService(null!, new InMemoryFeedbackStore())).ParamName);
        Assert.Equal("maxAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => new FeedbackService(DefaultEngine, new InMemoryFeedbackStore(), 0)).ParamName);
    }

    /// <summary>Reports a conflict for the first <c>conflicts</c> saves, as if another writer got there first.</summary>
    private sealed class ConflictingStore(IFeedbackStore inner, int conflicts) : IFeedbackStore
    {
        private int _remaining = conflicts;

        public int Saves { get; private set; }

        public ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default) => inner.FindAsync(feedbackId, cancellationToken);

        public ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            Saves++;
            if (_remaining > 0)
            {
                _remaining--;
                return ValueTask.FromResult(false);
            }

            return inner.TrySaveAsync(record, expectedVersion, cancellationToken);
        }
    }
}
