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
        var record = Record(1) with
        {
            Category = "complaint",
            Priority = "High",
            History = [new FeedbackEvent(FeedbackEventKind.Classify, Submitted, "complaint"), new FeedbackEvent(FeedbackEventKind.Prioritise, Submitted + Duration.FromMinutes(5), "High")],
        };

        Assert.True(await store.TrySaveAsync(record, 0));
        var loaded = await new SqliteFeedbackStore(_database.Path).FindAsync("F-1");

        Assert.NotNull(loaded);
        Assert.Equal(record.Item with { Tags = [], Supporters = [] }, loaded.Item with { Tags = [], Supporters = [] });
        Assert.Equal(["billing"], loaded.Item.Tags);
        Assert.Equal([new FeedbackSupporter(CustomerId.From("globex"), 2.5)], loaded.Item.Supporters);
        Assert.Equal((record.State, record.Version, record.Category, record.Priority), (loaded.State, loaded.Version, loaded.Category, loaded.Priority));
        Assert.Equal(record.History, loaded.History);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_ReturnsFalseAndKeepsTheRecord()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        Assert.True(await store.TrySaveAsync(Record(1), 0));
        Assert.True(await store.TrySaveAsync(Record(2) with { State = FeedbackState.Classified }, 1));

        Assert.False(await store.TrySaveAsync(Record(2), 1));
        Assert.False(await store.TrySaveAsync(Record(1), 0));
        Assert.Equal(FeedbackState.Classified, (await store.FindAsync("F-1"))!.State);
        Assert.Equal(2, (await store.FindAsync("F-1"))!.Version);
    }

    [Fact]
    public async Task Save_WithAVersionThatIsNotExpectedPlusOne_Throws()
    {
        var store = new SqliteFeedbackStore(_database.Path);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.TrySaveAsync(Record(3), 0));

        Assert.Equal("The record's Version must be expectedVersion + 1 (1) but was 3. (Parameter 'record')", error.Message);
    }

    [Fact]
    public async Task Find_ReturnsNullForAnUnknownItem_AndHonoursCancellation()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Null(await store.FindAsync("nope"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.FindAsync("nope", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TrySaveAsync(Record(1), 0, cancelled.Token));
    }

    [Fact]
    public async Task ConcurrentWriters_OnlyOneWinsEachVersion()
    {
        var store = new SqliteFeedbackStore(_database.Path);
        await store.TrySaveAsync(Record(1), 0);

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await store.TrySaveAsync(Record(2), 1))));

        Assert.Equal(1, wins.Count(w => w));
        Assert.Equal(2, (await store.FindAsync("F-1"))!.Version);
    }

    private static FeedbackRecord Record(long version) => new(
        new FeedbackItem("F-1", CustomerId.From("acme"), "email", Submitted, "Checkout is down, customers cannot pay")
        {
            Tags = ["billing"],
            Urgency = "Critical",
            AffectedCustomers = 12,
            TotalCustomers = 100,
            CustomerValue = 4.5,
            Supporters = [new FeedbackSupporter(CustomerId.From("globex"), 2.5)],
        },
        FeedbackState.Collected,
        version);
}
