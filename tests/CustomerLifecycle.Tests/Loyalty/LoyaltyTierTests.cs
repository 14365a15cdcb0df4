using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>Member tiers, hand-checked in Europe/Berlin: Member (the first tier), Silver (1,000 points or 1,000 spend, × 1.25,
/// free shipping) and Gold (5,000 points, × 1.5, free shipping and priority support).</summary>
public sealed class LoyaltyTierTests
{
    private static readonly LoyaltyTierOptions[] Tiers =
    [
        new() { Id = "member", Name = "Member" },
        new() { Id = "silver", Name = "Silver", QualifyingPoints = 1000, QualifyingSpend = 1000m, EarnMultiplier = 1.25m, Benefits = ["free-shipping"] },
        new() { Id = "gold", Name = "Gold", QualifyingPoints = 5000, EarnMultiplier = 1.5m, Benefits = ["free-shipping", "priority-support"] },
    ];

    [Fact]
    public void ARollingWindow_ReviewsTwelveLocalMonthsOn_AcrossTheDstChange_AndLandsSoftly()
    {
        var engine = TieredEngine(LoyaltyTierWindow.Rolling12Months);

        // 12:00 CET on 2025-03-29; twelve months on is 12:00 CEST on 2026-03-29, the day clocks go forward: 10:00Z, not 11:00Z.
        var account = Run(
            engine,
            Purchase("p1", At(2025, 3, 29, 11), 5000m),
            Purchase("p2", At(2025, 6, 1, 10), 100m),
            Purchase("p3", At(2026, 3, 29, 9, 59), 10m));

        Assert.Equal([5000L, 150, 15], account.Entries.Select(e => e.Points));
        var before = engine.Evaluate(account, At(2026, 3, 29, 9, 59, 59)).Tier!;
        Assert.Equal(("gold", At(2025, 3, 29, 11), At(2026, 3, 29, 10)), (before.Tier, before.Since, before.ReviewAt));

        var after = engine.Evaluate(account, At(2026, 3, 29, 10)).Tier!;

        // The window after the upgrade holds p2 and p3 only: 165 points, 110 spend. Short of Gold and even of Silver, but a
        // soft landing drops one tier.
        Assert.Equal(("silver", At(2026, 3, 29, 10), At(2027, 3, 29, 10), 1.25m), (after.Tier, after.Since, after.ReviewAt, after.Multiplier));
        Assert.Equal("free-shipping", Assert.Single(after.Benefits));
        var drop = after.Changes[^1];
        Assert.Equal(new LoyaltyTierChange(
            At(2026, 3, 29, 10),
            "gold",
            "silver",
            "loyalty.tier-downgrade",
            "165 qualifying points and 110 spend between 2025-03-29T11:00:00Z and 2026-03-29T10:00:00Z fall short of Gold (5000 points); soft landing: one tier down to Silver."), drop);
        Assert.Equal(
            "5000 qualifying points and 5000 spend since 2024-03-29T11:00:00Z reach Gold's threshold (5000 points).",
            after.Changes[0].Reason);
    }

    [Fact]
    public void ACalendarYear_KeepsATierThroughTheNextYear_ThenDropsAfterTheGracePeriod()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear, o => o.TierGraceDays = 30);
        var account = Run(engine, Purchase("p1", At(2025, 6, 1, 10), 1000m));

        // 1 January in Berlin is 23:00Z the day before.
        var kept = engine.Evaluate(account, At(2026, 6, 1)).Tier!;
        Assert.Equal(("silver", At(2026, 12, 31, 23)), (kept.Tier, kept.ReviewAt));
        Assert.Equal(
            new LoyaltyTierChange(At(2025, 12, 31, 23), "silver", "silver", "loyalty.tier-requalified", "1000 qualifying points and 1000 spend between 2024-12-31T23:00:00Z and 2025-12-31T23:00:00Z keep Silver (1000 points or 1000 spend)."),
            kept.Changes[^1]);

        var inGrace = engine.Evaluate(account, At(2027, 1, 15)).Tier!;
        Assert.Equal(("silver", At(2027, 1, 30, 23)), (inGrace.Tier, inGrace.DropsAt));
        Assert.Equal(
            "0 qualifying points and 0 spend between 2025-12-31T23:00:00Z and 2026-12-31T23:00:00Z fall short of Silver (1000 points or 1000 spend); down to Member, the tier they qualify for at 2027-01-30T23:00:00Z, after the grace period, unless requalified before.",
            inGrace.Changes[^1].Reason);

        var dropped = engine.Evaluate(account, At(2027, 1, 30, 23)).Tier!;
        Assert.Equal(("member", At(2027, 1, 30, 23), (Instant?)null, (Instant?)null), (dropped.Tier, dropped.Since, dropped.ReviewAt, dropped.DropsAt));
        Assert.Equal(("loyalty.tier-downgrade", "silver", "member"), (dropped.Changes[^1].Code, dropped.Changes[^1].From, dropped.Changes[^1].To));
    }

    [Fact]
    public void QualifyingAgainWithinTheGracePeriod_CancelsTheDrop()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear, o => o.TierGraceDays = 30);

        // 800 × 1.25 (Silver) = 1,000 qualifying points in 2027, within the grace period after the review of 2026.
        var account = Run(engine, Purchase("p1", At(2025, 6, 1, 10), 1000m), Purchase("p2", At(2027, 1, 10, 10), 800m));

        var tier = engine.Evaluate(account, At(2027, 3, 1)).Tier!;
        Assert.Equal(1000, account.Entries[^1].Points);
        Assert.Equal(("silver", (Instant?)null, At(2027, 12, 31, 23), 1000L, 800m), (tier.Tier, tier.DropsAt, tier.ReviewAt, tier.QualifyingPoints, tier.QualifyingSpend));
        Assert.Equal(("loyalty.tier-requalified", At(2027, 1, 10, 10)), (tier.Changes[^1].Code, tier.Changes[^1].At));
        Assert.Equal(("gold", 4000L, (decimal?)null), (tier.NextTier, tier.PointsToNextTier, tier.SpendToNextTier));
    }

    [Fact]
    public void WithoutSoftLanding_AMemberFallsToTheTierTheirActivityQualifiesFor()
    {
        LoyaltyCommand[] script = [Purchase("p1", At(2025, 6, 1, 10), 5000m)];
        var soft = TieredEngine(LoyaltyTierWindow.CalendarYear);
        var hard = TieredEngine(LoyaltyTierWindow.CalendarYear, o => o.TierSoftLanding = false);

        Assert.Equal("silver", soft.Evaluate(Run(soft, script), At(2027, 1, 1)).Tier!.Tier);
        Assert.Equal("member", hard.Evaluate(Run(hard, script), At(2027, 1, 1)).Tier!.Tier);
    }

    [Fact]
    public void TheTiersMultiplier_AppliesToEveryEarn_AndIsExplained()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear, o => o.CategoryMultipliers["books"] = 2m);
        var gold = Run(engine, Purchase("p1", At(2026, 1, 5, 10), 5000m));

        var book = engine.TryApply(gold, Purchase("p2", At(2026, 1, 6, 10), 100m, category: "books")).Entries.Single();
        var survey = engine.TryApply(gold, Activity("a1", At(2026, 1, 6, 10), LoyaltyActivityKind.SurveyAnswered)).Entries.Single();

        Assert.Equal((300L, 3m), (book.Points, book.Multiplier));
        Assert.Equal("Purchase o-p2: 100 × 1 points per unit × 2 × 1.5 (tier gold) = 300.0, rounded down to 300; pending until 2026-01-20T10:00:00Z.", book.Reason);
        Assert.Equal((75L, 1.5m), (survey.Points, survey.Multiplier));
        Assert.Equal("SurveyAnswered: 50 points × 1.5 (tier gold) = 75.", survey.Reason);
    }

    [Fact]
    public void ATierRestrictedReward_IsRefusedToALowerTier_NamingFieldAndValue()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear, o => o.Rewards.Add(new LoyaltyRewardOptions { Id = "lounge", Name = "Lounge pass", Points = 500, RequiredTier = "gold" }));
        var silver = Run(engine, Purchase("p1", At(2026, 1, 5, 10), 1000m), Adjust("credit", At(2026, 1, 5, 10), 500));

        var outcome = engine.TryApply(silver, Redeem("r1", At(2026, 1, 6), "lounge"));

        Assert.Equal(LoyaltyOutcomeStatus.Rejected, outcome.Status);
        var reason = Assert.Single(outcome.Reasons);
        Assert.Equal(("loyalty.tier-required", "RewardId: 'lounge' needs tier 'gold' but the member is 'silver'."), (reason.Code, reason.Message));
        Assert.Equal(("RewardId", (object?)"lounge"), ((string)reason.Data["field"]!, reason.Data["value"]));

        var gold = Run(engine, silver, Purchase("p2", At(2026, 1, 6), 4000m));
        Assert.Equal(LoyaltyOutcomeStatus.Applied, engine.TryApply(gold, Redeem("r1", At(2026, 1, 6), "lounge")).Status);
    }

    [Fact]
    public void AStatusMatch_HoldsItsTierUntilItEnds_ThenTheEarnedTierApplies()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear);
        var match = new LoyaltyStatusMatch { Key = "m1", Member = Member, At = At(2026, 2, 1), Tier = "gold", ExpiresAt = At(2026, 5, 1), Reason = "matched a rival's gold card" };
        var account = Run(engine, match);

        var matched = engine.Evaluate(account, At(2026, 3, 1)).Tier!;
        Assert.Equal(("gold", At(2026, 5, 1), 1.5m), (matched.Tier, matched.MatchedUntil, matched.Multiplier));
        Assert.Equal(
            new LoyaltyTierChange(At(2026, 2, 1), "member", "gold", "loyalty.tier-match", "Status match to Gold until 2026-05-01T00:00:00Z: matched a rival's gold card"),
            matched.Changes.Single());

        var ended = engine.Evaluate(account, At(2026, 5, 1)).Tier!;
        Assert.Equal(("member", (Instant?)null), (ended.Tier, ended.MatchedUntil));
        Assert.Equal(("loyalty.tier-match-expired", "The status match to Gold ended; the tier earned by activity is Member."), (ended.Changes[^1].Code, ended.Changes[^1].Reason));
    }

    [Fact]
    public void AStatusMatch_IsRefused_ForAnUnknownTierOrAnEndNotAfterItsStart()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear);
        var match = new LoyaltyStatusMatch { Key = "m1", Member = Member, At = At(2026, 2, 1), Tier = "platinum", ExpiresAt = At(2026, 5, 1), Reason = "r" };

        Assert.Equal("Tier: 'platinum' is not a tier of the policy.", engine.TryApply(null, match).Reasons.Single().Message);
        Assert.Equal("ExpiresAt: must be after At (2026-02-01T00:00:00Z) and by 2200-01-01T00:00:00Z.", engine.TryApply(null, match with { Tier = "gold", ExpiresAt = match.At }).Reasons.Single().Message);
        Assert.Equal("Tier: the policy has no tiers.", DefaultEngine.TryApply(null, match).Reasons.Single().Message);
    }

    [Fact]
    public void Explain_NamesTheTierAndEveryDecision()
    {
        var engine = TieredEngine(LoyaltyTierWindow.CalendarYear);
        var account = Run(engine, Purchase("p1", At(2026, 1, 5, 10), 1000m));

        var explanation = engine.Explain(account, At(2026, 1, 5, 10));

        Assert.EndsWith("; tier Silver", explanation.Decision, StringComparison.Ordinal);
        var tier = explanation.Reasons.Single(r => r.Code == "loyalty.tier");
        Assert.Equal(
            "Tier Silver (reviewed at 2026-12-31T23:00:00Z): earns × 1.25, benefits [free-shipping]; 1000 qualifying points and 1000 spend since 2025-12-31T23:00:00Z, 4000 points or - spend short of gold.",
            tier.Message);
        Assert.Equal("2026-01-05T10:00:00Z member → silver: 1000 qualifying points and 1000 spend since 2025-12-31T23:00:00Z reach Silver's threshold (1000 points or 1000 spend).", explanation.Reasons.Single(r => r.Code == "loyalty.tier-upgrade").Message);
    }

    [Fact]
    public void WithoutTiers_TheStatementHasNoTier()
        => Assert.Null(DefaultEngine.Evaluate(Run(DefaultEngine, Purchase("p1", At(2026, 1, 5), 10m)), At(2026, 1, 5)).Tier);

    private static LoyaltyEngine TieredEngine(LoyaltyTierWindow window, Action<LoyaltyOptions>? configure = null) => Engine(o =>
    {
        o.TimeZoneId = "Europe/Berlin";
        o.MaxBackdatingDays = 0;
        o.Tiers = [.. Tiers.Select(t => new LoyaltyTierOptions { Id = t.Id, Name = t.Name, QualifyingPoints = t.QualifyingPoints, QualifyingSpend = t.QualifyingSpend, EarnMultiplier = t.EarnMultiplier, Benefits = [.. t.Benefits] })];
        o.TierWindow = window;
        configure?.Invoke(o);
    });
}
