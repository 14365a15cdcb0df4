using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests;

public sealed class SqliteLoyaltyStoreTests : IDisposable
{
    private static readonly CustomerId Member = CustomerId.From("m-1");
    private static readonly LoyaltyEngine Engine = new(new LoyaltyOptions());
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ALedger_IsStoredWithTheVersionOfItsShapeInTheJson()
    {
        await new SqliteLoyaltyStore(_database.Path).SaveAsync(Ledger(), 0);

        var json = _database.Scalar("SELECT record FROM loyalty_records WHERE member = 'm-1'");

        Assert.StartsWith("{\"schemaVersion\":1,\"member\":\"m-1\",\"entries\":[{\"key\":\"buy\",\"kind\":\"Earn\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("opensLot", json, StringComparison.Ordinal);
        Assert.Contains("],\"checkpoint\":{\"balance\":{\"member\":\"m-1\",", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALedgerSavedBeforeCheckpoints_LoadsWithoutOne_AndASweepReplaysIt()
    {
        var store = new SqliteLoyaltyStore(_database.Path);
        await store.SaveAsync(Ledger(), 0);
        Assert.Equal(1, _database.Execute("UPDATE loyalty_records SET record = json_remove(record, '$.checkpoint')"));

        var loaded = (await store.LoadAsync(Member))!.Record;

        Assert.Null(loaded.Checkpoint);
        Assert.Equal(Ledger(), loaded);
        var asOf = Instant.FromUtc(2026, 3, 20, 0, 0);
        var swept = new LoyaltyBalance[1];
        Engine.Evaluate([loaded], asOf, swept);
        Assert.Equal((12L, 0L), (swept[0].Available, swept[0].Pending));
        Assert.NotNull(Engine.Checkpoint(loaded, asOf).Checkpoint);
    }

    [Fact]
    public async Task TheServicesSweep_SavesOnlyTheCheckpointsItRenewed()
    {
        var store = new SqliteLoyaltyStore(_database.Path);
        var service = new LoyaltyService(Engine, store);
        await store.SaveAsync(Ledger(), 0); // 12 points pending until 2026-03-15 10:00 UTC

        var night = await service.SweepAsync([Member, CustomerId.From("nobody")], Instant.FromUtc(2026, 3, 20, 2, 0));
        var nextNight = await service.SweepAsync([Member], Instant.FromUtc(2026, 3, 21, 2, 0));

        Assert.Equal((12L, 0L), (night.Balances[0]!.Value.Available, night.Balances[0]!.Value.Pending));
        Assert.Null(night.Balances[1]);
        Assert.Equal((1, 0), (night.Saved, nextNight.Saved));
        var stored = (await store.LoadAsync(Member))!;
        Assert.Equal((2L, Instant.FromUtc(2026, 3, 20, 2, 0)), (stored.Version, stored.Record.Checkpoint!.Balance.AsOf));
    }

    [Fact]
    public async Task CommandsSavedDuringTheSweeps_AreNeverLost()
    {
        var store = new SqliteLoyaltyStore(_database.Path);
        var service = new LoyaltyService(Engine, store, new RetryOptions { MaxAttempts = 100 });
        await store.SaveAsync(Ledger(), 0);

        var sweeps = Task.Run(async () =>
        {
            for (var day = 0; day < 20; day++)
            {
                await service.SweepAsync([Member], Instant.FromUtc(2027, 1, 20, 0, 0) + Duration.FromDays(day));
            }
        });
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await service.ApplyAsync(new LoyaltyAdjustment { Key = $"a-{i:D2}", Member = Member, At = Instant.FromUtc(2026, 3, 2, 0, 0), Points = 1, Reason = "goodwill" });
            }
        });
        await Task.WhenAll(sweeps, writes);

        var record = (await store.LoadAsync(Member))!.Record;
        Assert.Equal(21, record.Entries.Length);
        Assert.Equal(32L, (await service.SweepAsync([Member], Instant.FromUtc(2026, 3, 20, 0, 0))).Balances[0]!.Value.Available);
    }

    [Fact]
    public async Task ALedgerOfALaterSchema_IsRefusedNamingTheMemberAndBothVersions()
    {
        var store = new SqliteLoyaltyStore(_database.Path);
        await store.SaveAsync(Ledger(), 0);
        Assert.Equal(1, _database.Execute("UPDATE loyalty_records SET record = json_set(record, '$.schemaVersion', 2)"));

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAsync(Member));

        Assert.Equal(
            "The loyalty record of member 'm-1' has schema version 2, written by a later release; this one reads up to 1. Upgrade CustomerLifecycle.Sqlite.",
            error.Message);
    }

    [Fact]
    public async Task AFileOfSchema1_GainsTheLoyaltyTable_AndKeepsItsRows()
    {
        // What 0.x releases before loyalty created: schema 1, without loyalty_records, holding a feedback row.
        _database.Execute(
            "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);"
            + "CREATE TABLE lifecycle_records (customer TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);"
            + "CREATE TABLE lifecycle_events (id TEXT NOT NULL PRIMARY KEY, customer TEXT NOT NULL, occurred_at INTEGER NOT NULL) WITHOUT ROWID;"
            + "CREATE TABLE feedback_records (id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);"
            + "INSERT INTO feedback_records VALUES ('kept', 3, '{}');");

        var store = new SqliteLoyaltyStore(_database.Path);
        Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(Ledger(), 0));

        Assert.Equal(Ledger(), (await store.LoadAsync(Member))!.Record);
        Assert.Equal("3", _database.Scalar("SELECT CAST(version AS TEXT) FROM schema_version"));
        Assert.Equal("kept 3", _database.Scalar("SELECT id || ' ' || version FROM feedback_records"));
    }

    [Fact]
    public async Task TheGuards_RefuseDefaultMembersNullRecordsAndNegativeVersions()
    {
        var store = new SqliteLoyaltyStore(_database.Path);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.LoadAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(new LoyaltyRecord { Member = default }, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.SaveAsync(Ledger(), -1));
        Assert.Throws<ArgumentException>(() => new SqliteLoyaltyStore(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteLoyaltyStore(_database.Path, TimeSpan.FromSeconds(-1)));
    }

    private static LoyaltyRecord Ledger()
    {
        var at = Instant.FromUtc(2026, 3, 1, 10, 0);
        return Engine.TryApply(null, new LoyaltyPurchase { Key = "buy", Member = Member, At = at, OrderId = "o-1", Amount = 12.5m }).Record!;
    }
}
