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
    public void AHoldingPeriodAsLongAsTheShortestLifetime_IsRefused()
    {
        Assert.Equal(
            ["HoldingDays: must be shorter than the shortest lifetime (LifetimeMonths × 28 = 28 days) but was 28."],
            Failures(new LoyaltyOptions { HoldingDays = 28, LifetimeMonths = 1 }));
        Assert.Empty(Failures(new LoyaltyOptions { HoldingDays = 27, LifetimeMonths = 1 }));
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
        Assert.Equal(LoyaltyOutcomeStatus.Applied, engine.Apply(account, LoyaltyTestKit.Redeem("r", LoyaltyTestKit.At(2026, 1, 1))).Status);
        var earn = engine.Apply(null, LoyaltyTestKit.Purchase("p", LoyaltyTestKit.At(2026, 1, 1), 10m, category: "books")).Entries[0];
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
