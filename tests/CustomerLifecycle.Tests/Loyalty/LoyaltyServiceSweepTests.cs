using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>The service's nightly sweep: load a page, sweep it, save the checkpoints it renewed.</summary>
public sealed class LoyaltyServiceSweepTests
{
    private static readonly CustomerId Second = CustomerId.From("m-2");
    private static readonly CustomerId Nobody = CustomerId.From("nobody");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASweep_SavesOnlyTheCheckpointsItRenewed_AndGivesNullForAMemberWithoutAnAccount(bool batchStore)
    {
        var memory = new InMemoryLoyaltyStore();
        var service = new LoyaltyService(DefaultEngine, batchStore ? memory : new OneByOneStore(memory));
        // m-1: 100 points pending until 2026-03-16 09:00; m-2: 50 points pending until 2026-04-01 09:00.
        await service.ApplyAsync(Purchase("p1", At(2026, 3, 2, 9), 100m));
        await service.ApplyAsync(Purchase("p2", At(2026, 3, 18, 9), 50m) with { Member = Second });

        var night = await service.SweepAsync([Member, Second, Nobody], At(2026, 3, 20));
        var nextNight = await service.SweepAsync([Member, Second, Nobody], At(2026, 3, 21));

        Assert.Equal((100L, 0L), (night.Balances[0]!.Value.Available, night.Balances[0]!.Value.Pending));
        Assert.Equal((0L, 50L), (night.Balances[1]!.Value.Available, night.Balances[1]!.Value.Pending));
        Assert.Null(night.Balances[2]);
        Assert.Equal(At(2026, 3, 20), night.Balances[0]!.Value.AsOf);
        // Only m-1's checkpoint ran out (on 16 March); its new one holds until the lot enters the warning window.
        Assert.Equal((1, 0), (night.Saved, nextNight.Saved));
        var stored = (await memory.LoadAsync(Member))!;
        Assert.Equal((2L, At(2026, 3, 20), At(2027, 1, 31, 9)), (stored.Version, stored.Record.Checkpoint!.Balance.AsOf, stored.Record.Checkpoint.Until));
        Assert.Equal(1L, (await memory.LoadAsync(Second))!.Version);
        Assert.Null(await memory.LoadAsync(Nobody));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACommandSavedDuringTheSweeps_IsNeverLost(bool batchStore)
    {
        var memory = new InMemoryLoyaltyStore();
        var service = new LoyaltyService(DefaultEngine, batchStore ? memory : new OneByOneStore(memory), new RetryOptions { MaxAttempts = 100 });
        var members = Enumerable.Range(0, 20).Select(i => CustomerId.From($"m-{i:D2}")).ToArray();
        foreach (var member in members)
        {
            await service.ApplyAsync(Purchase("p", At(2026, 3, 2, 9), 100m) with { Member = member });
        }

        // Night after night the sweep renews checkpoints (the warning window, the lot's end) while adjustments land.
        var sweeps = Task.Run(async () =>
        {
            for (var day = 0; day < 40; day++)
            {
                await service.SweepAsync(members, At(2027, 1, 20) + NodaTime.Duration.FromDays(day));
            }
        });
        var writes = Task.Run(async () =>
        {
            foreach (var member in members)
            {
                await service.ApplyAsync(Adjust("a", At(2026, 3, 3), 7) with { Member = member });
            }
        });
        await Task.WhenAll(sweeps, writes);

        foreach (var member in members)
        {
            var record = (await memory.LoadAsync(member))!.Record;
            Assert.Equal(["p", "a"], record.Entries.Select(e => e.Key));
        }

        // The purchase's lot ended on 2027-03-02 09:00, the adjustment's ends on 2027-03-03.
        var final = await service.SweepAsync(members, At(2027, 3, 2, 12));
        Assert.All(final.Balances, b => Assert.Equal((7L, 100L), (b!.Value.Available, b.Value.Expired)));
    }

    [Fact]
    public async Task ABatchThatConflictsOnEveryAttempt_Throws_NamingTheMember()
    {
        var service = new LoyaltyService(DefaultEngine, new AlwaysConflictingBatchStore(), new RetryOptions { MaxAttempts = 3 });

        var ex = await Assert.ThrowsAsync<StoreConflictException>(() => service.SweepAsync([Member], At(2026, 3, 20)).AsTask());

        Assert.Equal("The record 'm-1' was changed by other writers on each of 3 attempts (stored version 7); nothing was saved. Try again, or raise RetryOptions.MaxAttempts.", ex.Message);
    }

    [Fact]
    public async Task TheSweep_GuardsItsMembers()
    {
        var service = new LoyaltyService(DefaultEngine, new InMemoryLoyaltyStore());

        await Assert.ThrowsAsync<ArgumentNullException>(() => service.SweepAsync(null!, At(2026, 3, 20)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => service.SweepAsync([Member, default], At(2026, 3, 20)).AsTask());
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => service.SweepAsync([Member, Second, Member], At(2026, 3, 20)).AsTask());
        Assert.Equal("members[2] is 'm-1' again; a sweep takes each member once. (Parameter 'members')", twice.Message);
    }

    /// <summary>A store with only the port's verbs, so that the service loads and saves each member on its own.</summary>
    private sealed class OneByOneStore(ILoyaltyStore inner) : ILoyaltyStore
    {
        public ValueTask<StoredRecord<LoyaltyRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default) => inner.LoadAsync(key, cancellationToken);

        public ValueTask<SaveResult> SaveAsync(LoyaltyRecord record, long expectedVersion, CancellationToken cancellationToken = default) => inner.SaveAsync(record, expectedVersion, cancellationToken);
    }

    private sealed class AlwaysConflictingBatchStore : ILoyaltyStore, IRecordBatchStore<CustomerId, LoyaltyRecord>
    {
        private static readonly LoyaltyRecord Stored = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m));

        public ValueTask<StoredRecord<LoyaltyRecord>?> LoadAsync(CustomerId key, CancellationToken cancellationToken = default)
            => ValueTask.FromResult<StoredRecord<LoyaltyRecord>?>(new(Stored, 6));

        public ValueTask<SaveResult> SaveAsync(LoyaltyRecord record, long expectedVersion, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(SaveResult.Conflict(7));

        public ValueTask<IReadOnlyList<StoredRecord<LoyaltyRecord>?>> LoadManyAsync(IReadOnlyList<CustomerId> keys, CancellationToken cancellationToken = default)
            => ValueTask.FromResult<IReadOnlyList<StoredRecord<LoyaltyRecord>?>>([.. keys.Select(_ => new StoredRecord<LoyaltyRecord>(Stored, 6))]);

        public ValueTask<RecordBatchResult<CustomerId>> SaveManyAsync(IReadOnlyList<RecordSave<LoyaltyRecord>> saves, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(new RecordBatchResult<CustomerId>([], [new RecordConflict<CustomerId>(Member, 6, 7)]));
    }
}
