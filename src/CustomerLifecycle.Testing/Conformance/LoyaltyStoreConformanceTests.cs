using System.Globalization;
using CustomerLifecycle.Loyalty;
using NodaTime;
using Xunit;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// The conformance suite for an <see cref="ILoyaltyStore"/> adapter: inherit it in your test project, override
/// <see cref="StoreConformanceTests{TStore}.CreateStore"/>, and xunit runs every test below against your store.
/// </summary>
/// <remarks>
/// <para>Every test creates its own store with <see cref="StoreConformanceTests{TStore}.CreateStore"/> and hands it to <see cref="StoreConformanceTests{TStore}.DisposeStoreAsync"/> at the
/// end, pass or fail. The tests are public methods: a host can also call one directly to investigate a failure.</para>
/// <para>The suite covers the contract of the port (round trip of every entry field, versions, conflicts, isolation between
/// members, atomic conditional saves, cancellation) and the guarantees <see cref="LoyaltyService"/> builds on it (concurrent
/// writers on one member lose no entry, a re-delivered command is applied once, long ledgers survive in order).</para>
/// </remarks>
public abstract class LoyaltyStoreConformanceTests : RecordStoreConformanceTests<ILoyaltyStore, CustomerId, LoyaltyRecord>
{
    /// <summary>How many times a writer retries a command whose every save attempt lost a race, before the test fails.</summary>
    private const int MaxRetries = 100;

    private static readonly CustomerId Busy = CustomerId.From("busy");

    /// <summary>Gets how many entries the long-ledger record holds.</summary>
    /// <value>The default value is 3000.</value>
    protected virtual int LongLedgerLength => 3000;

    /// <inheritdoc/>
    protected sealed override CustomerId Key(string name) => CustomerId.From(name);

    /// <inheritdoc/>
    protected sealed override IReadOnlyList<LoyaltyRecord> Versions(CustomerId key, int count) => LoyaltySamples.Versions(key.ToString(), count);

    /// <inheritdoc/>
    protected sealed override void AssertSameRecord(LoyaltyRecord expected, LoyaltyRecord actual) => LoyaltySamples.AssertSame(expected, actual);

