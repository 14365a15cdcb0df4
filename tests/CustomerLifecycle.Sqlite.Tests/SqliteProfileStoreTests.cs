using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests;

public sealed class SqliteProfileStoreTests : IDisposable
{
    private static readonly CustomerId Acme = CustomerId.From("acme");
    private static readonly ProfileEngine Engine = new(new ProfileOptions());
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AProfile_IsStoredWithItsSchemaVersionInTheJson()
    {
        await new SqliteProfileStore(_database.Path).SaveAsync(Profile(), 0);

        var json = _database.Scalar("SELECT record FROM profile_records WHERE customer = 'acme'");

        Assert.StartsWith("{\"schemaVersion\":1,\"customer\":\"acme\",\"lifecycle\":{", json, StringComparison.Ordinal);
        Assert.Contains("\"netSpend\":12.5", json, StringComparison.Ordinal);
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
