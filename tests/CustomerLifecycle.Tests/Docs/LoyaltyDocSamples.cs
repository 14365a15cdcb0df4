using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
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

    [Fact]
    public void TieIns_LifecycleEventsEarn_AndTheLoyaltyTierFeedsTheTieringRules()
    {
        var member = CustomerId.From("m-42");
        var now = Instant.FromUtc(2026, 3, 2, 10, 0);
        var engine = new LoyaltyEngine(new LoyaltyOptions
        {
            Tiers = [new() { Id = "member", Name = "Member" }, new() { Id = "silver", Name = "Silver", QualifyingPoints = 500 }],
        });

        #region snippet: loyalty-tie-ins
        // The lifecycle's event stream earns points: a referral and an NPS answer (whatever its score) are loyalty activities.
        LifecycleEvent[] stream =
        [
            LifecycleEvent.Create("ev-81", member, LifecycleEventKind.Referral, now),
            LifecycleEvent.NpsAnswer("ev-82", member, now, score: 3),
            LifecycleEvent.Create("ev-83", member, LifecycleEventKind.Purchase, now), // none: a LoyaltyPurchase carries the amount
        ];
        LoyaltyRecord? record = null;
        foreach (var lifecycleEvent in stream)
        {
            if (LoyaltyLifecycleEvents.ToActivity(lifecycleEvent) is { } activity) // key "lifecycle:ev-81": redelivered, a duplicate
            {
                record = engine.TryApply(record, activity).Record;
            }
        }

        // The loyalty tier is an input of the tiering rules: its position in the programme's tiers, 0 the lowest.
        LoyaltyStatement statement = engine.Evaluate(record!, now); // 550 points available, tier silver (Level 1)
        var tiering = new TieringOptions();
        tiering.Rules.Insert(0, new TierRule
        {
            Tier = "Key",
            Criteria = [new TierCriterion { Field = TierField.LoyaltyLevel, Operator = CriterionOperator.AtLeast, Threshold = 1 }],
        });
        var tieringEngine = new TieringEngine(tiering);
        var tier = tieringEngine.Evaluate(new TierInput(Value: 80, LoyaltyLevel: statement.Tier!.Level), tieringEngine.ComputeValueCuts([5000, 80]), now);
        // tier.Assignment.TierName = "Key": silver members are Key customers whatever their value
        #endregion

        Assert.Equal((550L, "silver", 1), (statement.Balance.Available, statement.Tier.Tier, statement.Tier.Level));
        Assert.Equal("lifecycle:ev-81", record!.Entries[0].Key);
        Assert.Equal(2, record.Entries.Length);
        Assert.Equal(("Key", 0), (tier.Assignment.TierName, tier.Assignment.RuleIndex));
    }

    [Fact]
    public void RollingExpiry_IsResetByActivity_AndPointsMoveBetweenMembers()
    {
        #region snippet: loyalty-rolling-expiry
        var engine = new LoyaltyEngine(new LoyaltyOptions { ExpiryMode = LoyaltyExpiryMode.Rolling, LifetimeMonths = 3 });
        var member = CustomerId.From("m-7");
        var referral = engine.TryApply(null, new LoyaltyActivity { Key = "ref-1", Member = member, At = Instant.FromUtc(2026, 1, 10, 0, 0), Kind = LoyaltyActivityKind.ReferralConverted });
        // 500 points that would expire on 2026-04-10 ...
        var survey = engine.TryApply(referral.Record, new LoyaltyActivity { Key = "survey-1", Member = member, At = Instant.FromUtc(2026, 3, 1, 0, 0), Kind = LoyaltyActivityKind.SurveyAnswered });
        // ... but the survey is activity: all 550 points now expire on 2026-06-01 (survey.Entries[0].RollsExpiryTo)

        var gift = engine.TryApply(survey.Record, new LoyaltyTransferOut { Key = "gift-1-out", Member = member, At = Instant.FromUtc(2026, 3, 2, 0, 0), TransferId = "gift-1", To = CustomerId.From("m-8"), Points = 200 });
        var received = engine.TryApply(null, new LoyaltyTransferIn { Key = "gift-1-in", Member = CustomerId.From("m-8"), At = Instant.FromUtc(2026, 3, 2, 0, 0), TransferId = "gift-1", From = member, Points = 200 });
        // m-7 keeps 350 points, taken from lot ref-1 first; m-8 gets a lot of 200, available at once
        #endregion

        Assert.Equal((Instant?)Instant.FromUtc(2026, 6, 1, 0, 0), survey.Entries[0].RollsExpiryTo);
        Assert.Equal(550, engine.Evaluate(survey.Record!, Instant.FromUtc(2026, 5, 31, 0, 0)).Balance.Available);
        Assert.Equal([new LoyaltyAllocation("ref-1", 200)], gift.Entries[0].Allocations.ToArray());
        Assert.Equal((350L, 200L), (engine.Evaluate(gift.Record!, Instant.FromUtc(2026, 3, 2, 0, 0)).Balance.Available, engine.Evaluate(received.Record!, Instant.FromUtc(2026, 3, 2, 0, 0)).Balance.Available));
    }

    [Fact]
    public async Task TheNightlySweep_AnswersFromCheckpoints_AndSavesTheOnesItRenewed()
    {
        var engine = new LoyaltyEngine(new LoyaltyOptions());
        var store = new InMemoryLoyaltyStore();
        var member = CustomerId.From("m-9");
        await new LoyaltyService(engine, store).ApplyAsync(new LoyaltyPurchase { Key = "order-9", Member = member, At = Instant.FromUtc(2026, 3, 2, 10, 0), OrderId = "9", Amount = 100m });

        #region snippet: loyalty-nightly-sweep
        var tonight = Instant.FromUtc(2026, 3, 20, 2, 0);
        var service = new LoyaltyService(engine, store); // or from DI
        CustomerId[] page = [member]; // a page of members (a thousand, say), as the host lists them
        var sweep = await service.SweepAsync(page, tonight); // loads them, sweeps them, saves the renewed checkpoints
        // sweep.Balances[0]?.Available = 100: the checkpoint saved with the purchase said 100 pending until 2026-03-16T10:00:00Z
        // sweep.Saved = 1: that checkpoint ran out, and the new one holds until 2027-01-31T10:00:00Z (the 30-day warning window)
        #endregion

        Assert.Equal((100L, 0L, 1), (sweep.Balances[0]!.Value.Available, sweep.Balances[0]!.Value.Pending, sweep.Saved));
        var saved = await store.LoadAsync(member);
        Assert.Equal((2L, Instant.FromUtc(2027, 1, 31, 10, 0)), (saved!.Version, saved.Record.Checkpoint!.Until));
        Assert.Same(saved.Record, engine.Checkpoint(saved.Record, tonight + Duration.FromDays(1)));
    }

    [Fact]
    public void TheTierReviewNight_IsDecidedFromTheCheckpoint()
    {
        var calendar = new LoyaltyEngine(new LoyaltyOptions
        {
            TimeZoneId = "Europe/Berlin",
            TierGraceDays = 10,
            Tiers = [new() { Id = "member", Name = "Member" }, new() { Id = "silver", Name = "Silver", QualifyingPoints = 1_000, EarnMultiplier = 1.25m }],
        });
        var member = CustomerId.From("m-7");
        var bought = calendar.TryApply(null, new LoyaltyPurchase { Key = "p1", Member = member, At = Instant.FromUtc(2025, 12, 1, 9, 0), OrderId = "1", Amount = 1200m }).Record;
        bought = calendar.TryApply(bought, new LoyaltyPurchase { Key = "p2", Member = member, At = Instant.FromUtc(2026, 11, 20, 9, 0), OrderId = "2", Amount = 100m }).Record!;
        var stored = calendar.Checkpoint(bought, Instant.FromUtc(2026, 12, 20, 0, 0));
        var silver = new LoyaltyRecord { Member = member, Entries = stored.Entries, Checkpoint = stored.Checkpoint }; // as a store loads it

        #region snippet: loyalty-tier-review-night
        // Silver (1,000 points a calendar year in Europe/Berlin, 10 days of grace): 1,200 points in 2025, 125 in 2026.
        var checkpoint = silver.Checkpoint!; // written on 2026-12-20
        // checkpoint.Until = 2026-12-31T23:00:00Z, the review (1 January 2027 in Berlin); checkpoint.LotsUntil = 2027-10-21T09:00:00Z
        // checkpoint.Tier = { EarnedLevel = 1, ReviewAt = 2026-12-31T23:00:00Z, QualifyingPoints = 125, QualifyingSpend = 100 }
        var balances = new LoyaltyBalance[1];
        calendar.Evaluate([silver], Instant.FromUtc(2027, 1, 1, 2, 0), balances); // no replay: decided from checkpoint.Tier
        // balances[0].TierLevel = 1: the review fell short, and the drop waits for the grace period (2027-01-10T23:00:00Z)
        #endregion

        Assert.Equal((Instant.FromUtc(2026, 12, 31, 23, 0), (Instant?)Instant.FromUtc(2027, 10, 21, 9, 0)), (checkpoint.Until, checkpoint.LotsUntil));
        Assert.Equal(new LoyaltyTierCheckpoint { EarnedLevel = 1, ReviewAt = Instant.FromUtc(2026, 12, 31, 23, 0), QualifyingPoints = 125, QualifyingSpend = 100m }, checkpoint.Tier);
        Assert.Equal(1, balances[0].TierLevel);
        Assert.Null(silver.Summary);
        Assert.Equal(Instant.FromUtc(2027, 1, 10, 23, 0), calendar.Evaluate(silver, Instant.FromUtc(2027, 1, 1, 2, 0)).Tier!.DropsAt);
    }
}
