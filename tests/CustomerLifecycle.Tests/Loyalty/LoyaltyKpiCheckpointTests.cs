using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>The KPI calculator over records just loaded: answered from their persisted checkpoints when they are trusted.</summary>
public sealed class LoyaltyKpiCheckpointTests
{
    private static readonly LoyaltyKpiCalculator Calculator = new(new LoyaltyOptions());

    [Fact]
    public void ARecordCheckpointedBeforeThePeriod_IsAnsweredFromItsCheckpoint_OwingItsPointsAndNothingElse()
    {
        // 100 points bought on 2026-03-02 09:00, available from 16 March, checkpointed on 20 March until the warning window of 2027-01-31 09:00.
        var loaded = JustLoaded(DefaultEngine.Checkpoint(Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m)), At(2026, 3, 20)));

        var april = Calculator.Calculate([loaded], At(2026, 4, 1), At(2026, 5, 1));

        Assert.Equal(new LoyaltyKpis(At(2026, 4, 1), At(2026, 5, 1), 1, 0, 0, 0, 100, 10.0m, 0m, null, null), april);
        Assert.Null(loaded.Summary); // a replay would have kept one
    }

    [Fact]
    public void ARecordWhoseEntriesAllFallInThePeriod_IsAnsweredFromItsCheckpoint_WithTheLedgersTotals()
    {
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 1500m), Redeem("r1", At(2026, 3, 20)));
        var loaded = JustLoaded(DefaultEngine.Checkpoint(record, At(2026, 3, 25)));

        var march = Calculator.Calculate([loaded], At(2026, 3, 1), At(2026, 4, 1));

        // Issued 1,500, redeemed 1,000 (the gift card), 500 held: worth 50.
        Assert.Equal(new LoyaltyKpis(At(2026, 3, 1), At(2026, 4, 1), 1, 1500, 1000, 0, 500, 50.0m, 0m, 1000m / 1500m, 0m), march);
        Assert.Null(loaded.Summary);
    }

    [Fact]
    public void ACheckpointOfAnotherPolicy_OrCheckpointedInThePeriodOverOlderEntries_IsReplayed()
    {
        var record = Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m));
        var otherPolicy = JustLoaded(Engine(o => o.HoldingDays = 7).Checkpoint(record with { Checkpoint = null }, At(2026, 4, 20)));
        var inThePeriod = JustLoaded(DefaultEngine.Checkpoint(record, At(2026, 4, 20)));

        var april = Calculator.Calculate([otherPolicy, inThePeriod], At(2026, 4, 1), At(2026, 5, 1));

        Assert.Equal(200L, april.OutstandingPoints);
        Assert.NotNull(otherPolicy.Summary);
        Assert.NotNull(inThePeriod.Summary);
    }

    [Property(MaxTest = 200)]
    public Property TheFiguresFromCheckpointedRecordsJustLoaded_AreAFullReplays() => Prop.ForAll(
        (from policy in LoyaltyGenerators.Policy
         let engine = new LoyaltyEngine(policy)
         from records in Gen.ListOf(LoyaltyGenerators.Record(engine)).Select(l => l.Take(6).ToArray())
         from checkpointDay in Gen.Choose(0, 900)
         from startDay in Gen.Choose(-30, 900)
         from days in Gen.Choose(1, 400)
         select (policy, engine, records, checkpointDay, startDay, days)).ToArbitrary(),
        c =>
        {
            var calculator = new LoyaltyKpiCalculator(c.policy);
            var checkpointAt = LoyaltyGenerators.Start + Duration.FromDays(c.checkpointDay);
            var (start, end) = (LoyaltyGenerators.Start + Duration.FromDays(c.startDay), LoyaltyGenerators.Start + Duration.FromDays(c.startDay + c.days));
            var loaded = c.records.Select(r => JustLoaded(c.engine.Checkpoint(r, checkpointAt))).ToArray();
            var replayed = c.records.Select(r => new LoyaltyRecord { Member = r.Member, Entries = r.Entries }).ToArray();

            return calculator.Calculate(loaded, start, end) == calculator.Calculate(replayed, start, end);
        });
}
