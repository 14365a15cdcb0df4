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
public abstract class FeedbackStoreConformanceTests : StoreConformanceTests<IFeedbackStore>
{
    /// <summary>How many times a writer sends an event again after a conflict, before the test fails.</summary>
    private const int MaxRetries = 100;

    private static readonly Instant Later = FeedbackSamples.At + Duration.FromMinutes(1);

    /// <summary>Gets how many events the long-history record holds.</summary>
    /// <value>The default value is 3000.</value>
    protected virtual int LongHistoryLength => 3000;

    /// <summary>An item nobody saved is not found.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Find_OfAnItemNeverSaved_IsNull() => WithStore(async store =>
    {
        Assert.Null(await store.FindAsync("nothing"));
    });

    /// <summary>Every field of a record, its item and its history survives save → find.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RoundTrip_PreservesEveryField() => WithStore(async store =>
    {
        var reader = OpenSharedStore(store);
        try
        {
            foreach (var record in FeedbackSamples.Records())
            {
                Assert.True(await store.TrySaveAsync(record, 0));
                var loaded = await reader.FindAsync(record.Item.Id);
                Assert.NotNull(loaded);
                FeedbackSamples.AssertSame(record, loaded);
            }
        }
        finally
        {
            await ReleaseShared(store, reader);
        }
    });

    /// <summary>Successive saves against the version loaded succeed, and the latest record is the one found.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Save_AgainstTheStoredVersion_Succeeds() => WithStore(async store =>
    {
        var versions = FeedbackSamples.Versions("versions", 4);
        for (var i = 0; i < versions.Count; i++)
        {
            Assert.True(await store.TrySaveAsync(versions[i], i), $"Saving version {i + 1} over version {i} failed.");
        }

        var loaded = await store.FindAsync("versions");
        Assert.NotNull(loaded);
        FeedbackSamples.AssertSame(versions[^1], loaded);
    });

    /// <summary>A save against a stale version, against version 0 when a record exists, or against a version never stored fails and changes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Save_AgainstAnyOtherVersion_FailsAndChangesNothing() => WithStore(async store =>
    {
        var versions = FeedbackSamples.Versions("conflict", 3);
        Assert.False(await store.TrySaveAsync(versions[1], 1), "Saving over version 1 succeeded though nothing was stored.");
        Assert.Null(await store.FindAsync("conflict"));

        Assert.True(await store.TrySaveAsync(versions[0], 0));
        Assert.True(await store.TrySaveAsync(versions[1], 1));

        Assert.False(await store.TrySaveAsync(versions[0] with { Version = 1 }, 0), "Saving over version 0 succeeded though version 2 was stored.");
        Assert.False(await store.TrySaveAsync(versions[1], 1), "Saving over the stale version 1 succeeded though version 2 was stored.");
        Assert.False(await store.TrySaveAsync(versions[2] with { Version = 8 }, 7), "Saving over version 7 succeeded though version 2 was stored.");

        var loaded = await store.FindAsync("conflict");
        Assert.NotNull(loaded);
        FeedbackSamples.AssertSame(versions[1], loaded);
    });

    /// <summary>Items have their own records and versions; ids are compared exactly (case-sensitive).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Items_AreIsolated() => WithStore(async store =>
    {
        var upper = FeedbackSamples.Versions("Item", 2);
        var lower = FeedbackSamples.Versions("item", 1);
        Assert.True(await store.TrySaveAsync(upper[0], 0));
        Assert.True(await store.TrySaveAsync(upper[1], 1));
        Assert.True(await store.TrySaveAsync(lower[0], 0));

        var loadedUpper = await store.FindAsync("Item");
        var loadedLower = await store.FindAsync("item");
        Assert.NotNull(loadedUpper);
        Assert.NotNull(loadedLower);
        FeedbackSamples.AssertSame(upper[1], loadedUpper);
        FeedbackSamples.AssertSame(lower[0], loadedLower);
    });

    /// <summary>When many writers save against the same expected version at once, exactly one succeeds.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentSaves_AgainstOneVersion_ExactlyOneWins() => WithStore(async store =>
    {
        var versions = FeedbackSamples.Versions("race", 2);
        foreach (var expected in new long[] { 0, 1 })
        {
            var record = versions[(int)expected];
            var results = await RunConcurrently(store, ConcurrentWriters, (writer, _) => writer.TrySaveAsync(record, expected).AsTask());
            Assert.Equal(1, results.Count(saved => saved));
        }

        var loaded = await store.FindAsync("race");
        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Version);
    });

    /// <summary>N writers × M events on one item through <see cref="FeedbackService"/>: every event is in the history exactly once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentWriters_ThroughTheService_LoseNothing() => WithStore(async store =>
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        var submitted = await new FeedbackService(engine, store).SubmitAsync(FeedbackSamples.Item("busy"), FeedbackSamples.At);
        Assert.Equal(FeedbackCommandStatus.Applied, submitted.Status);
        var perWriter = EventsPerWriter;

        await RunConcurrently(store, ConcurrentWriters, async (writer, w) =>
        {
            var service = new FeedbackService(engine, writer, maxAttempts: 100);
            for (var e = 0; e < perWriter; e++)
            {
                // Acknowledge is allowed in every open state and carries a note, so each event is recognisable in the history.
                var note = string.Create(CultureInfo.InvariantCulture, $"w{w}-e{e}");
                // A lost race saves nothing, so the writer sends the same event again; bounded, so that a store that never
                // lets a save through fails the test instead of hanging it.
                var result = await service.ApplyAsync("busy", new FeedbackEvent(FeedbackEventKind.Acknowledge, Later, note));
                for (var retry = 1; retry < MaxRetries && result.Status == FeedbackCommandStatus.Conflict; retry++)
                {
                    result = await service.ApplyAsync("busy", new FeedbackEvent(FeedbackEventKind.Acknowledge, Later, note));
                }

                Assert.Equal(FeedbackCommandStatus.Applied, result.Status);
            }

            return perWriter;
        });

        var loaded = await store.FindAsync("busy");
        Assert.NotNull(loaded);
        var total = ConcurrentWriters * perWriter;
        Assert.Equal(1 + total, loaded.Version);
        var notes = loaded.History.Where(e => e.Kind == FeedbackEventKind.Acknowledge).Select(e => e.Value).ToList();
        Assert.Equal(total, notes.Count);
        Assert.Equal(total, notes.Distinct(StringComparer.Ordinal).Count());
    });

    /// <summary>A submission delivered again, or by many writers at once, is stored once; the others are rejected as existing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RedeliveredSubmissions_AreStoredOnce() => WithStore(async store =>
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        var service = new FeedbackService(engine, store);
        var first = await service.SubmitAsync(FeedbackSamples.Item("again"), FeedbackSamples.At);
        Assert.Equal(FeedbackCommandStatus.Applied, first.Status);

        var second = await service.SubmitAsync(FeedbackSamples.Item("again"), Later);
        Assert.Equal(FeedbackCommandStatus.Rejected, second.Status);
        Assert.Equal("feedback.already-exists", second.Reason.Code);
        var loaded = await store.FindAsync("again");
        Assert.NotNull(loaded);
        FeedbackSamples.AssertSame(first.Record!, loaded);

        var statuses = await RunConcurrently(store, ConcurrentWriters, async (writer, _) =>
            (await new FeedbackService(engine, writer).SubmitAsync(FeedbackSamples.Item("at-once"), FeedbackSamples.At)).Status);
        Assert.Equal(1, statuses.Count(s => s == FeedbackCommandStatus.Applied));
        Assert.All(statuses.Where(s => s != FeedbackCommandStatus.Applied), s => Assert.Equal(FeedbackCommandStatus.Rejected, s));
        var once = await store.FindAsync("at-once");
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

        record = record with { Version = 1 };
        Assert.True(await store.TrySaveAsync(record, 0));
        var loaded = await store.FindAsync("long");
        Assert.NotNull(loaded);
        FeedbackSamples.AssertSame(record, loaded);

        var service = new FeedbackService(engine, store);
        var end = FeedbackSamples.At + Duration.FromMinutes(LongHistoryLength);
        Assert.Equal(FeedbackCommandStatus.Applied, (await service.ApplyAsync("long", new FeedbackEvent(FeedbackEventKind.Start, end))).Status);
        Assert.Equal(FeedbackCommandStatus.Applied, (await service.ApplyAsync("long", new FeedbackEvent(FeedbackEventKind.Resolve, end))).Status);
        var final = await store.FindAsync("long");
        Assert.NotNull(final);
        Assert.Equal(3, final.Version);
        Assert.Equal(FeedbackState.Resolved, final.State);
        Assert.Equal(record.History.Count + 2, final.History.Count);
        Assert.Equal(record.History, final.History.Take(record.History.Count));
    });

    /// <summary>A cancelled token makes find and save throw <see cref="OperationCanceledException"/>, and nothing is saved.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Cancellation_IsHonoured_AndNothingIsSaved() => WithStore(async store =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var versions = FeedbackSamples.Versions("cancelled", 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TrySaveAsync(versions[0], 0, cancelled.Token));
        Assert.Null(await store.FindAsync("cancelled"));

        Assert.True(await store.TrySaveAsync(versions[0], 0));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TrySaveAsync(versions[1], 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.FindAsync("cancelled", cancelled.Token));

        var service = new FeedbackService(new FeedbackEngine(new FeedbackOptions()), store);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await service.SubmitAsync(FeedbackSamples.Item("cancelled-submission"), FeedbackSamples.At, cancelled.Token));
        Assert.Null(await store.FindAsync("cancelled-submission"));

        var loaded = await store.FindAsync("cancelled");
        Assert.NotNull(loaded);
        FeedbackSamples.AssertSame(versions[0], loaded);
    });
}
