using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>Black Friday: × 3 on every earn from 27 November 00:00 to 1 December 00:00 (Berlin, UTC+1); a book week × 2 on books only.</summary>
public sealed class LoyaltyCampaignTests
{
    private static readonly LoyaltyEngine WithCampaigns = Engine(o =>
    {
        o.Campaigns =
        [
            new() { Id = "black-friday", Start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(1)), End = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(1)), Multiplier = 3m },
            new() { Id = "book-week", Start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), Categories = ["Books"] },
            new() { Id = "review-month", Start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Multiplier = 1.5m, ActivityKinds = [LoyaltyActivityKind.ReviewWritten] },
        ];
    });

    [Fact]
    public void APurchaseAtTheWindowsOpening_IsMultiplied_ASecondBeforeItIsNot()
    {
        var opening = WithCampaigns.TryApply(null, Purchase("p1", At(2026, 11, 26, 23), 10.5m)).Entries[0];
        var before = WithCampaigns.TryApply(null, Purchase("p1", At(2026, 11, 26, 22, 59, 59), 10.5m)).Entries[0];

        Assert.Equal((31L, (decimal?)3m), (opening.Points, opening.Multiplier));
        Assert.Equal("Purchase o-p1: 10.5 × 1 points per unit × 1 × 3 (campaign black-friday) = 31.5, rounded down to 31; pending until 2026-12-10T23:00:00Z.", opening.Reason);
        Assert.Equal((10L, (decimal?)1m), (before.Points, before.Multiplier));
    }

    [Fact]
    public void AtTheWindowsEnd_TheCampaignNoLongerApplies()
    {
        Assert.Equal(30, WithCampaigns.TryApply(null, Purchase("p1", At(2026, 11, 30, 22, 59, 59), 10m)).Entries[0].Points);
        Assert.Equal(10, WithCampaigns.TryApply(null, Purchase("p1", At(2026, 11, 30, 23), 10m)).Entries[0].Points);
    }

    [Fact]
    public void OverlappingCampaigns_MultiplyTogether_AndACategoryCampaignSkipsOtherCategories()
    {
        var book = WithCampaigns.TryApply(null, Purchase("p1", At(2026, 11, 30, 12), 10m, category: "books")).Entries[0];
        var toy = WithCampaigns.TryApply(null, Purchase("p2", At(2026, 12, 2), 10m, category: "toys")).Entries[0];

        Assert.Equal((60L, (decimal?)6m), (book.Points, book.Multiplier));
        Assert.Contains("× 3 (campaign black-friday) × 2 (campaign book-week)", book.Reason, StringComparison.Ordinal);
        Assert.Equal(10, toy.Points);
    }

    [Fact]
    public void AnActivityCampaign_MultipliesOnlyItsKinds_AndACategoryCampaignNoActivity()
    {
        var review = WithCampaigns.TryApply(null, Activity("a1", At(2026, 11, 10), LoyaltyActivityKind.ReviewWritten)).Entries[0];
        var survey = WithCampaigns.TryApply(null, Activity("a2", At(2026, 11, 10), LoyaltyActivityKind.SurveyAnswered)).Entries[0];
        var bookWeekSurvey = WithCampaigns.TryApply(null, Activity("a3", At(2026, 12, 3), LoyaltyActivityKind.SurveyAnswered)).Entries[0];

        Assert.Equal((150L, "ReviewWritten: 100 points × 1.5 (campaign review-month) = 150."), (review.Points, review.Reason));
        Assert.Equal((50L, "SurveyAnswered: 50 points."), (survey.Points, survey.Reason));
        Assert.Equal(50, bookWeekSurvey.Points);
    }

    [Fact]
    public void BadCampaigns_AreRefused_NamingEachField()
    {
        var options = new LoyaltyOptions
        {
            Campaigns =
            [
                new() { Id = "", Start = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Multiplier = 0m, Categories = [" "], ActivityKinds = [(LoyaltyActivityKind)9] },
                new() { Id = "x", Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero) },
                new() { Id = "x", Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), Multiplier = 11m },
            ],
        };

        Assert.Equal(
            [
                "Campaigns[0].Id: must not be empty.",
                "Campaigns[0].End: must be after Start (2026-01-02T00:00:00.0000000+00:00) but was 2026-01-01T00:00:00.0000000+00:00.",
                "Campaigns[0].Multiplier: must be in (0, 10] but was 0.",
                "Campaigns[0].Categories[0]: must not be empty.",
                "Campaigns[0].ActivityKinds[0]: 9 is not a LoyaltyActivityKind.",
                "Campaigns[2].Id: 'x' is used by more than one campaign.",
                "Campaigns[2].Multiplier: must be in (0, 10] but was 11.",
            ],
            new LoyaltyOptionsValidator().Validate(null, options).Failures);
    }

    [Fact]
    public void ACampaignWrittenByHand_ReadsBackFromJson()
    {
        var options = CustomerLifecycle.Serialization.PolicyJson.Deserialize<LoyaltyOptions>("""
        { "campaigns": [ { "id": "bf", "start": "2026-11-27T00:00:00+01:00", "end": "2026-12-01T00:00:00+01:00", "multiplier": 3, "activityKinds": [ "ReviewWritten" ] } ] }
        """);

        var campaign = Assert.Single(options.Campaigns);
        Assert.Equal(("bf", new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), 3m, LoyaltyActivityKind.ReviewWritten), (campaign.Id, campaign.Start, campaign.Multiplier, Assert.Single(campaign.ActivityKinds)));
    }
}
