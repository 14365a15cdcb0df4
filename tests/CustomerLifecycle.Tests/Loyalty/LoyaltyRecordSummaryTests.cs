using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>The fast path of the sweep and the KPIs over records without a checkpoint (which a sweep would answer from first):
/// what a replay of the record instance found answers until the next instant anything can change.</summary>
public sealed class LoyaltyRecordSummaryTests
{
    private static readonly Duration Second = Duration.FromSeconds(1);
    private static readonly LoyaltyEngine TieredEngine = new(LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true));

    [Fact]
    public void AHeldLot_ReadsFromTheSummary_UntilItsHoldingPeriodWarningAndLifetimeEnd()
    {
        // 100 points on 2026-03-02 09:00 UTC: pending for 14 days, within the 30-day warning from 2027-01-31, expired on 2027-03-02.
        var record = LedgerOnly(Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m)));

        var first = Sweep(DefaultEngine, record, At(2026, 3, 3));
        var summary = Assert.IsType<LoyaltyRecordSummary>(record.Summary);
        Assert.Equal((At(2026, 3, 16, 9), At(2026, 3, 16, 9)), (summary.Until, summary.LedgerUntil));
        Assert.Equal((0L, 100L), (first.Available, first.Pending));

        var pending = Sweep(DefaultEngine, record, At(2026, 3, 16, 9) - Second);
        Assert.Same(summary, record.Summary);
        Assert.Equal((0L, 100L, At(2026, 3, 16, 9) - Second), (pending.Available, pending.Pending, pending.AsOf));

        var available = Sweep(DefaultEngine, record, At(2026, 3, 16, 9));
        Assert.NotSame(summary, record.Summary);
        Assert.Equal((100L, 0L, 0L), (available.Available, available.Pending, available.ExpiringSoon));
        Assert.Equal(At(2027, 1, 31, 9), ((LoyaltyRecordSummary)record.Summary!).Until);

        Assert.Equal(0L, Sweep(DefaultEngine, record, At(2027, 1, 31, 9) - Second).ExpiringSoon);
        Assert.Equal(100L, Sweep(DefaultEngine, record, At(2027, 1, 31, 9)).ExpiringSoon);
        Assert.Equal(100L, Sweep(DefaultEngine, record, At(2027, 3, 2, 9) - Second).Available);
        var expired = Sweep(DefaultEngine, record, At(2027, 3, 2, 9));
        Assert.Equal((0L, 100L, (Instant?)null), (expired.Available, expired.Expired, expired.NextExpiry));
        Assert.Equal(Instant.MaxValue, ((LoyaltyRecordSummary)record.Summary!).Until);
    }

    [Fact]
    public void ATier_ReadsFromTheSummary_UntilItsReviewAndTheDropAfterTheGracePeriod()
    {
        // 1,200 points on 2026-03-02 reach Silver for rolling 12 months (Europe/Berlin): the review of 2027-03-02 09:00 UTC
        // finds 0 and drops to Member after the 10-day grace period, on 2027-03-12 09:00 UTC.
        var record = LedgerOnly(Run(TieredEngine, Purchase("p1", At(2026, 3, 2, 9), 1200m)));

        Assert.Equal(1, Sweep(TieredEngine, record, At(2027, 2, 15)).TierLevel);
        Assert.Equal(At(2027, 3, 2, 9), ((LoyaltyRecordSummary)record.Summary!).Until);
        Assert.Equal(1, Sweep(TieredEngine, record, At(2027, 3, 2, 9)).TierLevel);
        var grace = (LoyaltyRecordSummary)record.Summary!;
        Assert.Equal(At(2027, 3, 12, 9), grace.Until);

        Assert.Equal(1, Sweep(TieredEngine, record, At(2027, 3, 12, 9) - Second).TierLevel);
        Assert.Same(grace, record.Summary);
        Assert.Equal(0, Sweep(TieredEngine, record, At(2027, 3, 12, 9)).TierLevel);
    }

    [Fact]
    public void ASweepBeforeTheLatestEntry_Replays_AndKeepsNothing()
    {
        var record = LedgerOnly(Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m), Purchase("p2", At(2026, 5, 2, 9), 50m)));

        var balance = Sweep(DefaultEngine, record, At(2026, 4, 1));

        Assert.Null(record.Summary);
        Assert.Equal((100L, 50L), (balance.Available, balance.Pending));
    }

    [Fact]
    public void TheLiability_ReadsFromASweepsSummary_UpToALotEndingExactlyAtThePeriodsEnd()
    {
        // The lot of 100 points ends on 2027-03-02 09:00: a period ending then still owes it; one an instant later has lost it.
        var record = LedgerOnly(Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m)));
        var calculator = new LoyaltyKpiCalculator(new LoyaltyOptions());
        Sweep(DefaultEngine, record, At(2027, 3, 1));
        var summary = record.Summary;

        var owed = calculator.Calculate([record], At(2026, 1, 1), At(2027, 3, 2, 9));
        var lost = calculator.Calculate([record], At(2026, 1, 1), At(2027, 3, 2, 9) + Second);

        Assert.Same(summary, record.Summary);
        Assert.Equal((100L, 100L, 0L, 0L), (owed.PointsIssued, owed.OutstandingPoints, owed.PointsExpired, owed.PointsRedeemed));
        Assert.Equal((100L, 0L, 100L), (lost.PointsIssued, lost.OutstandingPoints, lost.PointsExpired));
        Assert.Equal(calculator.Calculate([Fresh(record)], At(2026, 1, 1), At(2027, 3, 2, 9)), owed);
    }

    [Fact]
    public void TheLiability_ReadFromASummary_CountsNoTransferInAsIssued()
    {
        // 500 points of a referral, then 200 moved in from m-2: the programme issued 500, and 700 are owed.
        var record = LedgerOnly(Run(
            DefaultEngine,
            Activity("r1", At(2026, 3, 2, 9)),
            new LoyaltyTransferIn { Key = "in", Member = Member, At = At(2026, 3, 3, 9), TransferId = "t1", From = CustomerId.From("m-2"), Points = 200 }));
        var calculator = new LoyaltyKpiCalculator(new LoyaltyOptions());
        Sweep(DefaultEngine, record, At(2026, 4, 1));
        var summary = record.Summary;

        var kpis = calculator.Calculate([record], At(2026, 1, 1), At(2026, 4, 1));

        Assert.Same(summary, record.Summary);
        Assert.Equal((500L, 700L), (kpis.PointsIssued, kpis.OutstandingPoints));
        Assert.Equal(calculator.Calculate([Fresh(record)], At(2026, 1, 1), At(2026, 4, 1)), kpis);
    }

    [Fact]
    public void ACopyWithOtherEntriesOrAnotherMember_StartsWithoutTheSummary()
    {
        var record = LedgerOnly(Run(DefaultEngine, Purchase("p1", At(2026, 3, 2, 9), 100m)));
        Sweep(DefaultEngine, record, At(2026, 3, 3));

        Assert.NotNull(record.Summary);
        Assert.Null((record with { Entries = [] }).Summary);
        Assert.Null((record with { Member = CustomerId.From("m-2") }).Summary);
    }

    [Property(MaxTest = 200)]
    public Property TheFastPath_IsTheFullReplay_BeforeAtAndAfterTheNextChange() => Prop.ForAll(Cases(), c =>
    {
        var engine = new LoyaltyEngine(c.Policy);
        var calculator = new LoyaltyKpiCalculator(c.Policy);
        var record = LedgerOnly(LoyaltyGenerators.Apply(engine, c.Commands));
        var latest = record.Entries.Select(e => e.At).Append(LoyaltyGenerators.Start).Max();
        var first = latest + Duration.FromHours(c.Hours);
        Sweep(engine, record, first);
        var until = ((LoyaltyRecordSummary)record.Summary!).Until;
        List<Instant> instants = [first - Duration.FromHours(1), first];
        instants.AddRange(until == Instant.MaxValue
            ? [first + Duration.FromDays(c.Pick)]
            : [first + ((until - first) / 1000 * c.Pick), until - Duration.Epsilon, until, until + Duration.Epsilon, until + Duration.FromDays(c.Pick)]);
        return instants.All(t =>
        {
            var kept = record.Summary;
            var swept = Sweep(engine, record, t);
            var replayed = engine.Evaluate(record, t).Balance;
            Instant[] starts = [LoyaltyGenerators.Start - Duration.FromDays(1), LoyaltyGenerators.Start, LoyaltyGenerators.Start + Duration.FromDays(30)];
            var periodStart = starts[c.Pick % 3] < t ? starts[c.Pick % 3] : t;
            var kpis = calculator.Calculate([record], periodStart, t + Duration.Epsilon);
            var replayedKpis = calculator.Calculate([Fresh(record)], periodStart, t + Duration.Epsilon);
            var answeredFromKept = kept is LoyaltyRecordSummary k && t >= k.From && t < k.Until;
            return swept == replayed && kpis == replayedKpis && (!answeredFromKept || ReferenceEquals(kept, record.Summary));
        }).Label($"first {first}, until {until}, {record.Entries.Length} entries");
    });

    /// <summary>The record without its checkpoint, as saved before checkpoints existed.</summary>
    private static LoyaltyRecord LedgerOnly(LoyaltyRecord record) => record with { Checkpoint = null };

    /// <summary>The same ledger in a new instance, which has no summary yet: the calculator replays it.</summary>
    private static LoyaltyRecord Fresh(LoyaltyRecord record) => new() { Member = record.Member, Entries = record.Entries };

    private static Arbitrary<Case> Cases() =>
        (from policy in LoyaltyGenerators.Policy
         from commands in LoyaltyGenerators.Script
         from hours in Gen.Choose(0, 24 * 900)
         from pick in Gen.Choose(0, 1000)
         select new Case(policy, commands, hours, pick)).ToArbitrary();

    public sealed record Case(LoyaltyOptions Policy, IReadOnlyList<LoyaltyCommand> Commands, int Hours, int Pick);
}
