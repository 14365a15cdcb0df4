using System.Globalization;
using CustomerLifecycle.Profile;
using NodaTime;
using Xunit;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// The conformance suite for an <see cref="IProfileStore"/> adapter: inherit it in your test project, override
/// <see cref="StoreConformanceTests{TStore}.CreateStore"/>, and xunit runs every test below against your store.
/// </summary>
/// <remarks>
/// <para>Every test creates its own store with <see cref="StoreConformanceTests{TStore}.CreateStore"/> and hands it to <see cref="StoreConformanceTests{TStore}.DisposeStoreAsync"/> at the
/// end, pass or fail. The tests are public methods: a host can also call one directly to investigate a failure.</para>
/// <para>The suite covers the contract of the port (the batch tests of <see cref="BatchStoreConformanceTests{TStore, TKey, TRecord}"/>, round trip of every profile field, versions, conflicts, isolation between
/// customers, atomic conditional saves, cancellation) and the guarantees <see cref="ProfileService"/> builds on it (concurrent
/// writers on one customer lose no fact, a re-delivered fact is applied once, what an evaluation's time rules change is
/// saved once, long histories keep a bounded profile).</para>
/// </remarks>
public abstract class ProfileStoreConformanceTests : BatchStoreConformanceTests<IProfileStore, CustomerId, ProfileRecord>
{
    /// <summary>How many times a writer retries a fact whose every save attempt lost a race, before the test fails.</summary>
    private const int MaxRetries = 100;

    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    /// <summary>Gets how many facts the long-history test applies to one customer.</summary>
    /// <value>The default value is 1000.</value>
    protected virtual int LongHistoryLength => 1000;

    /// <inheritdoc/>
    protected sealed override CustomerId Key(string name) => CustomerId.From(name);

    /// <inheritdoc/>
    protected sealed override IReadOnlyList<ProfileRecord> Versions(CustomerId key, int count) => ProfileSamples.Versions(key, count);

    /// <inheritdoc/>
    protected sealed override void AssertSameRecord(ProfileRecord expected, ProfileRecord actual) => ProfileSamples.AssertSame(expected, actual);


