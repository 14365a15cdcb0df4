using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyRedemptionTests
{
    // Three lots written out of expiry order (the policy accepting commands up to 60 days old): a expires 2027-03-01,
    // b 2027-01-01, c 2027-02-01.
    private static readonly LoyaltyEngine Engine = LoyaltyTestKit.Engine(o => o.MaxBackdatingDays = 60);

    private static readonly LoyaltyRecord ThreeLots = Run(
        Engine,
        Activity("a", At(2026, 3, 1)),
        Activity("b", At(2026, 1, 1)),
        Adjust("c", At(2026, 2, 1), 300));

    [Fact]
    public void ARedemption_TakesPointsFromTheSoonestExpiringLotsFirst()
    {
        var outcome = Engine.TryApply(ThreeLots, Redeem("r", At(2026, 4, 1)));

        var entry = Assert.Single(outcome.Entries);
        Assert.Equal(LoyaltyEntryKind.Redeem, entry.Kind);
        Assert.Equal(-1000, entry.Points);
        Assert.Equal([new("b", 500), new("c", 300), new LoyaltyAllocation("a", 200)], entry.Allocations.ToArray());
        Assert.Equal("Redeemed Gift card (100) (gift-card-100) for 1000 points from b (500), c (300), a (200).", entry.Reason);
        var balance = Engine.Evaluate(outcome.Record!, At(2026, 4, 1)).Balance;
        Assert.Equal((300L, 1000L, 1300L), (balance.Available, balance.Redeemed, balance.Earned));
    }

    [Fact]
    public void AReversal_GivesTheSamePointsBackToTheSameLots_WithTheirOriginalExpiry()
    {
        var redeemed = Run(Engine, ThreeLots, Redeem("r", At(2026, 4, 1)));

        var outcome = Engine.TryApply(redeemed, Reverse("x", At(2026, 5, 1), "r"));

        var entry = Assert.Single(outcome.Entries);
        Assert.Equal((LoyaltyEntryKind.Reverse, 1000L, "r"), (entry.Kind, entry.Points, entry.Target));
        Assert.Equal(redeemed.Entries[3].Allocations.ToArray(), entry.Allocations.ToArray());
        Assert.Equal(Engine.Evaluate(ThreeLots, At(2026, 5, 1)).Lots.ToArray(), Engine.Evaluate(outcome.Record!, At(2026, 5, 1)).Lots.ToArray());
        Assert.Equal(
            [("b", 500L, At(2027, 1, 1)), ("c", 300L, At(2027, 2, 1)), ("a", 500L, At(2027, 3, 1))],
            Engine.Evaluate(outcome.Record!, At(2026, 5, 1)).Lots.Select(l => (l.Key, l.Remaining, l.ExpiresAt)));
        Assert.Equal(0, Engine.Evaluate(outcome.Record!, At(2026, 5, 1)).Balance.Redeemed);
    }

    [Fact]
    public void PointsAReversalGivesBackToALotPastItsEnd_ExpireAtOnce()
    {
        var redeemed = Run(Engine, ThreeLots, Redeem("r", At(2026, 4, 1)));

        var outcome = Engine.TryApply(redeemed, Reverse("x", At(2027, 1, 15), "r"));

        Assert.Equal([LoyaltyEntryKind.Reverse, LoyaltyEntryKind.Expire], outcome.Entries.Select(e => e.Kind));
        var expiry = outcome.Entries[1];
        Assert.Equal(("x", -500L, At(2027, 1, 1)), (expiry.Key, expiry.Points, expiry.At));
        Assert.Equal([new LoyaltyAllocation("b", 500)], expiry.Allocations.ToArray());
        var balance = Engine.Evaluate(outcome.Record!, At(2027, 1, 15)).Balance;
        Assert.Equal((800L, 500L, 0L, 1300L), (balance.Available, balance.Expired, balance.Redeemed, balance.Earned));
    }

    [Fact]
    public void PendingPoints_CannotBeSpent()
    {
        var account = Run(DefaultEngine, Purchase("p1", At(2026, 1, 1), 1500m));

        var outcome = DefaultEngine.TryApply(account, Redeem("r", At(2026, 1, 2)));

        Assert.Equal(LoyaltyOutcomeStatus.Rejected, outcome.Status);
        Assert.Equal("RewardId: 'gift-card-100' costs 1000 points but 0 are available.", outcome.Reasons[0].Message);
    }

    [Fact]
    public void ADebit_TakesFromTheSoonestExpiringLots_LikeARedemption()
    {
        var outcome = Engine.TryApply(ThreeLots, Adjust("d", At(2026, 4, 1), -600, "fraud"));

        Assert.Equal([new("b", 500), new LoyaltyAllocation("c", 100)], outcome.Entries[0].Allocations.ToArray());
        Assert.Equal("Adjusted by -600 points: fraud", outcome.Entries[0].Reason);
        var balance = Engine.Evaluate(outcome.Record!, At(2026, 4, 1)).Balance;
        Assert.Equal((700L, 600L), (balance.Available, balance.Reversed));
    }
}
