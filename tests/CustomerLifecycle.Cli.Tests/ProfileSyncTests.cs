using CustomerLifecycle.Cli.Commands;
using CustomerLifecycle.Cli.Input;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Cli.Tests;

public sealed class ProfileSyncTests
{
    private static readonly TransactionRow[] Rows =
    [
        new("ann", new LocalDate(2026, 1, 5), 40, 1),
        new("bob", new LocalDate(2026, 1, 6), 25, 2),
        new("bob", new LocalDate(2026, 2, 6), 30, 3),
        new("cid", new LocalDate(2026, 3, 1), 10, 4),
    ];

    [Fact]
    public async Task AFirstRun_SavesEveryProfileInOneBatch_AndASecondFindsThemAll()
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var store = new InMemoryProfileStore();
        var data = CustomerTransactions.From(Rows);

        var first = await ProfileSync.RunAsync(engine, store, data, CancellationToken.None);
        var saved = await ProfileSync.SaveAsync(store, first, Views(engine, first), CancellationToken.None);
        var second = await ProfileSync.RunAsync(engine, store, data, CancellationToken.None);

        Assert.Equal(3, saved);
        Assert.Equal((4L, 0L), (first.New, first.Duplicates));
        Assert.Equal((0L, 4L), (second.New, second.Duplicates));
        Assert.Equal([1L, 1L, 1L], second.Versions);
        Assert.Equal([1, 2], second.Profiles[..2].Select(p => (int)p.PurchaseCount));
    }

    [Fact]
    public async Task ARerunWithAnotherIdenticalRowOnTheLatestDay_AppliesJustThatRow()
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var store = new InMemoryProfileStore();
        var first = await ProfileSync.RunAsync(engine, store, CustomerTransactions.From(Rows), CancellationToken.None);
        await store.SaveManyAsync([.. first.Profiles.Select(p => new RecordSave<ProfileRecord>(p, 0))]);

        // bob's second row again (same day and amount): its id ends in |2, which the stored profile has not seen.
        var again = await ProfileSync.RunAsync(engine, store, CustomerTransactions.From([.. Rows, new("bob", new LocalDate(2026, 2, 6), 30, 5)]), CancellationToken.None);

        Assert.Equal((1L, 4L, 0L), (again.New, again.Duplicates, again.Late));
        Assert.Equal([false, true, false], again.Changed);
        Assert.Equal(3, again.Profiles[1].PurchaseCount);
        Assert.Contains("bob|2026-02-06|30|2", again.Profiles[1].RecentFactIds);
    }

    [Fact]
    public async Task ARerunWhoseRowsAreNoMoreThanTheProfileHolds_StillAppliesAnUnseenOne()
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var store = new InMemoryProfileStore();
        var first = await ProfileSync.RunAsync(engine, store, CustomerTransactions.From(Rows), CancellationToken.None);
        await store.SaveManyAsync([.. first.Profiles.Select(p => new RecordSave<ProfileRecord>(p, 0))]);

        // bob's first row gone, his second twice: two rows, as many as his profile folded, one of them unseen.
        TransactionRow[] rows = [Rows[0], Rows[2], new("bob", new LocalDate(2026, 2, 6), 30, 5), Rows[3]];
        var again = await ProfileSync.RunAsync(engine, store, CustomerTransactions.From(rows), CancellationToken.None);

        Assert.Equal((1L, 3L, 0L), (again.New, again.Duplicates, again.Late));
        Assert.Equal(3, again.Profiles[1].PurchaseCount);
    }

    [Fact]
    public async Task AProfileChangedByAnotherProcess_FailsTheRun_AndNothingIsWritten()
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var store = new InMemoryProfileStore();
        var sync = await ProfileSync.RunAsync(engine, store, CustomerTransactions.From(Rows), CancellationToken.None);
        var views = Views(engine, sync);
        Assert.True((await store.SaveAsync(sync.Profiles[1], 0)).Succeeded);

        var error = await Assert.ThrowsAsync<CliException>(() => ProfileSync.SaveAsync(store, sync, views, CancellationToken.None));

        Assert.Equal("another process changed 1 profiles while this run was analysing them (first: customer bob); nothing was written, run again.", error.Message);
        Assert.Equal(ExitCodes.Database, error.ExitCode);
        Assert.Equal(1, store.Count);
    }

    private static CustomerViewSummary[] Views(ProfileEngine engine, SyncResult sync)
    {
        var asOf = Instant.FromUtc(2026, 3, 2, 0, 0);
        var views = new CustomerViewSummary[sync.Profiles.Length];
        engine.Evaluate(sync.Profiles, engine.Prepare(sync.Profiles, asOf), asOf, views);
        return views;
    }
}