    /// <summary>Every field of a profile, its lifecycle record and every list included, survives save → load.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RoundTrip_PreservesEveryField() => WithStore(async store =>
    {
        var reader = OpenSharedStore(store);
        try
        {
            foreach (var profile in ProfileSamples.Records())
            {
                Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(profile, 0));
                var loaded = await reader.LoadAsync(profile.Customer);
                Assert.NotNull(loaded);
                Assert.Equal(1, loaded.Version);
                ProfileSamples.AssertSame(profile, loaded.Record);
            }
        }
        finally
        {
            await ReleaseShared(store, reader);
        }
    });






    /// <summary>N writers × M purchases on one customer through <see cref="ProfileService"/>: every purchase is in the profile exactly once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentWriters_ThroughTheService_LoseNoFact() => WithStore(async store =>
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var customer = CustomerId.From("busy");
        var perWriter = EventsPerWriter;

        // One instant for every fact: none is late, so each must be applied; only the version race decides the order.
        var applied = await RunConcurrently(store, ConcurrentWriters, async (writer, w) =>
        {
            var service = new ProfileService(engine, writer, new RetryOptions { MaxAttempts = 100 });
            var count = 0;
            for (var e = 0; e < perWriter; e++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"w{w}-e{e}");
                var outcome = await ApplyUntilSaved(service, CustomerFact.Purchase(id, customer, Start, id, w + 1));
                count += outcome.Status == ProfileOutcomeStatus.Applied ? 1 : 0;
            }

            return count;
        });

        var total = ConcurrentWriters * perWriter;
        Assert.Equal(total, applied.Sum());
        var loaded = await store.LoadAsync(customer);
        Assert.NotNull(loaded);
        Assert.Equal(total, loaded.Version);
        Assert.Equal(total, loaded.Record.FactCount);
        Assert.Equal(total, loaded.Record.PurchaseCount);
        Assert.Equal(Enumerable.Range(1, ConcurrentWriters).Sum(amount => (double)amount * perWriter), loaded.Record.NetSpend);
    });

    /// <summary>A fact delivered again, or by many writers at once, is applied once; every other delivery saves nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task RedeliveredFacts_AreAppliedOnce() => WithStore(async store =>
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var service = new ProfileService(engine, store);
        var customer = CustomerId.From("redelivery");
        var facts = Enumerable.Range(0, 30).Select(i => Fact(customer, i)).ToList();
        foreach (var fact in facts)
        {
            Assert.Equal(ProfileOutcomeStatus.Applied, (await service.ApplyAsync(fact)).Status);
        }

        var before = await store.LoadAsync(customer);
        Assert.NotNull(before);
        foreach (var fact in facts)
        {
            var again = await service.ApplyAsync(fact);
            Assert.True(again.Status is ProfileOutcomeStatus.Duplicate or ProfileOutcomeStatus.Late, $"Re-delivered {fact.Id} was {again.Status}.");
        }

        var after = await store.LoadAsync(customer);
        Assert.NotNull(after);
        Assert.Equal(before.Version, after.Version);
        ProfileSamples.AssertSame(before.Record, after.Record);

        var last = CustomerFact.Login("last", customer, Start + Duration.FromDays(40));
        var statuses = await RunConcurrently(store, ConcurrentWriters, async (writer, _) =>
            (await ApplyUntilSaved(new ProfileService(engine, writer, new RetryOptions { MaxAttempts = 100 }), last)).Status);
        Assert.Equal(1, statuses.Count(s => s == ProfileOutcomeStatus.Applied));
        Assert.All(statuses.Where(s => s != ProfileOutcomeStatus.Applied), s => Assert.Equal(ProfileOutcomeStatus.Duplicate, s));
        var final = await store.LoadAsync(customer);
        Assert.NotNull(final);
        Assert.Equal(before.Version + 1, final.Version);
    });

    /// <summary>An evaluation whose time rules move the customer's stage saves the new profile once; evaluating again at the
    /// same instant finds nothing to change and saves nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task AnEvaluationThatMovesTheStage_IsSavedOnce() => WithStore(async store =>
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var service = new ProfileService(engine, store);
        var customer = CustomerId.From("time-rules");
        Assert.Equal(ProfileOutcomeStatus.Applied, (await service.ApplyAsync(CustomerFact.Purchase("p-1", customer, Start, "o-1", 50))).Status);
        var stored = await store.LoadAsync(customer);
        Assert.NotNull(stored);
        var asOf = Start + Duration.FromDays(1000);
        var population = engine.Prepare([stored.Record], asOf);

        var view = await service.EvaluateAsync(customer, population, asOf);
        var again = await service.EvaluateAsync(customer, population, asOf);

        Assert.NotNull(view);
        Assert.True(view.Changed, "A purchase 1000 days ago should move the stage by the default time rules.");
        Assert.NotNull(again);
        Assert.False(again.Changed);
        var saved = await store.LoadAsync(customer);
        Assert.NotNull(saved);
        Assert.Equal(stored.Version + 1, saved.Version);
        ProfileSamples.AssertSame(view.Profile, saved.Record);
    });

    /// <summary>A long history through the service: every fact is applied, the stored profile equals the engine's replay, and its lists stay bounded.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task LongHistory_IsAppliedInFull_AndTheProfileStaysBounded() => WithStore(async store =>
    {
        var options = new ProfileOptions();
        var engine = new ProfileEngine(options);
        var service = new ProfileService(engine, store);
        var customer = CustomerId.From("long-history");
        var facts = Enumerable.Range(0, LongHistoryLength).Select(i => Fact(customer, i)).ToList();
        foreach (var fact in facts)
        {
            Assert.Equal(ProfileOutcomeStatus.Applied, (await service.ApplyAsync(fact)).Status);
        }

        var loaded = await store.LoadAsync(customer);
        Assert.NotNull(loaded);
        Assert.Equal(facts.Count, loaded.Version);
        Assert.Equal(facts.Count, loaded.Record.FactCount);
        ProfileSamples.AssertSame(engine.Replay(customer, facts).Profile!, loaded.Record);
        Assert.Equal(options.DuplicateWindow, loaded.Record.RecentFactIds.Length);
        Assert.True(loaded.Record.DailyLogins.Length <= options.LoginWindowDays, $"{loaded.Record.DailyLogins.Length} login days are kept.");
        Assert.True(loaded.Record.RecentOrders.Length <= options.MaxRecentOrders, $"{loaded.Record.RecentOrders.Length} orders are kept.");
        Assert.True(loaded.Record.MonthlyUsage.Length <= (2 * options.UsageTrendMonths) + 1, $"{loaded.Record.MonthlyUsage.Length} usage months are kept.");
    });

    /// <summary>A cancelled token makes load, save and the service throw <see cref="OperationCanceledException"/>, and nothing is saved.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Cancellation_IsHonoured_AndNothingIsSaved() => WithStore(async store =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var customer = CustomerId.From("cancelled");
        var versions = ProfileSamples.Versions(customer, 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[0], 0, cancelled.Token));
        Assert.Null(await store.LoadAsync(customer));

        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(versions[1], 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadAsync(customer, cancelled.Token));

        var service = new ProfileService(new ProfileEngine(new ProfileOptions()), store);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await service.ApplyAsync(CustomerFact.Login("c-1", customer, versions[1].LastFactAt + Duration.FromDays(1)), cancelled.Token));

        var loaded = await store.LoadAsync(customer);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        ProfileSamples.AssertSame(versions[0], loaded.Record);
    });

    /// <summary>The i-th fact of a history: a purchase every fifth, otherwise a login or a feature usage, five hours apart.</summary>
    private static CustomerFact Fact(CustomerId customer, int i)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"f-{i:D6}");
        var at = Start + Duration.FromHours(i * 5);
        return (i % 5) switch
        {
            0 => CustomerFact.Purchase(id, customer, at, id, 10 + (i % 7)),
            1 or 3 => CustomerFact.Login(id, customer, at),
            _ => CustomerFact.FeatureUsage(id, customer, at, "reports", 1 + (i % 3)),
        };
    }

    private static async Task<ProfileOutcome> ApplyUntilSaved(ProfileService service, CustomerFact fact)
    {
        // A lost race saves nothing, so a host delivers the same fact again; a retry after another writer applied it is a
        // duplicate. Bounded, so that a store that never lets a save through fails the test instead of hanging it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await service.ApplyAsync(fact);
            }
            catch (StoreConflictException) when (attempt < MaxRetries)
            {
                await Task.Yield();
            }
        }
    }
}
