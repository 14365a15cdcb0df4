using CustomerLifecycle.Feedback;
using NodaTime;
using static CustomerLifecycle.Tests.Feedback.FeedbackTestData;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackReviewTests
{
    private static readonly Instant WeekStart = Utc(3, 31, 0);

    private static FeedbackRecord Record(FeedbackItem item, params (FeedbackEventKind Kind, Instant At)[] events)
    {
        var record = DefaultEngine.Triage(DefaultEngine.Open(item), item.Submitted);
        foreach (var (kind, at) in events)
        {
            record = DefaultEngine.Workflow.Apply(record, new FeedbackEvent(kind, at));
        }

        return record;
    }

    private static List<FeedbackRecord> Week() =>
    [
        Record(
            Item("I want a refund", Utc(3, 31, 10), "R1") with { Category = "complaint", Urgency = "High", Tags = ["checkout"] },
            (FeedbackEventKind.Acknowledge, Utc(3, 31, 10, 10)),
            (FeedbackEventKind.Resolve, Utc(4, 1, 8)),
            (FeedbackEventKind.NotifyCustomer, Utc(4, 1, 9))),
        Record(Item("Still no refund, terrible", Utc(4, 2, 12), "R2") with { Category = "complaint", Urgency = "High", Tags = ["checkout"] }),
        Record(
            HighServiceIssue(Utc(4, 1, 9), "R3"),
            (FeedbackEventKind.Respond, Utc(4, 1, 9, 30)),
            (FeedbackEventKind.Resolve, Utc(4, 2, 15))),
        Record(Item("Please add SSO", Utc(3, 25, 10), "R4") with { Tags = ["checkout", "sso"] }),
        Record(Item("Please add SSO", Utc(4, 8, 10), "R5")),
    ];

    [Fact]
    public void Review_CountsSubmissionsByCategoryPriorityAndTeam()
    {
        var review = DefaultEngine.Review(Week(), WeekStart);

        Assert.Equal((WeekStart, Utc(4, 7, 0), 3), (review.WeekStart, review.WeekEnd, review.Submitted));
        Assert.Equal(["complaint=2", "service-issue=1"], review.ByCategory.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["High=1", "Medium=2"], review.ByPriority.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["support=3"], review.ByTeam.Select(p => $"{p.Key}={p.Value}"));
    }

    [Fact]
    public void Review_ComparesThemesWithThePreviousWeek()
    {
        var review = DefaultEngine.Review(Week(), WeekStart);

        Assert.Equal(
            [
                new FeedbackTheme("refund", FeedbackThemeSource.Keyword, 2, 0),
                new FeedbackTheme("checkout", FeedbackThemeSource.Tag, 2, 1),
                new FeedbackTheme("cannot", FeedbackThemeSource.Keyword, 1, 0),
                new FeedbackTheme("terrible", FeedbackThemeSource.Keyword, 1, 0),
                new FeedbackTheme("sso", FeedbackThemeSource.Tag, 0, 1),
                new FeedbackTheme("please add", FeedbackThemeSource.Keyword, 0, 1),
            ],
            review.Themes);
    }

    [Fact]
    public void Review_ReportsSlaAttainmentAndBreachesOfTheWeek()
    {
        var review = DefaultEngine.Review(Week(), WeekStart);

        Assert.Equal(
            [
                new SlaAttainment(SlaTargetKind.Acknowledge, 1, 2),
                new SlaAttainment(SlaTargetKind.FirstResponse, 2, 1),
                new SlaAttainment(SlaTargetKind.Resolution, 2, 1),
                new SlaAttainment(SlaTargetKind.FollowUp, 1, 0),
            ],
            review.SlaAttainment);
        Assert.Equal(1.0 / 3, review.SlaAttainment[0].Rate!.Value, 12);
        Assert.Equal(
            [
                new SlaBreach("R3", SlaTargetKind.Acknowledge, Utc(4, 1, 9, 15)),
                new SlaBreach("R2", SlaTargetKind.Acknowledge, Utc(4, 2, 12, 30)),
                new SlaBreach("R2", SlaTargetKind.FirstResponse, Utc(4, 3, 12)),
                new SlaBreach("R2", SlaTargetKind.Resolution, Utc(4, 3, 12)),
            ],
            review.Breaches);
    }

    [Fact]
    public void Review_ReportsComplaintResolutionAndResolutionTimes()
    {
        var review = DefaultEngine.Review(Week(), WeekStart);

        Assert.Equal((2, 1, 0.5, 0.95), (review.ComplaintsSubmitted, review.ComplaintsResolved, review.ComplaintResolutionRate, review.ComplaintResolutionTarget));
        Assert.Equal((2, Duration.FromHours(26), Duration.FromHours(26)), (review.Resolved, review.MeanResolutionTime, review.MedianResolutionTime));
        Assert.Equal(
            [
                "feedback.review.complaints-below-target: 1 of 2 complaints resolved (50%), below the 95% target.",
                "feedback.review.breaches: 4 SLA deadline(s) were breached this week.",
                "feedback.review.rising-theme: Keyword 'refund' came up 2 times, 2 more than the week before.",
                "feedback.review.rising-theme: Tag 'checkout' came up 2 times, 1 more than the week before.",
            ],
            review.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public void Review_OfAnEmptyWeek_HasNoRates()
    {
        var review = DefaultEngine.Review([], WeekStart);

        Assert.Equal(0, review.Submitted);
        Assert.Null(review.ComplaintResolutionRate);
        Assert.Null(review.MeanResolutionTime);
        Assert.All(review.SlaAttainment, a => Assert.Null(a.Rate));
        Assert.Empty(review.Reasons);
    }

    [Fact]
    public void Review_IgnoresEventsAfterTheWeek()
    {
        var late = Record(Item("I want a refund", Utc(4, 2, 10), "R6") with { Category = "complaint" }, (FeedbackEventKind.Resolve, Utc(4, 9, 10)));

        var review = DefaultEngine.Review([late], WeekStart);

        Assert.Equal((1, 0, 0), (review.ComplaintsSubmitted, review.ComplaintsResolved, review.Resolved));
    }
}
