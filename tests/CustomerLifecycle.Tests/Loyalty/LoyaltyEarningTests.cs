using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyEarningTests
{
    [Fact]
    public void APurchase_EarnsOnePointPerUnitRoundedDown_PendingForFourteenDays_ExpiringAfterTwelveMonths()
    {
        var at = At(2026, 1, 10, 12);

        var outcome = DefaultEngine.TryApply(null, Purchase("p1", at, 120.99m));

        Assert.Equal(LoyaltyOutcomeStatus.Applied, outcome.Status);
        var entry = Assert.Single(outcome.Entries);
        Assert.Equal(LoyaltyEntryKind.Earn, entry.Kind);
        Assert.Equal(120, entry.Points);
        Assert.Equal("loyalty.purchase", entry.RuleId);
        Assert.Equal(1m, entry.Multiplier);
        Assert.Equal("o-p1", entry.OrderId);
        Assert.Equal(120.99m, entry.Amount);
        Assert.Equal(At(2026, 1, 24, 12), entry.AvailableFrom);
        Assert.Equal(At(2027, 1, 10, 12), entry.ExpiresAt);
        Assert.Equal("Purchase o-p1: 120.99 × 1 points per unit × 1 = 120.99, rounded down to 120; pending until 2026-01-24T12:00:00Z.", entry.Reason);
        Assert.Same(entry, Assert.Single(outcome.Record!.Entries));
        Assert.Equal(Member, outcome.Record.Member);
    }

    [Theory]
    [InlineData(LoyaltyRounding.Floor, "12.99", 12)]
    [InlineData(LoyaltyRounding.Floor, "12.00", 12)]
    [InlineData(LoyaltyRounding.Nearest, "12.50", 13)]
    [InlineData(LoyaltyRounding.Nearest, "12.49", 12)]
    [InlineData(LoyaltyRounding.Ceiling, "12.01", 13)]
    [InlineData(LoyaltyRounding.Ceiling, "12.00", 12)]
    public void Rounding_TurnsFractionalPointsIntoWholeOnes(LoyaltyRounding rounding, string amount, long expected)
    {
        var engine = Engine(o => o.Rounding = rounding);

        var outcome = engine.TryApply(null, Purchase("p1", At(2026, 1, 1), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, outcome.Entries[0].Points);
    }

    [Fact]
    public void ACategoryMultiplier_AndTheRate_MultiplyBeforeRounding()
    {
        var engine = Engine(o =>
        {
            o.PointsPerUnit = 2.5m;
            o.CategoryMultipliers = new() { ["books"] = 2m };
        });

        var entry = engine.TryApply(null, Purchase("p1", At(2026, 1, 1), 10.30m, category: "Books")).Entries[0];

        // 10.30 × 2.5 × 2 = 51.5, floored.
        Assert.Equal(51, entry.Points);
        Assert.Equal(2m, entry.Multiplier);
        Assert.StartsWith("Purchase o-p1: 10.30 × 2.5 points per unit × 2 = 51.500, rounded down to 51;", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BelowTheMinimumSpend_APurchaseEarnsNothing_AtTheMinimumItEarns()
    {
        var engine = Engine(o => o.MinimumSpend = 20m);

        var below = engine.TryApply(null, Purchase("p1", At(2026, 1, 1), 19.99m)).Entries[0];
        var at = engine.TryApply(null, Purchase("p2", At(2026, 1, 1), 20m)).Entries[0];

        Assert.Equal(0, below.Points);
        Assert.Equal("Purchase o-p1: 19.99 is below the minimum spend 20; pending until 2026-01-15T00:00:00Z.", below.Reason);
        Assert.Equal(20, at.Points);
    }

    [Fact]
    public void AnExcludedCategory_EarnsNothing_ComparedCaseInsensitively()
    {
        var engine = Engine(o => o.ExcludedCategories = ["Gift-Cards"]);

        var entry = engine.TryApply(null, Purchase("p1", At(2026, 1, 1), 500m, category: "gift-cards")).Entries[0];

        Assert.Equal(0, entry.Points);
        Assert.Equal("Purchase o-p1: category 'gift-cards' earns nothing; pending until 2026-01-15T00:00:00Z.", entry.Reason);
    }

    [Theory]
    [InlineData(LoyaltyActivityKind.SurveyAnswered, 50, "loyalty.survey-answered")]
    [InlineData(LoyaltyActivityKind.ReferralConverted, 500, "loyalty.referral-converted")]
    [InlineData(LoyaltyActivityKind.ReviewWritten, 100, "loyalty.review-written")]
    public void AnActivity_EarnsItsDefaultPoints_AvailableAtOnce(LoyaltyActivityKind kind, long points, string rule)
    {
        var at = At(2026, 3, 1);

        var outcome = DefaultEngine.TryApply(null, Activity("a1", at, kind));

        var entry = outcome.Entries[0];
        Assert.Equal(points, entry.Points);
        Assert.Equal(rule, entry.RuleId);
        Assert.Equal(at, entry.AvailableFrom);
        Assert.Equal(At(2027, 3, 1), entry.ExpiresAt);
        Assert.Equal(points, DefaultEngine.Evaluate(outcome.Record!, at).Balance.Available);
    }

    [Fact]
    public void TheDailyCap_HoldsTheEarnThatCrossesIt_ToWhatIsLeft_AndNothingOnceReached()
    {
        var engine = Engine(o => o.DailyCap = 100);
        var account = Run(engine, Purchase("p1", At(2026, 1, 1, 9), 60m));

        var crossing = engine.TryApply(account, Purchase("p2", At(2026, 1, 1, 10), 50m));
        var reached = engine.TryApply(crossing.Record, Purchase("p3", At(2026, 1, 1, 23, 59, 59), 10m));
        var nextDay = engine.TryApply(reached.Record, Purchase("p4", At(2026, 1, 2), 10m));

        Assert.Equal(40, crossing.Entries[0].Points);
        Assert.Equal("Purchase o-p2: 50 × 1 points per unit × 1 = 50, rounded down to 50, held to 40 by the daily cap of 100 (60 already earned); pending until 2026-01-15T10:00:00Z.", crossing.Entries[0].Reason);
        Assert.Equal(0, reached.Entries[0].Points);
        Assert.Equal(10, nextDay.Entries[0].Points);
    }

    [Fact]
    public void AnEarnThatReachesTheCapExactly_IsNotHeld()
    {
        var engine = Engine(o => o.DailyCap = 100);
        var account = Run(engine, Purchase("p1", At(2026, 1, 1, 9), 60m));

        var entry = engine.TryApply(account, Purchase("p2", At(2026, 1, 1, 10), 40m)).Entries[0];

        Assert.Equal(40, entry.Points);
        Assert.DoesNotContain("cap", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_CountCalendarDaysInThePolicysTimeZone()
    {
        // 23:30 UTC on 1 January is 00:30 on 2 January in Berlin: a new day there.
        var engine = Engine(o =>
        {
            o.DailyCap = 100;
            o.TimeZoneId = "Europe/Berlin";
        });
        var account = Run(engine, Purchase("p1", At(2026, 1, 1, 12), 100m));

        var entry = engine.TryApply(account, Purchase("p2", At(2026, 1, 1, 23, 30), 30m)).Entries[0];

        Assert.Equal(30, entry.Points);
    }

    [Fact]
    public void TheMonthlyAndYearlyCaps_CountActivitiesToo_AndTheTightestBinds()
    {
        var engine = Engine(o =>
        {
            o.MonthlyCap = 1000;
            o.YearlyCap = 1200;
        });
        var account = Run(
            engine,
            Activity("a1", At(2026, 1, 5)),
            Activity("a2", At(2026, 1, 6)),
            Activity("a3", At(2026, 2, 1)));

        var february = engine.TryApply(account, Activity("a4", At(2026, 2, 2)));
        var nextYear = engine.TryApply(february.Record, Activity("a5", At(2027, 1, 1)));

        // January: 500 + 500 = 1000 (the monthly cap); February: 200 more reach the yearly 1200.
        Assert.Equal(200, account.Entries[2].Points);
        Assert.Equal(0, february.Entries[0].Points);
        Assert.EndsWith("held to 0 by the yearly cap of 1200 (1200 already earned).", february.Entries[0].Reason, StringComparison.Ordinal);
        Assert.Equal(500, nextYear.Entries[0].Points);
    }
}
