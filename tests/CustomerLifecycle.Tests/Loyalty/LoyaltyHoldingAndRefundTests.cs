using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyHoldingAndRefundTests
{
    private static readonly Instant Bought = At(2026, 1, 10, 12);
    private static readonly Instant HoldingEnds = At(2026, 1, 24, 12);
    private static readonly Duration Second = Duration.FromSeconds(1);

    [Fact]
    public void APurchasesPoints_ArePendingUntilTheHoldingPeriodEnds_ThenAvailable()
    {
        var account = Run(DefaultEngine, Purchase("p1", Bought, 200m));

        var before = DefaultEngine.Evaluate(account, HoldingEnds - Second).Balance;
        var after = DefaultEngine.Evaluate(account, HoldingEnds).Balance;

        Assert.Equal((0L, 200L), (before.Available, before.Pending));
        Assert.Equal((200L, 0L), (after.Available, after.Pending));
    }

    [Fact]
    public void ARefundASecondBeforeTheHoldingPeriodEnds_CancelsThePendingPoints()
    {
        var account = Run(DefaultEngine, Purchase("p1", Bought, 200m));

        var outcome = DefaultEngine.TryApply(account, Refund("f1", HoldingEnds - Second, "o-p1", 200m));

        var entry = Assert.Single(outcome.Entries);
        Assert.Equal(LoyaltyEntryKind.Reverse, entry.Kind);
        Assert.Equal(-200, entry.Points);
        Assert.Equal("p1", entry.Target);
        Assert.Equal([new LoyaltyAllocation("p1", 200)], entry.Allocations.ToArray());
        Assert.Equal("Refund of 200 of order o-p1 (200): 200 of its 200 points cancelled while pending from p1 (200).", entry.Reason);
        Assert.Equal(0, outcome.Shortfall);
        var balance = DefaultEngine.Evaluate(outcome.Record!, HoldingEnds).Balance;
        Assert.Equal((0L, 0L, 200L, 200L), (balance.Available, balance.Pending, balance.Earned, balance.Reversed));
    }

    [Fact]
    public void ARefundASecondAfterTheHoldingPeriodEnds_ClawsBack_AndReportsWhatWasAlreadySpent()
    {
        var account = Run(DefaultEngine, Purchase("p1", Bought, 1200m), Redeem("r1", HoldingEnds));

        var outcome = DefaultEngine.TryApply(account, Refund("f1", HoldingEnds + Second, "o-p1", 1200m));

        var entry = Assert.Single(outcome.Entries);
        Assert.Equal(-200, entry.Points);
        Assert.Equal([new LoyaltyAllocation("p1", 200)], entry.Allocations.ToArray());
        Assert.Equal("Refund of 1200 of order o-p1 (1200): 1200 of its 1200 points taken back from p1 (200); 1000 points already spent could not be taken.", entry.Reason);
        Assert.Equal(1000, outcome.Shortfall);
        Assert.Equal(["loyalty.refund", "loyalty.shortfall"], outcome.Reasons.Select(r => r.Code));
        var balance = DefaultEngine.Evaluate(outcome.Record!, HoldingEnds + Second).Balance;
        Assert.Equal((0L, 1000L, 1200L, 200L, 0L), (balance.Available, balance.Redeemed, balance.Earned, balance.Reversed, balance.Debt));
    }

    [Fact]
    public void WhereThePolicyAllowsANegativeBalance_TheSpentPartBecomesADebt()
    {
        var engine = Engine(o => o.AllowNegativeBalance = true);
        var account = Run(engine, Purchase("p1", Bought, 1200m), Redeem("r1", HoldingEnds));

        var outcome = engine.TryApply(account, Refund("f1", HoldingEnds + Second, "o-p1", 1200m));

        Assert.Equal(-1200, outcome.Entries[0].Points);
        Assert.EndsWith("taken back from p1 (200); 1000 points already spent are owed.", outcome.Entries[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, outcome.Shortfall);
        var balance = engine.Evaluate(outcome.Record!, HoldingEnds + Second).Balance;
        Assert.Equal((-1000L, 1000L, 1200L, 1000L), (balance.Available, balance.Redeemed, balance.Reversed, balance.Debt));
        Assert.Equal(-100m, balance.Value);
    }

    [Fact]
    public void AClawBackTheOrdersOwnLotCannotCover_TakesFromTheSoonestExpiringOtherLots()
    {
        var nextDay = Bought + Duration.FromDays(1);
        var account = Run(
            DefaultEngine,
            Purchase("p1", Bought, 600m),
            Activity("a1", nextDay),
            Activity("a2", nextDay),
            Redeem("r1", HoldingEnds));
        Assert.Equal([new LoyaltyAllocation("p1", 600), new LoyaltyAllocation("a1", 400)], account.Entries[3].Allocations.ToArray());

        var outcome = DefaultEngine.TryApply(account, Refund("f1", HoldingEnds + Second, "o-p1", 600m));

        Assert.Equal([new LoyaltyAllocation("a1", 100), new LoyaltyAllocation("a2", 500)], outcome.Entries[0].Allocations.ToArray());
        Assert.Equal(0, outcome.Shortfall);
        Assert.Equal(0, DefaultEngine.Evaluate(outcome.Record!, HoldingEnds + Second).Balance.Available);
    }

    [Fact]
    public void PartialRefunds_TakeBackTheirShareRoundedDown_AndAddUpToTheWholeOrder()
    {
        var account = Run(DefaultEngine, Purchase("p1", Bought, 100m));

        account = Run(
            DefaultEngine,
            account,
            Refund("f1", Bought, "o-p1", 33.33m),
            Refund("f2", Bought, "o-p1", 33.33m),
            Refund("f3", Bought, "o-p1", 33.34m));
        var tooMuch = DefaultEngine.TryApply(account, Refund("f4", Bought, "o-p1", 0.01m));

        Assert.Equal([-33L, -33L, -34L], account.Entries.Skip(1).Select(e => e.Points));
        Assert.Equal(LoyaltyOutcomeStatus.Rejected, tooMuch.Status);
        Assert.Equal("Amount: 0.01 is more than the 0.00 of order 'o-p1' not yet refunded.", tooMuch.Reasons[0].Message);
    }
}
