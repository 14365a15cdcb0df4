using System.Text.Json;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyOptionsTests
{
    private static IReadOnlyList<string> Failures(LoyaltyOptions options)
        => new LoyaltyOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void TheDefaults_AreThoseTheDocsState()
    {
        var options = new LoyaltyOptions();

        Assert.Equal(("UTC", 1m, LoyaltyRounding.Floor, 0m), (options.TimeZoneId, options.PointsPerUnit, options.Rounding, options.MinimumSpend));
        Assert.Empty(options.ExcludedCategories);
        Assert.Empty(options.CategoryMultipliers);
        Assert.Equal((50L, 500L, 100L), (options.SurveyAnsweredPoints, options.ReferralConvertedPoints, options.ReviewWrittenPoints));
        Assert.Equal(((long?)null, (long?)null, (long?)null), (options.DailyCap, options.MonthlyCap, options.YearlyCap));
        Assert.Equal((14, 12, 30, 0), (options.HoldingDays, options.LifetimeMonths, options.ExpiryWarningDays, options.MaxBackdatingDays));
        Assert.False(options.AllowNegativeBalance);
        Assert.Equal(0.1m, options.PointValue);
        Assert.Empty(options.Tiers);
        Assert.Equal((LoyaltyTierWindow.CalendarYear, 0, true), (options.TierWindow, options.TierGraceDays, options.TierSoftLanding));
        var reward = Assert.Single(options.Rewards);
        Assert.Equal(("gift-card-100", "Gift card (100)", 1000L), (reward.Id, reward.Name, reward.Points));
        Assert.Equal(100m, reward.Points * options.PointValue);
    }

    [Fact]
    public void TheDefaultPolicy_IsValid()
    {
        Assert.Empty(Failures(new LoyaltyOptions()));
    }

    [Fact]
    public void EveryProblem_IsListed_NamingThePropertyAndTheValue()
    {
        var options = new LoyaltyOptions
        {
            TimeZoneId = "Mars/Olympus",
            PointsPerUnit = 0m,
            Rounding = (LoyaltyRounding)7,
            MinimumSpend = -1m,
            ExcludedCategories = ["Books", "books", ""],
            CategoryMultipliers = new() { ["BOOKS"] = 2m, ["toys"] = 0m },
            SurveyAnsweredPoints = -1,
            DailyCap = 0,
            PointValue = -0.1m,
            HoldingDays = 400,
            LifetimeMonths = 0,
            ExpiryWarningDays = -1,
            MaxBackdatingDays = 366,
        };
        options.Rewards.Insert(0, new LoyaltyRewardOptions());
        options.Rewards.Add(new LoyaltyRewardOptions { Id = LoyaltyDefaults.GiftCardRewardId, Name = "Again", Points = 5 });
        options.Rewards.Add(null!);

        Assert.Equal(
            [
                "TimeZoneId: 'Mars/Olympus' is not an IANA time zone id.",
                "PointsPerUnit: must be in (0, 1000] but was 0.",
                "Rounding: 7 is not a LoyaltyRounding.",
                "MinimumSpend: must be >= 0 but was -1.",
                "ExcludedCategories[1]: 'books' is listed more than once.",
                "ExcludedCategories[2]: must not be empty.",
                "CategoryMultipliers.BOOKS: the category is also excluded.",
                "CategoryMultipliers.toys: must be in (0, 100] but was 0.",
                "SurveyAnsweredPoints: must be in [0, 1000000000] but was -1.",
                "DailyCap: must be in [1, 1000000000] but was 0.",
                "PointValue: must be >= 0 but was -0.1.",
                "HoldingDays: must be in [0, 365] but was 400.",
                "LifetimeMonths: must be in [1, 120] but was 0.",
                "ExpiryWarningDays: must be in [0, 365] but was -1.",
                "MaxBackdatingDays: must be in [0, 365] but was 366.",
                "Rewards[0].Id: must not be empty.",
                "Rewards[0].Name: must not be empty.",
                "Rewards[0].Points: must be in [1, 1000000000] but was 0.",
                "Rewards[2].Id: 'gift-card-100' is used by more than one reward.",
                "Rewards[3]: must not be null.",
            ],
            Failures(options));
    }

    [Fact]
    public void EveryProblemOfTheTiers_IsListed_NamingTheTierAndTheValue()
    {
        var options = new LoyaltyOptions
        {
            TierWindow = (LoyaltyTierWindow)5,
            TierGraceDays = 181,
            Tiers =
            [
                new() { Id = "base", Name = "Base", QualifyingPoints = 10 },
                new() { Id = "silver", Name = "", QualifyingSpend = 0m, EarnMultiplier = 0m, Benefits = ["free-shipping", "free-shipping", " "] },
                new() { Id = "gold", Name = "Gold" },
                new() { Id = "silver", Name = "Platinum", QualifyingPoints = 5000 },
                new() { Id = "diamond", Name = "Diamond", QualifyingPoints = 4000, QualifyingSpend = 100m },
                null!,
            ],
        };
        options.Rewards.Add(new LoyaltyRewardOptions { Id = "lounge", Name = "Lounge", Points = 500, RequiredTier = "vip" });

        Assert.Equal(
            [
                "TierWindow: 5 is not a LoyaltyTierWindow.",
                "TierGraceDays: must be in [0, 180] but was 181.",
                "Tiers[0]: the first tier is the one every member starts in; it must have no QualifyingPoints or QualifyingSpend.",
                "Tiers[1].Name: must not be empty.",
                "Tiers[1].EarnMultiplier: must be in (0, 10] but was 0.",
                "Tiers[1].Benefits[1]: 'free-shipping' is listed more than once.",
                "Tiers[1].Benefits[2]: must not be empty.",
                "Tiers[1].QualifyingSpend: must be in (0, 1000000000] but was 0.",
                "Tiers[2]: must have QualifyingPoints, QualifyingSpend or both.",
                "Tiers[3].Id: 'silver' is used by more than one tier.",
                "Tiers[4].QualifyingPoints: must be above Tiers[3]'s (5000) but was 4000.",
                "Tiers[5]: must not be null.",
                "Rewards[1].RequiredTier: 'vip' is not the id of a tier.",
            ],
            Failures(options));
    }

    [Fact]
    public void TiersWrittenByHand_ReadBack()
    {
        const string json = """
        {
          "tierWindow": "Rolling12Months",
          "tierGraceDays": 30,
          "tierSoftLanding": false,
          "tiers": [
            { "id": "member", "name": "Member" },
            { "id": "gold", "name": "Gold", "qualifyingPoints": 5000, "qualifyingSpend": 2500, "earnMultiplier": 1.5, "benefits": [ "free-shipping" ] }
          ],
          "rewards": [ { "id": "lounge", "name": "Lounge", "points": 500, "requiredTier": "gold" } ]
        }
        """;

        var options = PolicyJson.Deserialize<LoyaltyOptions>(json);

        Assert.Equal((LoyaltyTierWindow.Rolling12Months, 30, false), (options.TierWindow, options.TierGraceDays, options.TierSoftLanding));
        var gold = options.Tiers[1];
        Assert.Equal(("gold", (long?)5000, (decimal?)2500m, 1.5m, "free-shipping"), (gold.Id, gold.QualifyingPoints, gold.QualifyingSpend, gold.EarnMultiplier, Assert.Single(gold.Benefits)));
        Assert.Equal("gold", Assert.Single(options.Rewards).RequiredTier);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void AHoldingPeriodAsLongAsTheShortestLifetime_IsRefused()
    {
        Assert.Equal(
            ["HoldingDays: must be shorter than the shortest lifetime (LifetimeMonths × 28 = 28 days) but was 28."],
            Failures(new LoyaltyOptions { HoldingDays = 28, LifetimeMonths = 1 }));
        Assert.Empty(Failures(new LoyaltyOptions { HoldingDays = 27, LifetimeMonths = 1 }));
    }

    [Fact]
    public void TheExpiryModeDefaults_AreAFixedLifetime_AndCalendarYearPlusOne()
    {
        var options = new LoyaltyOptions();

        Assert.Equal((LoyaltyExpiryMode.FixedLifetime, LoyaltyExpiryPeriod.CalendarYear, 1), (options.ExpiryMode, options.ExpiryPeriod, options.ExpiryPeriodsAfter));
    }

    [Fact]
    public void AnUnknownExpiryModeOrPeriod_AndTooManyPeriods_AreRefused()
    {
        Assert.Equal(
            ["ExpiryMode: 7 is not a LoyaltyExpiryMode.", "ExpiryPeriod: 9 is not a LoyaltyExpiryPeriod.", "ExpiryPeriodsAfter: must be in [0, 10] but was 11."],
            Failures(new LoyaltyOptions { ExpiryMode = (LoyaltyExpiryMode)7, ExpiryPeriod = (LoyaltyExpiryPeriod)9, ExpiryPeriodsAfter = 11 }));
        Assert.Equal(["ExpiryPeriodsAfter: must be in [0, 10] but was -1."], Failures(new LoyaltyOptions { ExpiryPeriodsAfter = -1 }));
    }

    [Theory]
    [InlineData(LoyaltyExpiryPeriod.CalendarMonth, 0, 1, "ExpiryPeriodsAfter × 28 = 0 days")]
    [InlineData(LoyaltyExpiryPeriod.CalendarMonth, 1, 28, "ExpiryPeriodsAfter × 28 = 28 days")]
    [InlineData(LoyaltyExpiryPeriod.CalendarQuarter, 1, 90, "ExpiryPeriodsAfter × 90 = 90 days")]
    [InlineData(LoyaltyExpiryPeriod.CalendarYear, 1, 365, "ExpiryPeriodsAfter × 365 = 365 days")]
    public void AnEndOfPeriodHoldingPeriodAsLongAsTheShortestLifetime_IsRefused(LoyaltyExpiryPeriod period, int after, int holding, string formula)
    {
        var options = new LoyaltyOptions { ExpiryMode = LoyaltyExpiryMode.EndOfPeriod, ExpiryPeriod = period, ExpiryPeriodsAfter = after, HoldingDays = holding };

        Assert.Equal([$"HoldingDays: must be shorter than the shortest lifetime ({formula}) but was {holding}."], Failures(options));
        Assert.Empty(Failures(new LoyaltyOptions { ExpiryMode = LoyaltyExpiryMode.EndOfPeriod, ExpiryPeriod = period, ExpiryPeriodsAfter = after, HoldingDays = holding - 1 }));
    }

    [Fact]
    public void ARollingLifetime_IsHeldToTheHoldingPeriodLikeAFixedOne_AndEndOfPeriodIgnoresIt()
    {
        Assert.Equal(
            ["HoldingDays: must be shorter than the shortest lifetime (LifetimeMonths × 28 = 28 days) but was 28."],
            Failures(new LoyaltyOptions { ExpiryMode = LoyaltyExpiryMode.Rolling, HoldingDays = 28, LifetimeMonths = 1 }));
        Assert.Empty(Failures(new LoyaltyOptions { ExpiryMode = LoyaltyExpiryMode.EndOfPeriod, HoldingDays = 28, LifetimeMonths = 1 }));
    }

    [Fact]
    public void AnExpiryModeWrittenByHand_ReadsBackFromJson()
    {
        var options = PolicyJson.Deserialize<LoyaltyOptions>("""{ "expiryMode": "EndOfPeriod", "expiryPeriod": "CalendarQuarter", "expiryPeriodsAfter": 2 }""");

        Assert.Equal((LoyaltyExpiryMode.EndOfPeriod, LoyaltyExpiryPeriod.CalendarQuarter, 2), (options.ExpiryMode, options.ExpiryPeriod, options.ExpiryPeriodsAfter));
    }

    [Fact]
    public void TheEngine_RefusesAnInvalidPolicy_ListingEveryProblem()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new LoyaltyEngine(new LoyaltyOptions { HoldingDays = -1, Rewards = [] , DailyCap = -5 }));

        Assert.Equal(["DailyCap: must be in [1, 1000000000] but was -5.", "HoldingDays: must be in [0, 365] but was -1."], ex.Failures);
        Assert.Throws<ArgumentNullException>(() => new LoyaltyEngine(null!));
    }

    [Fact]
    public void TheEngine_CopiesThePolicy_SoLaterChangesDoNotReachIt()
    {
        var options = new LoyaltyOptions();
        var engine = new LoyaltyEngine(options);

        options.Rewards.Clear();
        options.ExcludedCategories.Add("books");
        options.HoldingDays = 0;

        var account = LoyaltyTestKit.Run(engine, LoyaltyTestKit.Adjust("c", LoyaltyTestKit.At(2026, 1, 1), 1000));
        Assert.Equal(LoyaltyOutcomeStatus.Applied, engine.TryApply(account, LoyaltyTestKit.Redeem("r", LoyaltyTestKit.At(2026, 1, 1))).Status);
        var earn = engine.TryApply(null, LoyaltyTestKit.Purchase("p", LoyaltyTestKit.At(2026, 1, 1), 10m, category: "books")).Entries[0];
        Assert.Equal((10L, (NodaTime.Instant?)LoyaltyTestKit.At(2026, 1, 15)), (earn.Points, earn.AvailableFrom));
    }

    [Fact]
    public void TheDefaultPolicy_RoundTripsThroughJson()
    {
        var json = PolicyJson.Serialize(new LoyaltyOptions());

        var back = PolicyJson.Deserialize<LoyaltyOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Contains("\"rounding\": \"Floor\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pointValue\": 0.1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyWrittenByHand_ReadsBack_WithCapsMultipliersAndRewards()
    {
        const string json = """
        {
          "pointsPerUnit": 2,
          "rounding": "Nearest",
          "categoryMultipliers": { "books": 3 },
          "dailyCap": 500,
          "rewards": [ { "id": "mug", "name": "Mug", "points": 300 } ],
        }
        """;

        var options = PolicyJson.Deserialize<LoyaltyOptions>(json);

        Assert.Equal((2m, LoyaltyRounding.Nearest, 3m, (long?)500), (options.PointsPerUnit, options.Rounding, options.CategoryMultipliers["books"], options.DailyCap));
        Assert.Equal("mug", Assert.Single(options.Rewards).Id);
        Assert.Equal(14, options.HoldingDays);
        Assert.Throws<JsonException>(() => PolicyJson.Deserialize<LoyaltyOptions>("""{ "holdingDay": 3 }"""));
    }
}