    /// <summary>Every field of a ledger and of each of its entries, allocations included, and of its checkpoint survives save →
    /// load; a record without a checkpoint loads without one.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RoundTrip_PreservesEveryField() => WithStore(async store =>
    {
        var reader = OpenSharedStore(store);
        try
        {
            foreach (var record in LoyaltySamples.Records())
            {
                Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(record, 0));
                var loaded = await reader.LoadAsync(record.Member);
                Assert.NotNull(loaded);
                Assert.Equal(1, loaded.Version);
                LoyaltySamples.AssertSame(record, loaded.Record);
            }
        }
        finally
        {
            await ReleaseShared(store, reader);
        }
    });

    /// <summary>The checkpoint the engine writes on the record it returns survives save → load, and a sweep over the loaded
    /// record answers what a replay of its ledger gives.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Checkpoint_WrittenByTheEngine_SurvivesTheRoundTrip() => WithStore(async store =>
    {
        var engine = new LoyaltyEngine(new LoyaltyOptions());
        var applied = await new LoyaltyService(engine, store).ApplyAsync(Credit("checkpointed", 120));
        var written = applied.Record?.Checkpoint;
        Assert.NotNull(written);

        var loaded = await store.LoadAsync(Busy);

        Assert.NotNull(loaded);
        Assert.Equal(written, loaded.Record.Checkpoint);
        var later = LoyaltySamples.At + Duration.FromDays(1);
        var swept = new LoyaltyBalance[1];
        engine.Evaluate([loaded.Record], later, swept);
        Assert.Equal(engine.Evaluate(loaded.Record, later).Balance, swept[0]);
        Assert.Equal(120, swept[0].Available);
    });

    /// <summary>N writers × M credits on one member through <see cref="LoyaltyService"/>: every credit is in the ledger exactly once, and the balance is their sum.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentWriters_ThroughTheService_LoseNoEntry() => WithStore(async store =>
    {
        var engine = new LoyaltyEngine(new LoyaltyOptions());
        var perWriter = EventsPerWriter;

        await RunConcurrently(store, ConcurrentWriters, async (writer, w) =>
        {
            var service = new LoyaltyService(engine, writer, new RetryOptions { MaxAttempts = 100 });
            for (var e = 0; e < perWriter; e++)
            {
                var outcome = await ApplyUntilSaved(service, Credit(string.Create(CultureInfo.InvariantCulture, $"w{w}-e{e}"), w + 1));
                Assert.Equal(LoyaltyOutcomeStatus.Applied, outcome.Status);
            }

            return perWriter;
        });

        var loaded = await store.LoadAsync(Busy);
        Assert.NotNull(loaded);
        var total = ConcurrentWriters * perWriter;
        Assert.Equal(total, loaded.Version);
        Assert.Equal(total, loaded.Record.Entries.Length);
        Assert.Equal(total, loaded.Record.Entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        var expectedPoints = Enumerable.Range(1, ConcurrentWriters).Sum(points => (long)points * perWriter);
        Assert.Equal(expectedPoints, engine.Evaluate(loaded.Record, LoyaltySamples.At).Balance.Available);
    });

    /// <summary>A command delivered again, or by many writers at once, is applied once; every other delivery is a duplicate that saves nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RedeliveredCommands_AreAppliedOnce() => WithStore(async store =>
    {
        var service = new LoyaltyService(new LoyaltyEngine(new LoyaltyOptions()), store);
        var command = Credit("again", 50);
        Assert.Equal(LoyaltyOutcomeStatus.Applied, (await service.ApplyAsync(command)).Status);

        var second = await service.ApplyAsync(command);

        Assert.Equal(LoyaltyOutcomeStatus.Duplicate, second.Status);
        var loaded = await store.LoadAsync(Busy);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);

        var atOnce = Credit("at-once", 7);
        var outcomes = await RunConcurrently(store, ConcurrentWriters, async (writer, _) =>
            await ApplyUntilSaved(new LoyaltyService(new LoyaltyEngine(new LoyaltyOptions()), writer, new RetryOptions { MaxAttempts = 100 }), atOnce));
        Assert.Equal(1, outcomes.Count(o => o.Status == LoyaltyOutcomeStatus.Applied));
        Assert.All(outcomes.Where(o => o.Status != LoyaltyOutcomeStatus.Applied), o => Assert.Equal(LoyaltyOutcomeStatus.Duplicate, o.Status));
        var final = await store.LoadAsync(Busy);
        Assert.NotNull(final);
        Assert.Equal(2, final.Version);
        Assert.Equal(["again", "at-once"], final.Record.Entries.Select(e => e.Key));
    });

    /// <summary>A ledger of thousands of entries survives the round trip in order, and the service keeps appending to it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task LongLedger_SurvivesInOrder() => WithStore(async store =>
    {
        var record = new LoyaltyRecord { Member = Busy, Entries = [.. Enumerable.Range(0, LongLedgerLength).Select(LoyaltySamples.Credit)] };
        Assert.True((await store.SaveAsync(record, 0)).Succeeded);
        var loaded = await store.LoadAsync(Busy);
        Assert.NotNull(loaded);
        LoyaltySamples.AssertSame(record, loaded.Record);

        var service = new LoyaltyService(new LoyaltyEngine(new LoyaltyOptions()), store);
        var last = record.Entries[^1].At;
        var outcome = await service.ApplyAsync(new LoyaltyAdjustment { Key = "one-more", Member = Busy, At = last, Points = 5, Reason = "after a long ledger" });
        Assert.Equal(LoyaltyOutcomeStatus.Applied, outcome.Status);
        var final = await store.LoadAsync(Busy);
        Assert.NotNull(final);
        Assert.Equal(2, final.Version);
        Assert.Equal(LongLedgerLength + 1, final.Record.Entries.Length);
        Assert.Equal(record.Entries, final.Record.Entries.Take(LongLedgerLength));
    });

    /// <summary>A cancelled token makes load, save and the service throw <see cref="OperationCanceledException"/>, and nothing is saved.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Cancellation_IsHonoured_AndNothingIsSaved() => WithStore(async store =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var versions = LoyaltySamples.Versions("cancelled", 2);
        var member = CustomerId.From("cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[0], 0, cancelled.Token));
        Assert.Null(await store.LoadAsync(member));

        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[1], 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadAsync(member, cancelled.Token));

        var service = new LoyaltyService(new LoyaltyEngine(new LoyaltyOptions()), store);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await service.ApplyAsync(Credit("cancelled-credit", 1), cancelled.Token));
        Assert.Null(await store.LoadAsync(Busy));

        var loaded = await store.LoadAsync(member);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        LoyaltySamples.AssertSame(versions[0], loaded.Record);
    });

    private static LoyaltyAdjustment Credit(string key, long points)
        => new() { Key = key, Member = Busy, At = LoyaltySamples.At, Points = points, Reason = key };

    private static async Task<LoyaltyOutcome> ApplyUntilSaved(LoyaltyService service, LoyaltyCommand command)
    {
        // A lost race saves nothing, so a host delivers the same command again; a retry after another writer applied it is a
        // duplicate. Bounded, so that a store that never lets a save through fails the test instead of hanging it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await service.ApplyAsync(command);
            }
            catch (StoreConflictException) when (attempt < MaxRetries)
            {
                await Task.Yield();
            }
        }
    }
}
