using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyTransferTests
{
    private static readonly CustomerId Target = CustomerId.From("m-2");

    // Three lots of the default policy (12 months, no holding for adjustments): 300 expiring 2027-01-10, 200 2027-02-10, 500 2027-03-10.
    private static readonly LoyaltyRecord Source = Run(DefaultEngine, Adjust("c1", At(2026, 1, 10), 300), Adjust("c2", At(2026, 2, 10), 200), Adjust("c3", At(2026, 3, 10), 500));

    private static LoyaltyTransferOut Out(string key, Instant at, long points, string transfer = "t-1")
        => new() { Key = key, Member = Member, At = at, TransferId = transfer, To = Target, Points = points };

    private static LoyaltyTransferIn In(string key, Instant at, long points, string transfer = "t-1")
        => new() { Key = key, Member = Target, At = at, TransferId = transfer, From = Member, Points = points };

    [Fact]
    public void TheOutSide_TakesPointsFromTheSoonestExpiringLotsFirst_AndNamesTheTarget()
    {
        var outcome = DefaultEngine.TryApply(Source, Out("out-1", At(2026, 4, 1), 400));

        var entry = Assert.Single(outcome.Entries);
        Assert.Equal((LoyaltyEntryKind.TransferOut, -400L, "loyalty.transfer-out", "t-1", (CustomerId?)Target), (entry.Kind, entry.Points, entry.RuleId, entry.TransferId, entry.Counterpart));
        Assert.Equal([new LoyaltyAllocation("c1", 300), new LoyaltyAllocation("c2", 100)], entry.Allocations.ToArray());
        Assert.Equal("Transfer t-1: 400 points to m-2 from c1 (300), c2 (100).", entry.Reason);
        var balance = DefaultEngine.Evaluate(outcome.Record!, At(2026, 4, 1)).Balance;
        Assert.Equal((600L, 1000L, 400L), (balance.Available, balance.Earned, balance.Reversed));
    }

    [Fact]
    public void TheInSide_OpensALotAvailableAtOnce_WithALifetimeOfItsOwn()
    {
        var outcome = DefaultEngine.TryApply(null, In("in-1", At(2026, 4, 1), 400));

        var entry = Assert.Single(outcome.Entries);
        Assert.Equal((LoyaltyEntryKind.TransferIn, 400L, (Instant?)At(2026, 4, 1), (Instant?)At(2027, 4, 1), (CustomerId?)Member), (entry.Kind, entry.Points, entry.AvailableFrom, entry.ExpiresAt, entry.Counterpart));
        Assert.True(entry.OpensLot);
        Assert.Equal("Transfer t-1: 400 points from m-1, available at once, expiring 2027-04-01T00:00:00Z.", entry.Reason);
        Assert.Equal(400, DefaultEngine.Evaluate(outcome.Record!, At(2026, 4, 1)).Balance.Available);
    }

    [Fact]
    public void EachSide_IsIdempotentByItsKey_AndATransferIdAppliesOncePerSide()
    {
        var source = Run(DefaultEngine, Source, Out("out-1", At(2026, 4, 1), 400));

        Assert.Equal(LoyaltyOutcomeStatus.Duplicate, DefaultEngine.TryApply(source, Out("out-1", At(2026, 4, 1), 400)).Status);
        var again = DefaultEngine.TryApply(source, Out("out-2", At(2026, 4, 1), 400));
        Assert.Equal(LoyaltyOutcomeStatus.Rejected, again.Status);
        Assert.Equal("TransferId: transfer 't-1' was already applied to this member by command 'out-1'.", again.Reasons[0].Message);
        Assert.Equal("loyalty.transfer-already-applied", again.Reasons[0].Code);
    }

    [Fact]
    public void ASourceShortOfPoints_IsRefused_NamingThePointsAndWritingNothing()
    {
        var outcome = DefaultEngine.TryApply(Source, Out("out-1", At(2026, 4, 1), 1001));

        Assert.Equal((LoyaltyOutcomeStatus.Rejected, "loyalty.insufficient-points"), (outcome.Status, outcome.Reasons[0].Code));
        Assert.Equal("Points: a transfer of 1001 points but 1000 are available.", outcome.Reasons[0].Message);
        Assert.Equal(("Points", (object?)1001L), ((string)outcome.Reasons[0].Data["field"]!, outcome.Reasons[0].Data["value"]));
        Assert.Same(Source, outcome.Record);
        Assert.Empty(outcome.Entries);
    }

    [Theory]
    [InlineData(0, "m-2", "t-1", "Points: must be in [1, 1000000000] but was 0.")]
    [InlineData(-5, "m-2", "t-1", "Points: must be in [1, 1000000000] but was -5.")]
    [InlineData(10, "m-1", "t-1", "To: must be another member than the command's.")]
    [InlineData(10, "m-2", " ", "TransferId: must not be empty.")]
    public void BadTransfers_AreRefused_NamingTheField(long points, string to, string transfer, string message)
    {
        var command = Out("out-1", At(2026, 4, 1), points, transfer) with { To = CustomerId.From(to) };

        var outcome = DefaultEngine.TryApply(Source, command);

        Assert.Equal((LoyaltyOutcomeStatus.Rejected, message), (outcome.Status, outcome.Reasons[0].Message));
    }

    [Fact]
    public void ATransferIn_FromTheMemberItself_IsRefused()
    {
        var outcome = DefaultEngine.TryApply(null, In("in-1", At(2026, 4, 1), 10) with { From = Target });

        Assert.Equal("From: must be another member than the command's.", outcome.Reasons[0].Message);
    }

    [Fact]
    public void BothSides_KeepTheBalanceIdentity_AndMoveNoTierQualifyingPointsNorIssuedPoints()
    {
        var source = Run(DefaultEngine, Source, Out("out-1", At(2026, 4, 1), 400));
        var target = DefaultEngine.TryApply(null, In("in-1", At(2026, 4, 1), 400)).Record!;

        foreach (var b in new[] { DefaultEngine.Evaluate(source, At(2026, 4, 2)).Balance, DefaultEngine.Evaluate(target, At(2026, 4, 2)).Balance })
        {
            Assert.Equal(b.Earned - b.Reversed, b.Available + b.Pending + b.Expired + b.Redeemed);
        }

        var kpis = new LoyaltyKpiCalculator(new LoyaltyOptions()).Calculate([source, target], At(2026, 1, 1), At(2026, 5, 1));
        Assert.Equal((1000L, 1000L), (kpis.PointsIssued, kpis.OutstandingPoints));
    }

    [Fact]
    public void UnderRollingExpiry_ATransferIn_IsNotActivity_ItJoinsThePointsHeld()
    {
        var rolling = Engine(o =>
        {
            o.ExpiryMode = LoyaltyExpiryMode.Rolling;
            o.LifetimeMonths = 3;
        });
        var target = Run(rolling, Activity("a1", At(2026, 1, 10)) with { Member = Target }, In("in-1", At(2026, 3, 1), 100));

        Assert.Equal((Instant?)At(2026, 4, 10), target.Entries[1].ExpiresAt);
        Assert.Equal(0, rolling.Evaluate(target, At(2026, 4, 10)).Balance.Available);
    }
}
