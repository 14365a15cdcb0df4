using CustomerLifecycle.Lifecycle;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests;

public sealed class SqliteLifecycleStoreTests : IDisposable
{
    private static readonly LifecycleEngine Engine = new(new LifecycleOptions());
    private static readonly CustomerId Acme = CustomerId.From("acme");
    private static readonly CustomerId Globex = CustomerId.From("globex");
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 6, 9, 0);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Record_RoundTripsWithEveryField()
    {
        var record = History(Acme, 12);
        Assert.NotEmpty(record.StageTimes);
        Assert.NotEmpty(record.RecentPurchases);
        var store = new SqliteLifecycleStore(_database.Path);

        var saved = await store.SaveAsync(record, 0);
        var loaded = await new SqliteLifecycleStore(_database.Path).LoadAsync(Acme);

        Assert.Equal(SaveResult.Saved(1), saved);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(record, loaded.Record);
    }

    [Fact]
    public async Task Record_WithEveryKindOfFact_RoundTrips()
    {
        var events = new[]
        {
            LifecycleEvent.Create("c", Acme, LifecycleEventKind.Contact, Start),
            LifecycleEvent.Create("p1", Acme, LifecycleEventKind.Purchase, Start + Duration.FromDays(1)),
            LifecycleEvent.Create("r", Acme, LifecycleEventKind.Referral, Start + Duration.FromDays(2)),
            LifecycleEvent.NpsAnswer("n", Acme, Start + Duration.FromDays(3), 9),
            LifecycleEvent.HealthBandChanged("h", Acme, Start + Duration.FromDays(4), "Warning"),
            LifecycleEvent.Create("a", Acme, LifecycleEventKind.Activity, Start + Duration.FromDays(5)),
            LifecycleEvent.Create("p2", Acme, LifecycleEventKind.Purchase, Start + Duration.FromDays(400)),
        };
        var record = Engine.Replay(Acme, events, Start + Duration.FromDays(700)).Record!;
        Assert.Equal((9, "Warning"), (record.LatestNps, record.HealthBand));
        Assert.NotNull(record.LastReferralAt);
        Assert.NotNull(record.LastContactAt);
        var store = new SqliteLifecycleStore(_database.Path);

        await store.SaveAsync(record, 0);

        Assert.Equal(record, (await store.LoadAsync(Acme))!.Record);
    }

    [Fact]
    public async Task BothStores_ShareOneFile()
    {
        var lifecycle = new SqliteLifecycleStore(_database.Path);
        var feedback = new SqliteFeedbackStore(_database.Path);
        var item = new Feedback.FeedbackItem("F-1", Acme, "email", Start, "Please add SSO");

        Assert.Equal(SaveResult.Saved(1), await lifecycle.SaveAsync(History(Acme, 1), 0));
        Assert.Equal(SaveResult.Saved(1), await feedback.SaveAsync(new Feedback.FeedbackRecord(item, Feedback.FeedbackState.Collected), 0));

        Assert.Equal(1, (await new SqliteLifecycleStore(_database.Path).LoadAsync(Acme))!.Version);
        Assert.Equal("Please add SSO", (await new SqliteFeedbackStore(_database.Path).LoadAsync("F-1"))!.Record.Item.Text);
    }

    [Fact]
    public async Task Load_ReturnsNullForAnUnknownCustomer()
    {
        var store = new SqliteLifecycleStore(_database.Path);

        Assert.Null(await store.LoadAsync(Acme));
    }

    [Fact]
    public async Task Versions_Are1Then2Then3()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        var record = History(Acme, 1);

        Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(record, 0));
        Assert.Equal(SaveResult.Saved(2), await store.SaveAsync(record, 1));
        Assert.Equal(SaveResult.Saved(3), await store.SaveAsync(record, 2));
        Assert.Equal(3, (await store.LoadAsync(Acme))!.Version);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_ReportsTheCurrentVersionAndKeepsTheRecord()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        var first = History(Acme, 1);
        var second = History(Acme, 2);
        await store.SaveAsync(first, 0);
        await store.SaveAsync(second, 1);

        var stale = await store.SaveAsync(History(Acme, 3), 1);
        var again = await store.SaveAsync(History(Acme, 3), 0);

        Assert.Equal(SaveResult.Conflict(2), stale);
        Assert.Equal(SaveResult.Conflict(2), again);
        Assert.Equal(second, (await store.LoadAsync(Acme))!.Record);
    }

    [Fact]
    public async Task Save_ExpectingAVersionOfAMissingRecord_ReportsVersion0()
    {
        var store = new SqliteLifecycleStore(_database.Path);

        Assert.Equal(SaveResult.Conflict(0), await store.SaveAsync(History(Acme, 1), 4));
        Assert.Null(await store.LoadAsync(Acme));
    }

    [Fact]
    public async Task ConcurrentWriters_LoseNoEvent()
    {
        const int writers = 6;
        const int eventsEach = 8;
        var store = new SqliteLifecycleStore(_database.Path);

        // Retries enough that no writer gives up under load (with the default, one did once while other test runs shared the
        // cores): what is tested is that the store loses no event, not how often a writer may lose a race.
        var service = new LifecycleService(Engine, store, new RetryOptions { MaxAttempts = 100 });

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < eventsEach; i++)
            {
                // One instant for all: no event is late whichever writer wins, so a lost event can only be the store's fault.
                var outcome = await service.ApplyAsync(LifecycleEvent.Create($"w{w}-e{i}", Acme, LifecycleEventKind.Activity, Start));
                Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
            }
        })));

        var stored = await store.LoadAsync(Acme);
        Assert.NotNull(stored);
        Assert.Equal(writers * eventsEach, stored.Record.EventCount);
    }

    [Fact]
    public async Task SaveMany_WritesEveryRecordAndEventIdInOneTransaction()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        var beta = CustomerId.From("beta");
        var events = new[] { LifecycleEvent.Create("a-1", Acme, LifecycleEventKind.Purchase, Start), LifecycleEvent.Create("b-1", beta, LifecycleEventKind.Purchase, Start) };

        var result = await store.SaveManyAsync([new(History(Acme, 1), 0), new(History(beta, 1), 0)], events);

        Assert.True(result.Committed);
        Assert.Equal([1L, 1L], result.Versions);
        Assert.Equal(["acme", "beta"], (await store.LoadAllAsync()).Select(r => r.Record.Customer.ToString()));
        Assert.Equal(new HashSet<string> { "a-1", "b-1" }, (await store.LoadEventIdsAsync()).ToHashSet());
    }

    [Fact]
    public async Task SaveMany_WithOneConflict_WritesNothing()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        var beta = CustomerId.From("beta");
        await store.SaveAsync(History(Acme, 1), 0);

        var result = await store.SaveManyAsync(
            [new(History(beta, 1), 0), new(History(Acme, 2), 0)],
            [LifecycleEvent.Create("b-1", beta, LifecycleEventKind.Purchase, Start)]);

        Assert.False(result.Committed);
        Assert.Empty(result.Versions);
        Assert.Equal([new RecordConflict<CustomerId>(Acme, 0, 1)], result.Conflicts);
        Assert.Null(await store.LoadAsync(beta));
        Assert.Empty(await store.LoadEventIdsAsync());
    }

    [Fact]
    public async Task CancelledCalls_ThrowAndWriteNothing()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(History(Acme, 1), 0, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadAsync(Acme, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveManyAsync([new(History(Acme, 1), 0)], null, cancelled.Token));
        Assert.Null(await store.LoadAsync(Acme));
    }

    [Fact]
    public async Task Arguments_AreGuarded()
    {
        var store = new SqliteLifecycleStore(_database.Path);

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.SaveAsync(History(Acme, 1), -1));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.LoadAsync(default));
        Assert.Throws<ArgumentException>(() => new SqliteLifecycleStore(" "));
    }

    [Fact]
    public async Task TheFile_RunsInWalModeWithSchemaVersion3()
    {
        await new SqliteLifecycleStore(_database.Path).SaveAsync(History(Acme, 1), 0);

        using var connection = new SqliteConnection($"Data Source={_database.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(3L, command.ExecuteScalar());
    }

    [Fact]
    public async Task ARecordOfSchema1_WithItsEventIdsInTwoLists_LoadsAsSchema2_WithEveryIdInOrder()
    {
        var record = History(Acme, 12);
        var ids = record.RecentEventIds.ToArray();
        Assert.Equal(12, ids.Length);
        var store = new SqliteLifecycleStore(_database.Path);
        await store.SaveAsync(record, 0);

        // Schema 1 (0.1 previews) had no schemaVersion and split the ids: earlierEventIds, then the newest in recentEventIds.
        Assert.Equal(1, _database.Execute($"UPDATE lifecycle_records SET record = json_set(json_remove(record, '$.schemaVersion'), '$.earlierEventIds', json('{Json(ids[..8])}'), '$.recentEventIds', json('{Json(ids[8..])}'))"));
        Assert.DoesNotContain("schemaVersion", _database.Scalar("SELECT record FROM lifecycle_records"), StringComparison.Ordinal);

        var loaded = (await store.LoadAsync(Acme))!.Record;

        Assert.Equal(2, loaded.SchemaVersion);
        Assert.Equal(ids, loaded.RecentEventIds.ToArray());
        Assert.Equal(record, loaded);
        Assert.Equal(LifecycleOutcomeStatus.Duplicate, Engine.TryApply(loaded, LifecycleEvent.Create(ids[0], Acme, LifecycleEventKind.Purchase, loaded.LastEventAt)).Status);
        Assert.Equal(LifecycleOutcomeStatus.Duplicate, Engine.TryApply(loaded, LifecycleEvent.Create(ids[^1], Acme, LifecycleEventKind.Purchase, loaded.LastEventAt)).Status);
    }

    [Fact]
    public async Task ARecordOfSchema1_WhoseStageAndAnEventIdSpellSchemaVersion_IsStillMigrated()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        await store.SaveAsync(History(Acme, 12), 0);
        string[] ids = ["schemaVersion", .. Enumerable.Range(1, 11).Select(i => $"acme-{i}")];

        // Only a top-level "schemaVersion" property names the schema; the same text in a value must not.
        Assert.Equal(1, _database.Execute($"UPDATE lifecycle_records SET record = json_set(json_remove(record, '$.schemaVersion'), '$.stage', 'schemaVersion', '$.earlierEventIds', json('{Json(ids[..8])}'), '$.recentEventIds', json('{Json(ids[8..])}'))"));

        var loaded = (await store.LoadAsync(Acme))!.Record;

        Assert.Equal(2, loaded.SchemaVersion);
        Assert.Equal("schemaVersion", loaded.Stage);
        Assert.Equal(ids, loaded.RecentEventIds.ToArray());
    }

    [Fact]
    public async Task ARecordOfSchema1_WithoutEarlierEventIds_LoadsWithItsRecentIds()
    {
        var record = History(Acme, 3);
        var store = new SqliteLifecycleStore(_database.Path);
        await store.SaveAsync(record, 0);
        Assert.Equal(1, _database.Execute("UPDATE lifecycle_records SET record = json_remove(record, '$.schemaVersion')"));

        var loaded = (await store.LoadAsync(Acme))!.Record;

        Assert.Equal(record.RecentEventIds.ToArray(), loaded.RecentEventIds.ToArray());
        Assert.Equal(2, loaded.SchemaVersion);
    }

    [Fact]
    public async Task ARecordOfALaterSchema_IsRefusedNamingTheCustomerAndBothVersions()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        await store.SaveAsync(History(Acme, 2), 0);
        Assert.Equal(1, _database.Execute("UPDATE lifecycle_records SET record = json_set(record, '$.schemaVersion', 3)"));

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAsync(Acme));

        Assert.Equal(
            "The lifecycle record of customer 'acme' has schema version 3, written by a later release; this one reads up to 2. Upgrade CustomerLifecycle.Sqlite.",
            error.Message);
    }

    [Fact]
    public async Task ARecordOfALaterSchema_IsRefusedByLoadAll_AsASqliteSchemaException_NotAnAggregateException()
    {
        var store = new SqliteLifecycleStore(_database.Path);
        await store.SaveAsync(History(Acme, 2), 0);
        await store.SaveAsync(History(Globex, 1), 0);
        Assert.Equal(1, _database.Execute("UPDATE lifecycle_records SET record = json_set(record, '$.schemaVersion', 3) WHERE customer = 'acme'"));

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAllAsync());

        Assert.Equal(
            "The lifecycle record of customer 'acme' has schema version 3, written by a later release; this one reads up to 2. Upgrade CustomerLifecycle.Sqlite.",
            error.Message);
    }

    private static string Json(string[] ids) => System.Text.Json.JsonSerializer.Serialize(ids);



    [Fact]
    public async Task ANewerSchema_IsRefusedWithAClearMessage()
    {
        using (var connection = new SqliteConnection($"Data Source={_database.Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (7);";
            command.ExecuteNonQuery();
        }

        var store = new SqliteLifecycleStore(_database.Path);

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAsync(Acme));
        Assert.Equal(
            $"The database '{_database.Path}' has schema version 7, newer than version 3 that this CustomerLifecycle.Sqlite reads; use a newer version of the package or another file.",
            error.Message);
    }

    [Fact]
    public async Task ACorruptFile_FailsWithNotADatabase()
    {
        await File.WriteAllTextAsync(_database.Path, "this is not a database, just text that is long enough to fill a header page....................");
        var store = new SqliteLifecycleStore(_database.Path);

        var error = await Assert.ThrowsAsync<SqliteException>(async () => await store.LoadAsync(Acme));
        Assert.Equal(26, error.SqliteErrorCode);
    }

    [Fact]
    public async Task ALockedFile_FailsAfterTheBusyTimeoutAndWritesNothing()
    {
        var store = new SqliteLifecycleStore(_database.Path, TimeSpan.FromMilliseconds(200));
        await store.SaveAsync(History(Acme, 1), 0);
        using var holder = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        holder.Open();
        using var transaction = holder.BeginTransaction(); // BEGIN IMMEDIATE: holds the write lock

        var error = await Assert.ThrowsAsync<SqliteException>(async () => await store.SaveAsync(History(Acme, 2), 1));
        transaction.Rollback();

        Assert.Equal(5, error.SqliteErrorCode);
        Assert.Equal(1, (await store.LoadAsync(Acme))!.Version);
    }

    private static LifecycleRecord History(CustomerId customer, int purchases)
    {
        var events = Enumerable.Range(0, purchases)
            .Select(i => LifecycleEvent.Create($"{customer}-{i}", customer, LifecycleEventKind.Purchase, Start + Duration.FromDays(20 * i)));
        return Engine.Replay(customer, events).Record!;
    }
}
