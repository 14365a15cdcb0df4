using System.Globalization;
using CustomerLifecycle.Feedback;
using NodaTime;
using Xunit;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// The conformance suite for an <see cref="IFeedbackStore"/> adapter: inherit it in your test project, override
/// <see cref="StoreConformanceTests{TStore}.CreateStore"/>, and xunit runs every test below against your store.
/// </summary>
/// <remarks>
/// <para>Every test creates its own store with <see cref="StoreConformanceTests{TStore}.CreateStore"/> and hands it to <see cref="StoreConformanceTests{TStore}.DisposeStoreAsync"/> at the
/// end, pass or fail. The tests are public methods: a host can also call one directly to investigate a failure.</para>
/// <para>The suite covers the contract of the port (round trip, versions, conflicts, isolation between items, atomic
/// conditional saves, cancellation) and the guarantees <see cref="FeedbackService"/> builds on it (concurrent writers lose no
/// event, a re-delivered submission is stored once, long histories survive intact).</para>
/// </remarks>
public abstract class FeedbackStoreConformanceTests : RecordStoreConformanceTests<IFeedbackStore, string, FeedbackRecord>
{
    /// <summary>How many times a writer retries an event whose every save attempt lost a race, before the test fails.</summary>
    private const int MaxRetries = 100;

    private static readonly Instant Later = FeedbackSamples.At + Duration.FromMinutes(1);

    /// <summary>Gets how many events the long-history record holds.</summary>
    /// <value>The default value is 3000.</value>
    protected virtual int LongHistoryLength => 3000;


    /// <inheritdoc/>
    protected sealed override string Key(string name) => name;

    /// <inheritdoc/>
    protected sealed override IReadOnlyList<FeedbackRecord> Versions(string key, int count) => FeedbackSamples.Versions(key, count);

    /// <inheritdoc/>
    protected sealed override void AssertSameRecord(FeedbackRecord expected, FeedbackRecord actual) => FeedbackSamples.AssertSame(expected, actual);

