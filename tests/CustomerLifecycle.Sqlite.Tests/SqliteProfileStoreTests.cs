using CustomerLifecycle.Profile;
using CustomerLifecycle.Sqlite.Serialization;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests;

public sealed class SqliteProfileStoreTests : IDisposable
{
    private static readonly CustomerId Acme = CustomerId.From("acme");
    private static readonly ProfileEngine Engine = new(new ProfileOptions());
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AProfile_IsStoredInFormat2WithItsSchemaVersionInTheJson()
    {
        await new SqliteProfileStore(_database.Path).SaveAsync(Profile(), 0);

        var json = _database.Scalar("SELECT record FROM profile_records WHERE customer = 'acme'");

        Assert.StartsWith("{\"format\":2,\"schemaVersion\":1,\"customer\":\"acme\",\"recentFactIds\":[\"buy\"],\"lifecycleEventIds\":[0],\"lifecycle\":{\"schemaVersion\":2,\"stage\":", json, StringComparison.Ordinal);
        Assert.Contains("\"netSpend\":12.5", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchSave_StoresEachProfilesJsonAsText_WhenInsertedAndWhenUpdated()
    {
        var store = new SqliteProfileStore(_database.Path);
        var other = Engine.TryApply(null, CustomerFact.Purchase("other-buy", CustomerId.From("bob"), Instant.FromUtc(2026, 1, 6, 10, 0), "o-2", 7)).Profile!;
        await store.SaveManyAsync([new RecordSave<ProfileRecord>(Profile(), 0), new RecordSave<ProfileRecord>(other, 0)]);
        var updated = Engine.TryApply(Profile(), CustomerFact.Login("login", Acme, Instant.FromUtc(2026, 3, 2, 9, 0))).Profile!;

        var saved = await store.SaveManyAsync([new RecordSave<ProfileRecord>(updated, 1)]);

        Assert.True(saved.Committed);
        Assert.Equal("text text", _database.Scalar("SELECT group_concat(typeof(record), ' ') FROM (SELECT record FROM profile_records ORDER BY customer)"));
        Assert.Equal(ProfileRecordJson.Serialize(updated), _database.Scalar("SELECT record FROM profile_records WHERE customer = 'acme' AND version = 2"));
        Assert.Equal(ProfileRecordJson.Serialize(other), _database.Scalar("SELECT record FROM profile_records WHERE customer = 'bob' AND version = 1"));
    }

    [Fact]
    public async Task AProfileStoredInFormat1ByTheReleaseBefore_StillLoads_AndIsRewrittenInFormat2()
    {
        // As the release before format 2 stored a first purchase (System.Text.Json writing every property of the record).
        var store = new SqliteProfileStore(_database.Path);
        await store.SaveAsync(Profile(), 0);
        Assert.Equal(1, _database.Execute(
            "UPDATE profile_records SET record = '{\"schemaVersion\":1,\"customer\":\"acme\",\"lifecycle\":{\"schemaVersion\":2,\"customer\":\"acme\",\"stage\":\"Onboarding\","
            + "\"previousStage\":\"Prospect\",\"stageEnteredAt\":17728272000000000,\"firstSeenAt\":17728272000000000,\"lastEventAt\":17728272000000000,"
            + "\"firstPurchaseAt\":17728272000000000,\"lastPurchaseAt\":17728272000000000,\"lastActivityAt\":17728272000000000,\"activityMonth\":24314,"
            + "\"monthlyActivity\":[0,0,0,0,0,0,0,0,0,0,0,0,1],\"recentPurchases\":[17728272000000000],\"stageTimes\":[[\"Prospect\",17728272000000000,17728272000000000,17728272000000000,0,1,false],"
            + "[\"Onboarding\",17728272000000000,17728272000000000,null,0,1,true]],\"recentEventIds\":[\"buy\"],\"nextCheckAt\":17780112000000000,\"policyFingerprint\":7,"
            + "\"eventCount\":1,\"transitionCount\":1},\"attributes\":{\"matchesIdealProfile\":false,\"hasGrowthPotential\":false,\"isBenchmarkCustomer\":false,\"flags\":[]},"
            + "\"firstFactAt\":17728272000000000,\"lastFactAt\":17728272000000000,\"factCount\":1,\"purchaseCount\":1,\"paidPurchaseCount\":1,\"lastPaidPurchaseAt\":17728272000000000,"
            + "\"netSpend\":12.5,\"purchaseDays\":1,\"repeatSpend\":0,\"recentOrders\":[{\"orderId\":\"o-1\",\"at\":17728272000000000,\"amount\":12.5,\"refunded\":0}],"
            + "\"dailyPurchases\":[{\"day\":20518,\"count\":1}],\"dailyLogins\":[],\"monthlyUsage\":[],\"featuresUsed\":[],\"openTickets\":[],\"openComplaints\":[],"
            + "\"ticketOpenings\":[],\"invoiceCount\":0,\"openInvoices\":[],\"referralCount\":0,\"leadInteractions\":[],\"leadQualification\":\"Unqualified\",\"recentFactIds\":[\"buy\"]}'"));

        var loaded = (await store.LoadAsync(Acme))!;

        var at = Instant.FromUtc(2026, 3, 6, 20, 0);
        Assert.Equal(("acme", "Onboarding", at, 12.5, "o-1", at), (loaded.Record.Customer.ToString(), loaded.Record.Lifecycle.Stage, loaded.Record.LastFactAt, loaded.Record.NetSpend, loaded.Record.RecentOrders[0].OrderId, loaded.Record.RecentOrders[0].At));
        Assert.Equal("buy", Assert.Single(loaded.Record.Lifecycle.RecentEventIds));
        Assert.Equal("buy", Assert.Single(loaded.Record.RecentFactIds));
        Assert.Equal(new ProfileDayCount(20518, 1), Assert.Single(loaded.Record.DailyPurchases));
        Assert.Equal(SaveResult.Saved(2), await store.SaveAsync(loaded.Record, loaded.Version));
        Assert.StartsWith("{\"format\":2,", _database.Scalar("SELECT record FROM profile_records WHERE customer = 'acme'"), StringComparison.Ordinal);
        Assert.Equal(loaded.Record, (await store.LoadAsync(Acme))!.Record);
    }

    [Fact]
    public async Task AProfileOfALaterSchema_IsRefusedNamingTheCustomerAndBothVersions()
    {
        var store = new SqliteProfileStore(_database.Path);
        await store.SaveAsync(Profile(), 0);
        Assert.Equal(1, _database.Execute("UPDATE profile_records SET record = json_set(record, '$.schemaVersion', 2)"));

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAsync(Acme));

        Assert.Equal(
            "The profile of customer 'acme' has schema version 2, written by a later release; this one reads up to 1. Upgrade CustomerLifecycle.Sqlite.",
            error.Message);
    }

    [Fact]
    public async Task AProfileWhoseLifecycleRecordIsOfALaterSchema_IsRefused()
    {
        var store = new SqliteProfileStore(_database.Path);
        await store.SaveAsync(Profile(), 0);
        Assert.Equal(1, _database.Execute("UPDATE profile_records SET record = json_set(record, '$.lifecycle.schemaVersion', 3)"));

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAsync(Acme));

        Assert.Equal(
            "The lifecycle record in the profile of customer 'acme' has schema version 3, written by a later release; this one reads up to 2. Upgrade CustomerLifecycle.Sqlite.",
            error.Message);
    }

