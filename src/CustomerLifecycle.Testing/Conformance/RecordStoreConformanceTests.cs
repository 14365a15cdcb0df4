using Xunit;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>
/// The contract every <see cref="IRecordStore{TKey, TRecord}"/> keeps, whatever it stores: a key never saved loads as null,
/// each save adds one to the version, a save against any other version than the stored one is a conflict that changes
/// nothing, keys are compared exactly, and of many writers racing on one version exactly one wins. A component's suite
/// inherits this class, says how to make its keys and records, and adds what is its own.
/// </summary>
/// <typeparam name="TStore">The store port.</typeparam>
/// <typeparam name="TKey">The key records are stored under.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public abstract class RecordStoreConformanceTests<TStore, TKey, TRecord> : StoreConformanceTests<TStore>
    where TStore : class, IRecordStore<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    /// <summary>The key of the record named <paramref name="name"/>.</summary>
    /// <param name="name">A short name, unique within a test; names differing only in case must give different keys.</param>
    /// <returns>The key.</returns>
    protected abstract TKey Key(string name);

    /// <summary>Distinct successive records under one key, for tests that save several versions.</summary>
    /// <param name="key">The key.</param>
    /// <param name="count">How many versions.</param>
    /// <returns>The records, oldest first.</returns>
    protected abstract IReadOnlyList<TRecord> Versions(TKey key, int count);

    /// <summary>Asserts two records are equal, naming what differs.</summary>
    /// <param name="expected">The record saved.</param>
    /// <param name="actual">The record loaded.</param>
    protected abstract void AssertSameRecord(TRecord expected, TRecord actual);

    /// <summary>A key nobody saved loads as null.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Load_OfAKeyNeverSaved_IsNull() => WithStore(async store =>
    {
        Assert.Null(await store.LoadAsync(Key("nobody")));
    });

    /// <summary>Each save adds one to the version, and the latest record is the one loaded.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Save_IncrementsTheVersionByOne() => WithStore(async store =>
    {
        var key = Key("versions");
        var versions = Versions(key, 4);
        for (var i = 0; i < versions.Count; i++)
        {
            Assert.Equal(SaveResult.Saved(i + 1), await store.SaveAsync(versions[i], i));
        }

        var loaded = await store.LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal(versions.Count, loaded.Version);
        AssertSameRecord(versions[^1], loaded.Record);
    });

    /// <summary>A save that expects a version older than the stored one is a conflict reporting the stored version, and changes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Save_WithAStaleVersion_IsAConflictAndChangesNothing() => WithStore(async store =>
    {
        var key = Key("stale");
        var versions = Versions(key, 3);
        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);
        Assert.True((await store.SaveAsync(versions[1], 1)).Succeeded);

        Assert.Equal(SaveResult.Conflict(2), await store.SaveAsync(versions[2], 1));
        Assert.Equal(SaveResult.Conflict(2), await store.SaveAsync(versions[2], 0));

        var loaded = await store.LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Version);
        AssertSameRecord(versions[1], loaded.Record);
    });

    /// <summary>A first save (expected version 0) under a key that already has a record is a conflict.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Save_AtVersionZero_WhenARecordExists_IsAConflict() => WithStore(async store =>
    {
        var key = Key("exists");
        var versions = Versions(key, 2);
        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);

        Assert.Equal(SaveResult.Conflict(1), await store.SaveAsync(versions[1], 0));

        var loaded = await store.LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        AssertSameRecord(versions[0], loaded.Record);
    });

    /// <summary>A save that expects a version the store never reached is a conflict, whether a record exists or not.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Save_WithAVersionAhead_IsAConflict() => WithStore(async store =>
    {
        var key = Key("ahead");
        var versions = Versions(key, 2);
        Assert.Equal(SaveResult.Conflict(0), await store.SaveAsync(versions[0], 1));
        Assert.Null(await store.LoadAsync(key));

        Assert.True((await store.SaveAsync(versions[0], 0)).Succeeded);
        Assert.Equal(SaveResult.Conflict(1), await store.SaveAsync(versions[1], 5));

        var loaded = await store.LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
    });

    /// <summary>Keys have their own records and versions, compared exactly (case-sensitive): saving one never touches another.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task Keys_AreIsolated() => WithStore(async store =>
    {
        var upper = Versions(Key("Isolated"), 2);
        var lower = Versions(Key("isolated"), 1)[0];
        Assert.True((await store.SaveAsync(upper[0], 0)).Succeeded);
        Assert.True((await store.SaveAsync(upper[1], 1)).Succeeded);
        Assert.Equal(SaveResult.Saved(1), await store.SaveAsync(lower, 0));

        var loadedUpper = await store.LoadAsync(Key("Isolated"));
        var loadedLower = await store.LoadAsync(Key("isolated"));
        Assert.NotNull(loadedUpper);
        Assert.NotNull(loadedLower);
        Assert.Equal((2L, 1L), (loadedUpper.Version, loadedLower.Version));
        AssertSameRecord(upper[1], loadedUpper.Record);
        AssertSameRecord(lower, loadedLower.Record);
    });

    /// <summary>When many writers save against the same expected version at once, exactly one wins and the others are told the winner's version.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task ConcurrentSaves_AgainstOneVersion_ExactlyOneWins() => WithStore(async store =>
    {
        var key = Key("race");
        var versions = Versions(key, 2);
        foreach (var expected in new long[] { 0, 1 })
        {
            var record = versions[(int)expected];
            var results = await RunConcurrently(store, ConcurrentWriters, (writer, _) => writer.SaveAsync(record, expected).AsTask());
            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(expected + 1, r.Version));
        }

        var loaded = await store.LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Version);
    });
}
