using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>Rolling expiry over three months, UTC, no holding period: a referral earns 500, a survey 50, the mug costs 300.</summary>
public sealed class LoyaltyRollingExpiryTests
{
    private static readonly LoyaltyEngine Rolling = Engine(o =>
    {
        o.ExpiryMode = LoyaltyExpiryMode.Rolling;
        o.LifetimeMonths = 3;
        o.HoldingDays = 0;
        o.Rewards.Add(new LoyaltyRewardOptions { Id = "mug", Name = "Mug", Points = 300 });
    });

    [Fact]
    public void AnEarn_ResetsTheExpiryOfEveryPointHeld_ToThreeMonthsAfterIt()
    {
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)), Activity("a2", At(2026, 3, 1), LoyaltyActivityKind.SurveyAnswered));

        // Without a2, a1's 500 points would have expired on 10 April; a2 on 1 March pushed every point to 1 June.
        var april = Rolling.Evaluate(account, At(2026, 4, 10));
        Assert.Equal((550L, 0L, (Instant?)At(2026, 6, 1)), (april.Balance.Available, april.Balance.Expired, april.Balance.NextExpiry));
        Assert.Equal([("a1", At(2026, 6, 1)), ("a2", At(2026, 6, 1))], april.Lots.Select(l => (l.Key, l.ExpiresAt)));
        Assert.Equal((Instant?)At(2026, 4, 10), account.Entries[0].RollsExpiryTo);
        Assert.Equal((Instant?)At(2026, 6, 1), account.Entries[1].RollsExpiryTo);

        var june = Rolling.Evaluate(account, At(2026, 6, 1));
        Assert.Equal((0L, 550L), (june.Balance.Available, june.Balance.Expired));
    }

    [Fact]
    public void ARedemption_IsActivity_AndResetsTheExpiryToo()
    {
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)), Redeem("r1", At(2026, 3, 15), "mug"));

        var redeem = account.Entries[1];
        Assert.Equal((Instant?)At(2026, 6, 15), redeem.RollsExpiryTo);
        Assert.Equal("Redeemed Mug (mug) for 300 points from a1 (300); the member's points now expire at 2026-06-15T00:00:00Z unless they earn or redeem before.", redeem.Reason);
        Assert.Equal(200, Rolling.Evaluate(account, At(2026, 6, 14)).Balance.Available);
        Assert.Equal(0, Rolling.Evaluate(account, At(2026, 6, 15)).Balance.Available);
    }

    [Fact]
    public void ACreditAdjustment_IsNotActivity_ItsPointsExpireWithThoseHeld()
    {
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)), Adjust("c1", At(2026, 3, 1), 100));

        Assert.Equal((Instant?)At(2026, 4, 10), account.Entries[1].ExpiresAt);
        Assert.Equal(600, Rolling.Evaluate(account, At(2026, 4, 9)).Balance.Available);
        Assert.Equal((0L, 600L), (Rolling.Evaluate(account, At(2026, 4, 10)).Balance.Available, Rolling.Evaluate(account, At(2026, 4, 10)).Balance.Expired));
    }

    [Fact]
    public void AnEarnAfterThePointsLapsed_FirstWritesTheirExpiry_ThenStartsAfresh()
    {
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)));

        var outcome = Rolling.TryApply(account, Activity("a2", At(2026, 5, 1), LoyaltyActivityKind.SurveyAnswered));

        Assert.Equal([(LoyaltyEntryKind.Expire, At(2026, 4, 10), -500L), (LoyaltyEntryKind.Earn, At(2026, 5, 1), 50L)], outcome.Entries.Select(e => (e.Kind, e.At, e.Points)));
        Assert.Equal("Lot a1 (earned 2026-01-10T00:00:00Z) expired at 2026-04-10T00:00:00Z with 500 points left, 3 months after the member's last earn or redemption.", outcome.Entries[0].Reason);
        var balance = Rolling.Evaluate(outcome.Record!, At(2026, 7, 31)).Balance;
        Assert.Equal((50L, 500L, (Instant?)At(2026, 8, 1)), (balance.Available, balance.Expired, balance.NextExpiry));
    }

    [Fact]
    public void PointsAReversalGivesBackToALapsedLot_ExpireAtOnce_NotRevivedByLaterActivity()
    {
        // r1 on 1 March takes 300 of a1 and rolls expiry to 1 June; a2 on 1 July finds the 200 left expired; the reversal on
        // 2 July gives 300 back to a1, whose points ended on 1 June, so they expire at once.
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)), Redeem("r1", At(2026, 3, 1), "mug"), Activity("a2", At(2026, 7, 1), LoyaltyActivityKind.SurveyAnswered));

        var outcome = Rolling.TryApply(account, Reverse("x1", At(2026, 7, 2), "r1"));

        Assert.Equal([(LoyaltyEntryKind.Reverse, At(2026, 7, 2), 300L), (LoyaltyEntryKind.Expire, At(2026, 6, 1), -300L)], outcome.Entries.Select(e => (e.Kind, e.At, e.Points)));
        var balance = Rolling.Evaluate(outcome.Record!, At(2026, 7, 2)).Balance;
        Assert.Equal((50L, 500L, (Instant?)At(2026, 10, 1)), (balance.Available, balance.Expired, balance.NextExpiry));
    }

    [Fact]
    public void TheExpiringSoonForecast_CountsEveryPointOnceTheRollingEndIsWithinTheWarning()
    {
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)), Activity("a2", At(2026, 3, 1), LoyaltyActivityKind.SurveyAnswered));

        Assert.Equal(0, Rolling.Evaluate(account, At(2026, 5, 1)).Balance.ExpiringSoon);
        Assert.Equal(550, Rolling.Evaluate(account, At(2026, 5, 2)).Balance.ExpiringSoon);
    }

    [Fact]
    public void TheExplanation_StatesTheRollingPolicyAndWhenThePointsExpire()
    {
        var account = Run(Rolling, Activity("a1", At(2026, 1, 10)), Activity("a2", At(2026, 3, 1), LoyaltyActivityKind.SurveyAnswered));

        var reason = Assert.Single(Rolling.Explain(account, At(2026, 4, 1)).Reasons, r => r.Code == "loyalty.expiry-policy");

        Assert.Equal("Rolling expiry: every point expires 3 months after the member's last earn or redemption; the next 550 points expire at 2026-06-01T00:00:00Z.", reason.Message);
        Assert.Equal("SurveyAnswered: 50 points; the member's points now expire at 2026-06-01T00:00:00Z unless they earn or redeem before.", account.Entries[1].Reason);
    }

    [Fact]
    public void AFixedLifetimePolicy_WritesNoRollingExpiry_AndExplainsNoPolicy()
    {
        var account = Run(DefaultEngine, Adjust("c1", At(2026, 1, 10), 1000), Redeem("r1", At(2026, 1, 11)), Activity("a2", At(2026, 1, 12)));

        Assert.All(account.Entries, e => Assert.Null(e.RollsExpiryTo));
        Assert.DoesNotContain(DefaultEngine.Explain(account, At(2026, 2, 1)).Reasons, r => r.Code == "loyalty.expiry-policy");
    }
}
