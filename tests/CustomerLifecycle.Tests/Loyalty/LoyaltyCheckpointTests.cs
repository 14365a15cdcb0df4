using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>The persisted checkpoint: what the engine writes on the records it returns, and when a sweep trusts it.</summary>
public sealed class LoyaltyCheckpointTests
{
    private const long DefaultPolicyFingerprint = -2232028210380328955;
    private static readonly Duration Second = Duration.FromSeconds(1);
    private static readonly LoyaltyEngine TieredEngine = new(LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true));

    [Fact]
    public void APurchase_IsCheckpointedPending_UntilItsHoldingPeriodEnds()
    {
        // 100 points on 2026-03-02 09:00 UTC under the defaults: pending for 14 days, worth 10 at 0.1 a point.
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m));

        var checkpoint = record.Checkpoint!;

        Assert.Equal(new LoyaltyBalance(Member, At(2026, 3, 2, 9), 0, 100, 0, 0, 100, 0, 0, 0, null, 10.0m, 0), checkpoint.Balance);
        Assert.Equal(At(2026, 3, 16, 9), checkpoint.Until);
        Assert.Equal((1, "p1"), (checkpoint.EntryCount, checkpoint.LastEntryKey));
        Assert.Equal(DefaultEngine.Checkpoint(record with { Checkpoint = null }, At(2026, 3, 2, 9)).Checkpoint, checkpoint);
    }

    [Fact]
    public void Checkpoint_RenewsOnlyWhatNoLongerHolds_UpToTheWarningWindowAndTheLotsEnd()
    {
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m));

        // Available from 2026-03-16; the lot ends on 2027-03-02 09:00 and enters the 30-day warning window on 2027-01-31 09:00.
        var available = DefaultEngine.Checkpoint(record, At(2026, 3, 20));
        var kept = DefaultEngine.Checkpoint(available, At(2027, 1, 31, 9) - Second);
        var warned = DefaultEngine.Checkpoint(available, At(2027, 1, 31, 9));

        Assert.Equal(new LoyaltyBalance(Member, At(2026, 3, 20), 100, 0, 0, 0, 100, 0, 0, 0, At(2027, 3, 2, 9), 10.0m, 0), available.Checkpoint!.Balance);
        Assert.Equal(At(2027, 1, 31, 9), available.Checkpoint.Until);
        Assert.Same(available, kept);
        Assert.Equal((100L, At(2027, 3, 2, 9)), (warned.Checkpoint!.Balance.ExpiringSoon, warned.Checkpoint.Until));
        Assert.Equal(record.Entries, warned.Entries);
    }

    [Fact]
    public void ACheckpointAskedBeforeTheLatestEntry_IsWrittenAsOfThatEntry()
    {
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m), Purchase("p2", At(2026, 5, 2, 9), 50m)) with { Checkpoint = null };

        var checkpoint = DefaultEngine.Checkpoint(record, At(2026, 4, 1)).Checkpoint!;

        Assert.Equal((At(2026, 5, 2, 9), 100L, 50L), (checkpoint.Balance.AsOf, checkpoint.Balance.Available, checkpoint.Balance.Pending));
        Assert.Equal((2, "p2", At(2026, 5, 16, 9)), (checkpoint.EntryCount, checkpoint.LastEntryKey, checkpoint.Until));
    }

    [Fact]
    public void ATieredMembersCheckpoint_HoldsTheTier_UntilTheReview()
    {
        // 1,200 points on 2026-03-02 reach Silver for rolling 12 months; the review of 2027-03-02 09:00 UTC, when the lot also ends, decides next.
        var record = TieredEngine.Checkpoint(Run(TieredEngine, Purchase("p1", At(2026, 3, 2, 9), 1200m)), At(2027, 2, 15));

        Assert.Equal((1, 1200L, At(2027, 3, 2, 9)), (record.Checkpoint!.Balance.TierLevel, record.Checkpoint.Balance.ExpiringSoon, record.Checkpoint.Until));
    }

    [Fact]
    public void ACheckpointThatAgreesAndHolds_IsAnsweredFrom_WithoutReplaying()
    {
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m));
        var forged = record with { Checkpoint = record.Checkpoint! with { Balance = record.Checkpoint.Balance with { Available = 1, Pending = 99 } } };

        var swept = Sweep(DefaultEngine, forged, At(2026, 3, 3));

        // Only the checkpoint says 1 and 99: the ledger says 0 and 100. (Never forge one: this shows the sweep reads it.)
        Assert.Equal((1L, 99L, At(2026, 3, 3)), (swept.Available, swept.Pending, swept.AsOf));
    }

    [Fact]
    public void ACheckpointOfAnotherPolicyOrLedger_OrOutsideItsBounds_IsIgnored_AndTheLedgerReplayed()
    {
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m));
        var checkpoint = record.Checkpoint!;
        var forged = checkpoint with { Balance = checkpoint.Balance with { Available = 1, Pending = 99 } };
        var other = Purchase("other", At(2026, 3, 2, 9), 100m) with { OrderId = "o-p1" };
        (LoyaltyRecord Record, Instant At)[] ignored =
        [
            (record with { Checkpoint = forged with { PolicyFingerprint = checkpoint.PolicyFingerprint + 1 } }, At(2026, 3, 3)),
            (record with { Checkpoint = forged with { Balance = forged.Balance with { Available = 2 } } }, At(2026, 3, 3)),
            (Run(DefaultEngine, record, Adjust("a1", At(2026, 3, 2, 9), 5)) with { Checkpoint = forged }, At(2026, 3, 3)),
            (Run(DefaultEngine, other) with { Checkpoint = forged }, At(2026, 3, 3)),
            (record with { Member = CustomerId.From("m-2"), Checkpoint = forged }, At(2026, 3, 3)),
            (record with { Checkpoint = forged }, At(2026, 3, 2, 9) - Second),
            (record with { Checkpoint = forged }, At(2026, 3, 16, 9)),
        ];

        Assert.All(ignored, c => Assert.Equal(DefaultEngine.Evaluate(c.Record, c.At).Balance, Sweep(DefaultEngine, c.Record, c.At)));
        Assert.All(ignored, c => Assert.NotEqual(1L, Sweep(DefaultEngine, c.Record, c.At).Available));
    }

    [Fact]
    public void ThePolicyFingerprint_IsTheContentOfThePolicy_NotTheEngine()
    {
        var purchase = Purchase("p1", At(2026, 3, 2, 9), 100m);
        long FingerprintUnder(LoyaltyOptions options) => new LoyaltyEngine(options).TryApply(null, purchase).Record!.Checkpoint!.PolicyFingerprint;

        Assert.Equal(FingerprintUnder(new LoyaltyOptions()), FingerprintUnder(new LoyaltyOptions()));
        Assert.NotEqual(FingerprintUnder(new LoyaltyOptions()), FingerprintUnder(new LoyaltyOptions { HoldingDays = 7 }));
        Assert.NotEqual(FingerprintUnder(new LoyaltyOptions()), FingerprintUnder(new LoyaltyOptions { ExpiryWarningDays = 29 }));

        // The same in every process and on every machine: stored checkpoints depend on it (a new value replays every member once).
        Assert.Equal(DefaultPolicyFingerprint, FingerprintUnder(new LoyaltyOptions()));
    }

    /// <summary>Every command's record carries the checkpoint a replay of its whole ledger writes (the engine takes it from the
    /// ledger the command was applied to, not from a second replay).</summary>
    [Property(MaxTest = 200)]
    public Property TheCheckpointOfEveryCommandsRecord_IsAFullReplays(bool tiers, bool negative) => Prop.ForAll(
        LoyaltyGenerators.Record(new LoyaltyEngine(LoyaltyGenerators.PolicyOf(negative, tiers))).ToArbitrary(),
        record =>
        {
            // A script refused whole leaves a record without entries, which no command wrote.
            var engine = new LoyaltyEngine(LoyaltyGenerators.PolicyOf(negative, tiers));
            var written = record.Entries.IsEmpty ? null : engine.Checkpoint(record with { Checkpoint = null }, record.Entries.Max(e => e.At)).Checkpoint;
            Assert.Equal(written, record.Checkpoint);
        });

    [Fact]
    public void ASweepOverCheckpointedRecordsJustLoaded_AllocatesNothing()
    {
        // After every entry, so that every checkpoint is written as of the sweep and holds there: a checkpoint of a ledger
        // with later entries is written as of its latest one and the record is replayed, which reads the zone's rules
        // (NodaTime's cache of them, shared with the tests running beside this one, may allocate on a miss).
        var records = LoyaltyGenerators.Record(TieredEngine).Sample(60, 300).ToArray();
        var asOf = records.SelectMany(r => r.Entries).Select(e => e.At).DefaultIfEmpty(LoyaltyGenerators.Start).Max() + Duration.FromDays(1);
        var loaded = records.Select(r => JustLoaded(TieredEngine.Checkpoint(r, asOf))).ToArray();
        var balances = new LoyaltyBalance[loaded.Length];
        TieredEngine.Evaluate(loaded, asOf, balances);

        // A trusted checkpoint keeps no summary on the record (asserted below), so every run answers from the checkpoints.
        var allocated = Allocations.Fewest(() => TieredEngine.Evaluate(loaded, asOf, balances));

        Assert.Equal(0L, allocated);
        Assert.Equal(records.Select(r => TieredEngine.Evaluate(r, asOf).Balance), balances);
        Assert.All(loaded, r => Assert.Null(r.Summary));
    }
}
