using CustomerLifecycle.Feedback;
using Microsoft.Extensions.Options;
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

        var submitted = await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        Assert.True(submitted.Succeeded);
        Assert.Equal("feedback.submitted", submitted.Reason.Code);
        Assert.Equal("Feedback 'F-1' was stored as service-issue, priority High, assigned to support.", submitted.Reason.Message);
        var stored = await store.LoadAsync("F-1", None);
        Assert.Equal((FeedbackState.Assigned, 1L), (stored!.Record.State, stored.Version));
        Assert.Same(submitted.Record, stored.Record);
    }

    [Fact]
    public async Task Submit_Twice_IsRefusedWithTheStoredRecord_AndChangesNothing()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        var first = await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var again = await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        Assert.False(again.Succeeded);
        Assert.Equal("feedback.already-exists", again.Reason.Code);
        Assert.Equal("Feedback 'F-1' exists already; apply events to it instead of submitting it again.", again.Reason.Message);
        Assert.Same(first.Record, again.Record);
        Assert.Equal(1, (await store.LoadAsync("F-1", None))!.Version);
    }

    [Fact]
    public async Task Apply_SavesTheNextVersion_AndReturnsTheEnginesTransition()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        var submitted = await service.SubmitAsync(HighServiceIssue(), Friday15, None);
        var start = new FeedbackEvent(FeedbackEventKind.Start, Utc(3, 28, 15, 10));

        var transition = await service.ApplyAsync("F-1", start, None);

        var expected = DefaultEngine.TryApply(submitted.Record, start);
        Assert.Equal((expected.Succeeded, expected.Reason, expected.Record.State), (transition!.Succeeded, transition.Reason, transition.Record.State));
        Assert.Equal(expected.Record.History, transition.Record.History);
        Assert.Equal("Applied Start to feedback 'F-1': Assigned → InProgress.", transition.Reason.Message);
        var stored = await store.LoadAsync("F-1", None);
        Assert.Equal((FeedbackState.InProgress, 2L), (stored!.Record.State, stored.Version));
    }

    [Fact]
    public async Task Apply_ToAnItemNeverSubmitted_IsNull_AndSavesNothing()
    {
        var store = new InMemoryFeedbackStore();

        var transition = await new FeedbackService(DefaultEngine, store).ApplyAsync("F-404", new FeedbackEvent(FeedbackEventKind.Start, Friday15), None);

        Assert.Null(transition);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Apply_AMoveTheWorkflowRefuses_ReturnsTheRefusal_AndSavesNothing()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var transition = await service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Confirm, Utc(3, 28, 16)), None);

        Assert.False(transition!.Succeeded);
        Assert.Equal("feedback.workflow.invalid-transition", transition.Reason.Code);
        Assert.Equal(1, (await store.LoadAsync("F-1", None))!.Version);
    }

    [Fact]
    public async Task Apply_WhenEveryAttemptLosesTheRace_ThrowsStoreConflictException_AndSavesNothing()
    {
        var inner = new InMemoryFeedbackStore();
        await new FeedbackService(DefaultEngine, inner).SubmitAsync(HighServiceIssue(), Friday15, None);
        var store = new RacingStore(inner, races: int.MaxValue);
        var service = new FeedbackService(DefaultEngine, store, new RetryOptions { MaxAttempts = 4 });

        var ex = await Assert.ThrowsAsync<StoreConflictException>(async () => await service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Start, Utc(3, 28, 17)), None));

        Assert.Equal("The record 'F-1' was changed by other writers on each of 4 attempts (stored version 5); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.", ex.Message);
        Assert.Equal((4, "F-1", 5L), (ex.Attempts, ex.Key, ex.StoredVersion));
        var stored = await inner.LoadAsync("F-1", None);
        Assert.Equal(FeedbackState.Assigned, stored!.Record.State);
        Assert.DoesNotContain(stored.Record.History, e => e.Kind == FeedbackEventKind.Start);
    }

    [Fact]
    public async Task Apply_ALostRace_IsRetriedOnTheWinnersRecord_AndNothingIsAppliedTwice()
    {
        var inner = new InMemoryFeedbackStore();
        await new FeedbackService(DefaultEngine, inner).SubmitAsync(HighServiceIssue(), Friday15, None);
        var store = new RacingStore(inner, races: 1);
        var start = new FeedbackEvent(FeedbackEventKind.Start, Utc(3, 28, 17));

        var transition = await new FeedbackService(DefaultEngine, store).ApplyAsync("F-1", start, None);

        Assert.True(transition!.Succeeded);
        Assert.Equal(2, store.Saves);
        var stored = await inner.LoadAsync("F-1", None);
        Assert.Equal(3, stored!.Version);
        Assert.Equal(FeedbackState.InProgress, stored.Record.State);
        Assert.Equal(
            [(FeedbackEventKind.Acknowledge, RacingStore.Note), (FeedbackEventKind.Start, null)],
            stored.Record.History.Skip(3).Select(e => (e.Kind, e.Value)));
    }

    [Fact]
    public async Task ManyWritersAtOnce_EveryEventLandsOnceThroughRetries()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store, new RetryOptions { MaxAttempts = 50 });
        await service.SubmitAsync(HighServiceIssue(), Friday15, None);

        var transitions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Acknowledge, Utc(3, 28, 15, 5), $"n{i}"), None))));

        Assert.All(transitions, t => Assert.True(t!.Succeeded));
        var stored = await store.LoadAsync("F-1", None);
        Assert.Equal(9, stored!.Version);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"n{i}"), stored.Record.History.Skip(3).Select(e => e.Value!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Evaluate_AssessesTheStoredRecord_AsTheEngineDoes_OrIsNullForAnUnknownItem()
    {
        var store = new InMemoryFeedbackStore();
        var service = new FeedbackService(DefaultEngine, store);
        var submitted = await service.SubmitAsync(HighServiceIssue(), Friday15, None);
        var asOf = Utc(3, 31, 12);

        var assessment = await service.EvaluateAsync("F-1", asOf, None);

        var expected = DefaultEngine.Evaluate(submitted.Record, asOf);
        Assert.Equal((expected.Priority, expected.Team, expected.Score), (assessment!.Priority, assessment.Team, assessment.Score));
        Assert.Equal(expected.Reasons, assessment.Reasons);
        Assert.Equal(expected.Clocks, assessment.Clocks);
        Assert.Null(await service.EvaluateAsync("F-404", asOf, None));
        Assert.Equal(1, (await store.LoadAsync("F-1", None))!.Version);
    }

    [Fact]
    public async Task Guards_NameTheBadArgument()
    {
        var service = new FeedbackService(DefaultEngine, new InMemoryFeedbackStore());

        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => new FeedbackService(null!, new InMemoryFeedbackStore())).ParamName);
        Assert.Equal("store", Assert.Throws<ArgumentNullException>(() => new FeedbackService(DefaultEngine, null!)).ParamName);
        var retry = Assert.Throws<OptionsValidationException>(() => new FeedbackService(DefaultEngine, new InMemoryFeedbackStore(), new RetryOptions { MaxAttempts = 0 }));
        Assert.Equal(["MaxAttempts: must be in [1, 100] but was 0."], retry.Failures);
        var blank = await Assert.ThrowsAsync<ArgumentException>(async () => await service.ApplyAsync(" ", new FeedbackEvent(FeedbackEventKind.Start, Friday15), None));
        Assert.Equal("The value cannot be an empty string or composed entirely of whitespace. (Parameter 'feedbackId')", blank.Message);
        Assert.Equal("feedbackEvent", (await Assert.ThrowsAsync<ArgumentNullException>(async () => await service.ApplyAsync("F-1", null!, None))).ParamName);
        Assert.Equal("feedbackId", (await Assert.ThrowsAsync<ArgumentNullException>(async () => await service.EvaluateAsync(null!, Friday15, None))).ParamName);
        Assert.Equal("item", (await Assert.ThrowsAsync<ArgumentNullException>(async () => await service.SubmitAsync(null!, Friday15, None))).ParamName);
    }

    [Fact]
    public async Task InMemoryStore_ConcurrentFirstSaves_OnlyOneWins()
    {
        var store = new InMemoryFeedbackStore();
        var record = DefaultEngine.Open(HighServiceIssue());

        var saves = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await store.SaveAsync(record, 0, None))));

        Assert.Equal(1, saves.Count(s => s.Succeeded));
        Assert.All(saves.Where(s => !s.Succeeded), s => Assert.Equal(SaveResult.Conflict(1), s));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task InMemoryStore_ABlankKey_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await new InMemoryFeedbackStore().LoadAsync(string.Empty, None));

        Assert.Equal("The value cannot be an empty string or composed entirely of whitespace. (Parameter 'key')", ex.Message);
    }

    /// <summary>Before each of the first <c>races</c> saves, another writer acknowledges the item first, so that save loses.</summary>
    private sealed class RacingStore(IFeedbackStore inner, int races) : IFeedbackStore
    {
        public const string Note = "the other writer";

        private int _remaining = races;

        public int Saves { get; private set; }

        public ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default) => inner.LoadAsync(key, cancellationToken);

        public async ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default)
        {
            Saves++;
            if (_remaining > 0)
            {
                _remaining--;
                var current = (await inner.LoadAsync(record.Item.Id, cancellationToken))!;
                var other = DefaultEngine.Workflow.Apply(current.Record, new FeedbackEvent(FeedbackEventKind.Acknowledge, Utc(3, 28, 16), Note));
                Assert.True((await inner.SaveAsync(other, current.Version, cancellationToken)).Succeeded);
            }

            return await inner.SaveAsync(record, expectedVersion, cancellationToken);
        }
    }
}
