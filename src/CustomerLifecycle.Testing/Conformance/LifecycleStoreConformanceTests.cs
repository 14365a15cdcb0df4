using CustomerLifecycle.Lifecycle;
using NodaTime;
using Xunit;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// The conformance suite for an <see cref="ILifecycleStore"/> adapter: inherit it in your test project, override
/// <see cref="StoreConformanceTests{TStore}.CreateStore"/>, and xunit runs every test below against your store.
/// </summary>
/// <remarks>
/// <para>Every test creates its own store with <see cref="StoreConformanceTests{TStore}.CreateStore"/> and hands it to <see cref="StoreConformanceTests{TStore}.DisposeStoreAsync"/> at the
/// end, pass or fail, so a store over a file or a database can clean up. The tests are public methods: a host can also call
/// one directly to investigate a failure.</para>
/// <para>The suite covers the contract of the port (round trip, versions, conflicts, isolation between customers, atomic
/// conditional saves, cancellation) and the guarantees <see cref="LifecycleService"/> builds on it (concurrent writers lose
/// nothing, re-delivered events are applied once, long histories keep a bounded record).</para>
/// </remarks>
public abstract class LifecycleStoreConformanceTests : RecordStoreConformanceTests<ILifecycleStore, CustomerId, LifecycleRecord>
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    /// <summary>How many times a writer retries an event whose every save attempt lost a race, before the test fails.</summary>
    private const int MaxRetries = 100;

    /// <summary>Gets how many events the long-history test applies to one customer.</summary>
    /// <value>The default value is 2000.</value>
    protected virtual int LongHistoryLength => 2000;


    /// <inheritdoc/>
    protected sealed override CustomerId Key(string name) => CustomerId.From(name);

    /// <inheritdoc/>
    protected sealed override IReadOnlyList<LifecycleRecord> Versions(CustomerId key, int count) => LifecycleSamples.Versions(key, count);

    /// <inheritdoc/>
    protected sealed override void AssertSameRecord(LifecycleRecord expected, LifecycleRecord actual) => LifecycleSamples.AssertSame(expected, actual);

    /// <summary>Every field of a record survives save → load: tick-precise instants and <see cref="Instant.MaxValue"/> (the engine's <c>NextCheckAt</c> when no rule can fire), nulls, non-ASCII text, extreme counters.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RoundTrip_PreservesEveryField() => WithStore(async store =>
    {
        var reader = OpenSharedStore(store);
        try
        {
            foreach (var record in LifecycleSamples.Records())
            {
                var saved = await store.SaveAsync(record, 0);
                Assert.Equal(SaveResult.Saved(1), saved);
                var loaded = await reader.LoadAsync(record.Customer);
                Assert.NotNull(loaded);
                Assert.Equal(1, loaded.Version);
                LifecycleSamples.AssertSame(record, loaded.Record);
            }
        }
        finally
        {
            await ReleaseShared(store, reader);
        }
    });







    /// <summary>N writers × M events on one customer through <see cref="LifecycleService"/>: every event is applied exactly once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentWriters_ThroughTheService_LoseNothing() => WithStore(async store =>
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var customer = CustomerId.From("busy");
        var perWriter = EventsPerWriter;

        // One instant for every event: none is late, so each must be applied; only the version race decides the order.
        var outcomes = await RunConcurrently(store, ConcurrentWriters, async (writer, w) =>
        {
            var service = new LifecycleService(engine, writer, new RetryOptions { MaxAttempts = 100 });
            var applied = 0;
            for (var e = 0; e < perWriter; e++)
            {
                var @event = LifecycleEvent.Create($"w{w}-e{e}", customer, LifecycleEventKind.Activity, Start);
                var outcome = await ApplyUntilSaved(service, @event);
                applied += outcome.Status == LifecycleOutcomeStatus.Applied ? 1 : 0;
            }

            return applied;
        });

        var total = ConcurrentWriters * perWriter;
        Assert.Equal(total, outcomes.Sum());
        var loaded = await store.LoadAsync(customer);
        Assert.NotNull(loaded);
        Assert.Equal(total, loaded.Record.EventCount);
        Assert.Equal(total, loaded.Version);
    });

    /// <summary>Re-delivering events already applied changes nothing; one event delivered by many writers at once is applied once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RedeliveredEvents_AreAppliedOnce() => WithStore(async store =>
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var service = new LifecycleService(engine, store);
        var customer = CustomerId.From("redelivery");
        var events = Enumerable.Range(0, 40)
            .Select(i => LifecycleEvent.Create($"r-{i:D2}", customer, i % 5 == 0 ? LifecycleEventKind.Purchase : LifecycleEventKind.Activity, Start + Duration.FromHours(i * 7)))
            .ToList();
        foreach (var @event in events)
        {
            Assert.Equal(LifecycleOutcomeStatus.Applied, (await service.ApplyAsync(@event)).Status);
        }

        var before = await store.LoadAsync(customer);
        Assert.NotNull(before);
        Assert.Equal(events.Count, before.Version);

        foreach (var @event in events)
        {
            var again = await service.ApplyAsync(@event);
            Assert.True(again.Status is LifecycleOutcomeStatus.Duplicate or LifecycleOutcomeStatus.Late, $"Re-delivered {@event} was {again.Status}.");
        }

        var after = await store.LoadAsync(customer);
        Assert.NotNull(after);
        Assert.Equal(before.Version, after.Version);
        LifecycleSamples.AssertSame(before.Record, after.Record);

        var last = LifecycleEvent.Create("r-new", customer, LifecycleEventKind.Activity, Start + Duration.FromDays(30));
        var statuses = await RunConcurrently(store, ConcurrentWriters, async (writer, _) =>
            (await ApplyUntilSaved(new LifecycleService(engine, writer, new RetryOptions { MaxAttempts = 100 }), last)).Status);
        Assert.Equal(1, statuses.Count(s => s == LifecycleOutcomeStatus.Applied));
        Assert.All(statuses.Where(s => s != LifecycleOutcomeStatus.Applied), s => Assert.Equal(LifecycleOutcomeStatus.Duplicate, s));

        var final = await store.LoadAsync(customer);
        Assert.NotNull(final);
        Assert.Equal(before.Version + 1, final.Version);
        Assert.Equal(before.Record.EventCount + 1, final.Record.EventCount);
    });

    /// <summary>Thousands of events on one customer: every one is applied, the stored record equals the engine's replay, and its size stays bounded.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task LongHistory_IsAppliedInFull_AndTheRecordStaysBounded() => WithStore(async store =>
    {
        var engine = new LifecycleEngine(new LifecycleOptions());
        var service = new LifecycleService(engine, store);
        var customer = CustomerId.From("long-history");
        var events = Enumerable.Range(0, LongHistoryLength)
            .Select(i => LifecycleEvent.Create($"h-{i:D6}", customer, i % 7 == 0 ? LifecycleEventKind.Purchase : LifecycleEventKind.Activity, Start + Duration.FromHours(i * 5)))
            .ToList();
        var half = events.Count / 2;
        LifecycleRecord? atHalf = null;
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(LifecycleOutcomeStatus.Applied, (await service.ApplyAsync(events[i])).Status);
            if (i == half - 1)
            {
                atHalf = (await store.LoadAsync(customer))?.Record;
            }
        }

        var loaded = await store.LoadAsync(customer);
        Assert.NotNull(loaded);
        Assert.NotNull(atHalf);
        Assert.Equal(events.Count, loaded.Version);
        Assert.Equal(events.Count, loaded.Record.EventCount);
        LifecycleSamples.AssertSame(engine.Replay(customer, events).Record!, loaded.Record);

        // Bounded: the windows are full by half-way, so doubling the history adds nothing but the stages visited since.
        Assert.Equal(atHalf.MonthlyActivity.Length, loaded.Record.MonthlyActivity.Length);
        Assert.Equal(atHalf.RecentPurchases.Length, loaded.Record.RecentPurchases.Length);
        Assert.Equal(new LifecycleOptions().DuplicateWindow, loaded.Record.RecentEventIds.Length);
        Assert.True(loaded.Record.StageTimes.Length <= engine.Stages.Count, $"{loaded.Record.StageTimes.Length} stage times are kept.");
    });

    /// <summary>A cancelled token makes load and save throw <see cref="OperationCanceledException"/>, and nothing is saved.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Cancellation_IsHonoured_AndNothingIsSaved() => WithStore(async store =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var customer = CustomerId.From("cancelled");
        var versions = LifecycleSamples.Versions(customer, 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[0], 0, cancelled.Token));
        Assert.Null(await store.LoadAsync(customer));

        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[1], 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadAsync(customer, cancelled.Token));

        var service = new LifecycleService(new LifecycleEngine(new LifecycleOptions()), store);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            service.ApplyAsync(LifecycleEvent.Create("c-1", customer, LifecycleEventKind.Purchase, versions[1].LastEventAt + Duration.FromDays(1)), cancelled.Token).AsTask());

        var loaded = await store.LoadAsync(customer);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        LifecycleSamples.AssertSame(versions[0], loaded.Record);
    });

    private static async Task<LifecycleOutcome> ApplyUntilSaved(LifecycleService service, LifecycleEvent @event)
    {
        // A host retries a lost race with the same event: the ids of the record's last events make the retry safe. Bounded, so that a
        // store that never lets a save through fails the test instead of hanging it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await service.ApplyAsync(@event);
            }
            catch (StoreConflictException) when (attempt < MaxRetries)
            {
                await Task.Yield();
            }
        }
    }
}