    [Fact]
    public async Task AFileOfSchema2_GainsTheProfileTable_AndKeepsItsRows()
    {
        // What releases before the profile created: schema 2, without profile_records, holding a loyalty row.
        _database.Execute(
            "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (2);"
            + "CREATE TABLE lifecycle_records (customer TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);"
            + "CREATE TABLE lifecycle_events (id TEXT NOT NULL PRIMARY KEY, customer TEXT NOT NULL, occurred_at INTEGER NOT NULL) WITHOUT ROWID;"
            + "CREATE TABLE feedback_records (id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);"
            + "CREATE TABLE loyalty_records (member TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);"
            + "INSERT INTO loyalty_records VALUES ('kept', 4, '{}');");

        var store = new SqliteProfileStore(_database.Path);
        Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(Profile(), 0));

        Assert.Equal(Profile(), (await store.LoadAsync(Acme))!.Record);
        Assert.Equal("3", _database.Scalar("SELECT CAST(version AS TEXT) FROM schema_version"));
        Assert.Equal("kept 4", _database.Scalar("SELECT member || ' ' || version FROM loyalty_records"));
    }

    [Fact]
    public async Task TheGuards_RefuseDefaultCustomersNullProfilesAndNegativeVersions()
    {
        var store = new SqliteProfileStore(_database.Path);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.LoadAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.SaveAsync(Profile(), -1));
        Assert.Throws<ArgumentException>(() => new SqliteProfileStore(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteProfileStore(_database.Path, TimeSpan.FromSeconds(-1)));
        Assert.Equal(_database.Path, store.Path);
    }

    private static ProfileRecord Profile()
        => Engine.TryApply(null, CustomerFact.Purchase("buy", Acme, Instant.FromUtc(2026, 3, 1, 10, 0), "o-1", 12.5)).Profile!;
}
