using CustomerLifecycle.Feedback;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private static readonly Instant Submitted = Instant.FromUtc(2025, 3, 28, 14, 0);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Record_RoundTripsWithItsHistory()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        var record = Record() with
        {
            Category = "complaint",
            Priority = "High",
            History = [new FeedbackEvent(FeedbackEventKind.Classify, Submitted, "complaint"), new FeedbackEvent(FeedbackEventKind.Prioritise, Submitted + Duration.FromMinutes(5), "High")],
        };

        Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(record, 0));
        var loaded = await new SqliteFeedbackStore(_database.Path).LoadAsync("F-1");

        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(record, loaded.Record);
        Assert.Contains("\"schemaVersion\":1", _database.Scalar("SELECT record FROM feedback_records"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowWithoutASchemaVersion_LoadsAsTheCurrentSchema()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        await store.SaveAsync(Record(), 0);
        Assert.Equal(1, _database.Execute("UPDATE feedback_records SET record = json_remove(record, '$.schemaVersion')"));
        Assert.DoesNotContain("schemaVersion", _database.Scalar("SELECT record FROM feedback_records"), StringComparison.Ordinal);

        var loaded = await store.LoadAsync("F-1");

        Assert.Equal(FeedbackRecord.CurrentSchemaVersion, loaded!.Record.SchemaVersion);
        Assert.Equal(Record(), loaded.Record);
    }

    [Fact]
    public async Task ARowOfALaterSchema_IsRefusedNamingTheItemAndBothVersions()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        await store.SaveAsync(Record(), 0);
        Assert.Equal(1, _database.Execute("UPDATE feedback_records SET record = json_set(record, '$.schemaVersion', 2)"));

        var error = await Assert.ThrowsAsync<SqliteSchemaException>(async () => await store.LoadAsync("F-1"));

        Assert.Equal(
            "The feedback record of item 'F-1' has schema version 2, written by a later release; this one reads up to 1. Upgrade CustomerLifecycle.Sqlite.",
            error.Message);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_ReportsTheStoredVersionAndKeepsTheRecord()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        Assert.True((await store.SaveAsync(Record(), 0)).Succeeded);
        Assert.True((await store.SaveAsync(Record() with { State = FeedbackState.Classified }, 1)).Succeeded);

        Assert.Equal(SaveResult.Conflict(2), await store.SaveAsync(Record(), 1));
        Assert.Equal(SaveResult.Conflict(2), await store.SaveAsync(Record(), 0));
        var loaded = await store.LoadAsync("F-1");
        Assert.Equal((FeedbackState.Classified, 2L), (loaded!.Record.State, loaded.Version));
    }

    [Fact]
    public async Task Load_ReturnsNullForAnUnknownItem_AndHonoursCancellation()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Null(await store.LoadAsync("nope"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadAsync("nope", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveAsync(Record(), 0, cancelled.Token));
    }

    [Fact]
    public async Task ConcurrentWriters_OnlyOneWinsEachVersion()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        await store.SaveAsync(Record(), 0);

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await store.SaveAsync(Record(), 1))));

        Assert.Equal(1, saves.Count(s => s.Succeeded));
        Assert.Equal(2, (await store.LoadAsync("F-1"))!.Version);
    }

    [Fact]
    public async Task ARowWrittenWithTheVersionInsideItsJson_Loads_WithTheVersionOfItsColumn()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        var record = Record() with { State = FeedbackState.Classified, Category = "complaint", History = [new FeedbackEvent(FeedbackEventKind.Classify, Submitted, "complaint")] };
        await store.SaveAsync(Record(), 0);
        await store.SaveAsync(record, 1);

        // Until the version moved beside the record, the record's JSON carried it too (always equal to the column).
        Assert.Equal(1, _database.Execute("UPDATE feedback_records SET record = json_set(record, '$.version', 2)"));
        Assert.Contains("\"version\":2", _database.Scalar("SELECT record FROM feedback_records"), StringComparison.Ordinal);

        var loaded = await store.LoadAsync("F-1");

        Assert.Equal(2, loaded!.Version);
        Assert.Equal((record.State, record.Category), (loaded.Record.State, loaded.Record.Category));
        Assert.Equal(record.History, loaded.Record.History);
        Assert.Equal(SaveResult.Saved(3), await store.SaveAsync(loaded.Record with { State = FeedbackState.Prioritised }, loaded.Version));
        Assert.DoesNotContain("\"version\"", _database.Scalar("SELECT record FROM feedback_records"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowWhoseJsonIsNull_IsRefused()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        await store.SaveAsync(Record(), 0);
        Assert.Equal(1, _database.Execute("UPDATE feedback_records SET record = 'null'"));

        var error = await Assert.ThrowsAsync<System.Text.Json.JsonException>(async () => await store.LoadAsync("F-1"));

        Assert.Equal("A stored feedback record is null.", error.Message);
    }

    [Fact]
    public async Task Guards_NameTheBadArgument()
    {
        var store = new SqliteFeedbackStore(_database.Path);

        Assert.Equal("record", (await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.SaveAsync(null!, 0))).ParamName);
        Assert.Equal("expectedVersion", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.SaveAsync(Record(), -1))).ParamName);
        var blank = await Assert.ThrowsAsync<ArgumentException>(async () => await store.LoadAsync(" "));
        Assert.Equal("The value cannot be an empty string or composed entirely of whitespace. (Parameter 'key')", blank.Message);
        Assert.Equal("busyTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteFeedbackStore(_database.Path, TimeSpan.FromSeconds(-1))).ParamName);
        Assert.Throws<ArgumentException>(() => new SqliteFeedbackStore(" "));
    }

    private static FeedbackRecord Record() => new(
        new FeedbackItem("F-1", CustomerId.From("acme"), "email", Submitted, "Checkout is down, customers cannot pay")
        {
            Tags = ["billing"],
            Urgency = "Critical",
            AffectedCustomers = 12,
            TotalCustomers = 100,
            CustomerValue = 4.5,
            Supporters = [new FeedbackSupporter(CustomerId.From("globex"), 2.5)],
        },
        FeedbackState.Collected);


}
