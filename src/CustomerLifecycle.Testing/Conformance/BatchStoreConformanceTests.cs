using Xunit;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// The conformance tests every batch store port shares (<see cref="IRecordBatchStore{TKey, TRecord}"/>): a suite for such a
/// port inherits this class and says how to make keys and records, and xunit runs these tests with the port's own.
/// </summary>
/// <remarks>The tests cover the batch contract: a batch saved and loaded back, all or nothing when one expected version is
/// stale, a key twice in one batch refused, racing batches, an empty batch, and cancellation.</remarks>
/// <typeparam name="TStore">The store port under test.</typeparam>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public abstract class BatchStoreConformanceTests<TStore, TKey, TRecord> : RecordStoreConformanceTests<TStore, TKey, TRecord>
    where TStore : class, IRecordBatchStore<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    /// <summary>A batch saves every record at version 1 and then 2; a batch load returns them in the order asked, null for a key never saved, a key asked twice loaded twice.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Batch_SavedAndLoaded_RoundTrips() => WithStore(async store =>
    {
        var (a, b, c) = (Versions(Key("batch-a"), 2), Versions(Key("batch-b"), 2), Versions(Key("batch-c"), 2));
        var first = await store.SaveManyAsync([new(a[0], 0), new(b[0], 0), new(c[0], 0)]);
        Assert.True(first.Committed);
        Assert.Equal([1L, 1L, 1L], first.Versions);
        var second = await store.SaveManyAsync([new(c[1], 1), new(a[1], 1)]);
        Assert.Equal([2L, 2L], second.Versions);
        Assert.Empty(second.Conflicts);

        var reader = OpenSharedStore(store);
        try
        {
            var loaded = await reader.LoadManyAsync([Key("batch-c"), Key("never"), Key("batch-b"), Key("batch-a"), Key("batch-c")]);
            Assert.Equal(5, loaded.Count);
            Assert.Null(loaded[1]);
            Assert.Equal([2L, 1L, 2L, 2L], new[] { loaded[0], loaded[2], loaded[3], loaded[4] }.Select(r => r!.Version));
            AssertSameRecord(c[1], loaded[0]!.Record);
            AssertSameRecord(b[0], loaded[2]!.Record);
            AssertSameRecord(a[1], loaded[3]!.Record);
            AssertSameRecord(c[1], loaded[4]!.Record);
        }
        finally
        {
            await ReleaseShared(store, reader);
        }
    });

    /// <summary>One stale expected version in a batch writes nothing, and the result names that key with the version stored.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Batch_WithOneStaleVersion_WritesNothing() => WithStore(async store =>
    {
        var (a, b, c) = (Versions(Key("stale-a"), 2), Versions(Key("stale-b"), 1), Versions(Key("stale-c"), 1));
        Assert.True((await store.SaveAsync(a[0], 0)).Succeeded);

        var result = await store.SaveManyAsync([new(b[0], 0), new(a[1], 0), new(c[0], 0)]);

        Assert.False(result.Committed);
        Assert.Empty(result.Versions);
        Assert.Equal([new RecordConflict<TKey>(Key("stale-a"), 0, 1)], result.Conflicts);
        var loaded = await store.LoadManyAsync([Key("stale-a"), Key("stale-b"), Key("stale-c")]);
        Assert.Equal(1, loaded[0]!.Version);
        AssertSameRecord(a[0], loaded[0]!.Record);
        Assert.Null(loaded[1]);
        Assert.Null(loaded[2]);
    });

    /// <summary>A batch that saves one key twice, or holds a null record or a negative version, is refused with a message naming the save, and writes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Batch_WithAKeyTwiceOrABadSave_IsRefused() => WithStore(async store =>
    {
        var key = Key("twice");
        var twice = Versions(key, 2);
        var other = Versions(Key("other"), 1)[0];

        var duplicate = await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveManyAsync([new(twice[0], 0), new(other, 0), new(twice[1], 1)]));
        var negative = await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveManyAsync([new(other, 0), new(twice[0], -1)]));
        var missing = await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveManyAsync([new(null!, 0)]));

        Assert.Equal($"saves[2] saves the key '{key}' again (first at saves[0]); a batch saves each key once. (Parameter 'saves')", duplicate.Message);
        Assert.Equal("saves[1] has a null record or a negative expected version. (Parameter 'saves')", negative.Message);
        Assert.Equal("saves[0] has a null record or a negative expected version. (Parameter 'saves')", missing.Message);
        Assert.Equal([null, null], await store.LoadManyAsync([key, Key("other")]));
    });

    /// <summary>Batches racing on the same keys and versions: exactly one commits, each other reports every key with the winner's version.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentBatches_AgainstOneVersion_ExactlyOneCommits() => WithStore(async store =>
    {
        var (a, b) = (Versions(Key("race-a"), 1)[0], Versions(Key("race-b"), 1)[0]);
        var results = await RunConcurrently(store, ConcurrentWriters, (writer, _) => writer.SaveManyAsync([new(a, 0), new(b, 0)]).AsTask());

        Assert.Single(results, r => r.Committed);
        Assert.All(results.Where(r => !r.Committed), r => Assert.Equal([new(Key("race-a"), 0, 1), new RecordConflict<TKey>(Key("race-b"), 0, 1)], r.Conflicts));
    });

    /// <summary>An empty batch commits with no versions, and an empty load returns nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task EmptyBatch_CommitsNothing() => WithStore(async store =>
    {
        var result = await store.SaveManyAsync([]);

        Assert.True(result.Committed);
        Assert.Empty(result.Versions);
        Assert.Empty(await store.LoadManyAsync([]));
    });

    /// <summary>A cancelled token makes a batch save and a batch load throw <see cref="OperationCanceledException"/>, and nothing is saved.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Batch_Cancellation_IsHonoured_AndNothingIsSaved() => WithStore(async store =>
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var (a, b) = (Versions(Key("cancel-a"), 1)[0], Versions(Key("cancel-b"), 1)[0]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SaveManyAsync([new(a, 0), new(b, 0)], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LoadManyAsync([Key("cancel-a")], cancelled.Token));

        Assert.Equal([null, null], await store.LoadManyAsync([Key("cancel-a"), Key("cancel-b")]));
    });
}
