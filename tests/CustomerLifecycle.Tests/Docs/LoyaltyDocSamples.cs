using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Loyalty;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

public sealed class LoyaltyDocSamples
{
    [Fact]
    public void QuickStart_EarnsWaitsAndRedeems()
    {
        #region snippet: loyalty-quick-start
        var engine = new LoyaltyEngine(new LoyaltyOptions()); // 1 point a unit, 14 days pending, 12 months to spend them
        var member = CustomerId.From("m-42");
        var bought = Instant.FromUtc(2026, 3, 2, 10, 0);

        var earned = engine.TryApply(null, new LoyaltyPurchase { Key = "order-1001", Member = member, At = bought, OrderId = "1001", Amount = 1250.80m });
        // earned.Entries[0]: Earn +1250, "Purchase 1001: 1250.80 × 1 points per unit × 1 = 1250.80, rounded down to 1250; pending until 2026-03-16T10:00:00Z."

        LoyaltyBalance balance = engine.Evaluate(earned.Record!, bought + Duration.FromDays(14)).Balance;
        // balance.Available = 1250, balance.Pending = 0, balance.Value = 125.0 (at 0.1 a point)

        var redeemed = engine.TryApply(earned.Record, new LoyaltyRedemption { Key = "redeem-1", Member = member, At = bought + Duration.FromDays(20), RewardId = LoyaltyDefaults.GiftCardRewardId });
        // redeemed.Entries[0]: Redeem -1000, taken from lot order-1001; 250 points stay available until 2027-03-02T10:00:00Z
        #endregion

        Assert.Equal("Purchase 1001: 1250.80 × 1 points per unit × 1 = 1250.80, rounded down to 1250; pending until 2026-03-16T10:00:00Z.", earned.Entries[0].Reason);
        Assert.Equal((1250L, 0L, 125.0m), (balance.Available, balance.Pending, balance.Value));
        Assert.Equal([new LoyaltyAllocation("order-1001", 1000)], redeemed.Entries[0].Allocations.ToArray());
        var after = engine.Evaluate(redeemed.Record!, bought + Duration.FromDays(20));
        Assert.Equal((250L, (Instant?)Instant.FromUtc(2027, 3, 2, 10, 0)), (after.Balance.Available, after.Balance.NextExpiry));

        #region snippet: loyalty-reverse-then-refund
        // The order is returned: the gift card is cancelled first, so its 1,000 points go back to the same lot, expiry unchanged ...
        var cancelled = engine.TryApply(redeemed.Record, new LoyaltyRedemptionReversal { Key = "cancel-1", Member = member, At = bought + Duration.FromDays(21), RedemptionKey = "redeem-1" });

        // ... and the refund then takes back all 1,250 points the order earned.
        var refunded = engine.TryApply(cancelled.Record, new LoyaltyRefund { Key = "refund-1", Member = member, At = bought + Duration.FromDays(21), OrderId = "1001", Amount = 1250.80m });
        // refunded.Entries[0]: Reverse -1250, refunded.Shortfall = 0; the same command delivered again is a Duplicate
        #endregion

        Assert.Equal(1000, cancelled.Entries[0].Points);
        Assert.Equal((-1250L, 0L), (refunded.Entries[0].Points, refunded.Shortfall));
        Assert.Equal(LoyaltyOutcomeStatus.Duplicate, engine.TryApply(refunded.Record, new LoyaltyRefund { Key = "refund-1", Member = member, At = bought + Duration.FromDays(21), OrderId = "1001", Amount = 1250.80m }).Status);
    }

    [Fact]
    public async Task TheService_AppliesAndEvaluatesOverTheStore()
    {
        var member = CustomerId.From("m-42");
        var now = Instant.FromUtc(2026, 3, 2, 10, 0);

        #region snippet: loyalty-service
        var services = new ServiceCollection()
            .AddLoyalty(o =>
            {
                o.DailyCap = 5000;
                o.CategoryMultipliers["books"] = 2m;
            })
            .AddInMemoryLoyaltyStore(); // or the host's own ILoyaltyStore
        using var provider = services.BuildServiceProvider();
        var loyalty = provider.GetRequiredService<LoyaltyService>();

        await loyalty.ApplyAsync(new LoyaltyActivity { Key = "survey-7", Member = member, At = now, Kind = LoyaltyActivityKind.SurveyAnswered });
        LoyaltyStatement? statement = await loyalty.EvaluateAsync(member, now);
        // statement.Balance.Available = 50: an activity's points are available at once
        #endregion

        Assert.Equal(50, statement!.Balance.Available);
    }
}