    /// <summary>Every field of a record, its item and its history survives save → load.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RoundTrip_PreservesEveryField() => WithStore(async store =>
    {
        var reader = OpenSharedStore(store);
        try
        {
            foreach (var record in FeedbackSamples.Records())
            {
                Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(record, 0));
                var loaded = await reader.LoadAsync(record.Item.Id);
                Assert.NotNull(loaded);
                Assert.Equal(1, loaded.Version);
                FeedbackSamples.AssertSame(record, loaded.Record);
            }
        }
        finally
        {
            await ReleaseShared(store, reader);
        }
    });







    /// <summary>N writers × M events on one item through <see cref="FeedbackService"/>: every event is in the history exactly once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentWriters_ThroughTheService_LoseNothing() => WithStore(async store =>
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        Assert.True((await new FeedbackService(engine, store).SubmitAsync(FeedbackSamples.Item("busy"), FeedbackSamples.At)).Succeeded);
        var perWriter = EventsPerWriter;

        await RunConcurrently(store, ConcurrentWriters, async (writer, w) =>
        {
            var service = new FeedbackService(engine, writer, new RetryOptions { MaxAttempts = 100 });
            for (var e = 0; e < perWriter; e++)
            {
                // Acknowledge is allowed in every open state and carries a note, so each event is recognisable in the history.
                var note = string.Create(CultureInfo.InvariantCulture, $"w{w}-e{e}");
                var transition = await ApplyUntilSaved(service, "busy", new FeedbackEvent(FeedbackEventKind.Acknowledge, Later, note));
                Assert.True(transition.Succeeded, transition.Reason.Message);
            }

            return perWriter;
        });

        var loaded = await store.LoadAsync("busy");
        Assert.NotNull(loaded);
        var total = ConcurrentWriters * perWriter;
        Assert.Equal(1 + total, loaded.Version);
        var notes = loaded.Record.History.Where(e => e.Kind == FeedbackEventKind.Acknowledge).Select(e => e.Value).ToList();
        Assert.Equal(total, notes.Count);
        Assert.Equal(total, notes.Distinct(StringComparer.Ordinal).Count());
    });

    /// <summary>A submission delivered again, or by many writers at once, is stored once; the others are refused as existing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RedeliveredSubmissions_AreStoredOnce() => WithStore(async store =>
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        var service = new FeedbackService(engine, store);
        var first = await service.SubmitAsync(FeedbackSamples.Item("again"), FeedbackSamples.At);
        Assert.True(first.Succeeded);

        var second = await service.SubmitAsync(FeedbackSamples.Item("again"), Later);
        Assert.False(second.Succeeded);
        Assert.Equal("feedback.already-exists", second.Reason.Code);
        FeedbackSamples.AssertSame(first.Record, second.Record);
        var loaded = await store.LoadAsync("again");
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        FeedbackSamples.AssertSame(first.Record, loaded.Record);

        var submitted = await RunConcurrently(store, ConcurrentWriters, async (writer, _) =>
            (await new FeedbackService(engine, writer).SubmitAsync(FeedbackSamples.Item("at-once"), FeedbackSamples.At)).Succeeded);
        Assert.Equal(1, submitted.Count(s => s));
        var once = await store.LoadAsync("at-once");
        Assert.NotNull(once);
        Assert.Equal(1, once.Version);
    });

    /// <summary>A record with thousands of history events survives the round trip in order, and the service keeps appending to it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task LongHistory_SurvivesInOrder() => WithStore(async store =>
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        var record = engine.Triage(engine.Open(FeedbackSamples.Item("long")), FeedbackSamples.At);
        for (var i = 0; i < LongHistoryLength; i++)
        {
            var kind = (i % 3) switch { 0 => FeedbackEventKind.Acknowledge, 1 => FeedbackEventKind.Pause, _ => FeedbackEventKind.Resume };
            record = engine.Workflow.Apply(record, new FeedbackEvent(kind, FeedbackSamples.At + Duration.FromMinutes(i), string.Create(CultureInfo.InvariantCulture, $"#{i}")));
        }

        Assert.True((await store.SaveAsync(record, 0)).Succeeded);
        var loaded = await store.LoadAsync("long");
        Assert.NotNull(loaded);
        FeedbackSamples.AssertSame(record, loaded.Record);

        var service = new FeedbackService(engine, store);
        var end = FeedbackSamples.At + Duration.FromMinutes(LongHistoryLength);
        Assert.True((await service.ApplyAsync("long", new FeedbackEvent(FeedbackEventKind.Start, end)))?.Succeeded);
        Assert.True((await service.ApplyAsync("long", new FeedbackEvent(FeedbackEventKind.Resolve, end)))?.Succeeded);
        var final = await store.LoadAsync("long");
        Assert.NotNull(final);
        Assert.Equal(3, final.Version);
        Assert.Equal(FeedbackState.Resolved, final.Record.State);
        Assert.Equal(record.History.Count + 2, final.Record.History.Count);
        Assert.Equal(record.History, final.Record.History.Take(record.History.Count));
    });

    /// <summary>A cancelled token makes load and save throw <see cref="OperationCanceledException"/>, and nothing is saved.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Cancellation_IsHonoured_AndNothingIsSaved() => WithStore(async store =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var versions = FeedbackSamples.Versions("cancelled", 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[0], 0, cancelled.Token));
        Assert.Null(await store.LoadAsync("cancelled"));

        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[1], 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadAsync("cancelled", cancelled.Token));

        var service = new FeedbackService(new FeedbackEngine(new FeedbackOptions()), store);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await service.SubmitAsync(FeedbackSamples.Item("cancelled-submission"), FeedbackSamples.At, cancelled.Token));
        Assert.Null(await store.LoadAsync("cancelled-submission"));

        var loaded = await store.LoadAsync("cancelled");
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        FeedbackSamples.AssertSame(versions[0], loaded.Record);
    });

    private static async Task<FeedbackTransition> ApplyUntilSaved(FeedbackService service, string feedbackId, FeedbackEvent feedbackEvent)
    {
        // A lost race saves nothing, so a host sends the same event again. Bounded, so that a store that never lets a save
        // through fails the test instead of hanging it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await service.ApplyAsync(feedbackId, feedbackEvent) ?? throw new Xunit.Sdk.XunitException($"Feedback '{feedbackId}' was not found.");
            }
            catch (StoreConflictException) when (attempt < MaxRetries)
            {
                await Task.Yield();
            }
        }
    }
}
