using CustomerLifecycle.Feedback;
using NodaTime;

namespace CustomerLifecycle.Abstractions.Tests.Feedback;

public sealed class FeedbackContractsTests
{
    [Fact]
    public void SlaAttainment_Rate_IsMetOverDecided_OrNullWhenNothingWasDecided()
    {
        Assert.Equal(0.75, new SlaAttainment(SlaTargetKind.Resolution, 3, 1).Rate);
        Assert.Null(new SlaAttainment(SlaTargetKind.Resolution, 0, 0).Rate);
    }

    [Fact]
    public void FeedbackTheme_Change_IsThisWeekMinusLastWeek()
        => Assert.Equal(-2, new FeedbackTheme("sso", FeedbackThemeSource.Tag, 1, 3).Change);

    [Fact]
    public void FeedbackItem_DefaultsToNoTagsNoSupportersAndUnknownReach()
    {
        var item = new FeedbackItem("F-1", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 1, 1, 0, 0), "text");

        Assert.Empty(item.Tags);
        Assert.Empty(item.Supporters);
        Assert.Null(item.AffectedCustomers);
        Assert.Equal(0, item.TotalCustomers);
        Assert.Null(item.Category);
        Assert.Null(item.Urgency);
    }

    [Fact]
    public void FeedbackRecord_StartsWithoutHistory()
    {
        var record = new FeedbackRecord(new FeedbackItem("F-1", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 1, 1, 0, 0), "text"), FeedbackState.Collected);

        Assert.Empty(record.History);
        Assert.False(record.IsPaused);
        Assert.Null(record.Category);
    }
}
