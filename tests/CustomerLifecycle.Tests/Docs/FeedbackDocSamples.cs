using CustomerLifecycle.Calendars;
using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Feedback;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

/// <summary>The code samples of docs/feedback.md and docs/calendars.md, compiled and checked.</summary>
public sealed class FeedbackDocSamples
{
    [Fact]
    public void Evaluate_OneItem()
    {
        #region snippet: feedback-evaluate
        var engine = new FeedbackEngine(new FeedbackOptions
        {
            Calendar = new BusinessCalendarOptions { TimeZoneId = "Europe/Berlin", Holidays = ["2025-12-25", "2025-12-26"] },
        });
        var item = new FeedbackItem("F-1", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 3, 28, 14, 0), "Checkout is down, customers cannot pay")
        {
            AffectedCustomers = 150,
            TotalCustomers = 1000,
        };

        var result = engine.Evaluate(item, asOf: item.Submitted);

        // service-issue → support; 15% affected = Extensive; "cannot", "down" = Critical; Extensive × Critical = High.
        Console.WriteLine($"{result.Category} {result.Team} {result.Impact} {result.Urgency} {result.Priority}");
        // Friday 15:00 in Berlin + 2 business days = Tuesday 15:00 (after the switch to summer time: 13:00 UTC).
        Console.WriteLine(result.Clocks[(int)SlaTargetKind.Resolution].DueAt); // 2025-04-01T13:00:00Z
        #endregion

        Assert.Equal(("service-issue", "support", "Extensive", "Critical", "High"), (result.Category, result.Team, result.Impact, result.Urgency, result.Priority));
        Assert.Equal(Instant.FromUtc(2025, 4, 1, 13, 0), result.Clocks[(int)SlaTargetKind.Resolution].DueAt);
    }

    [Fact]
    public void Evaluate_ManyItems()
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        var items = new[]
        {
            new FeedbackItem("F-1", CustomerId.From("acme"), "survey", Instant.FromUtc(2025, 3, 28, 15, 0), "Please add single sign-on"),
            new FeedbackItem("F-2", CustomerId.From("globex"), "email", Instant.FromUtc(2025, 3, 28, 16, 0), "I want a refund, this is unacceptable"),
        };
        var asOf = Instant.FromUtc(2025, 3, 29, 0, 0);

        #region snippet: feedback-batch
        var results = new FeedbackTriage[items.Length];
        engine.Evaluate(items, asOf, results); // no allocation per item

        var acknowledgeFirst = results.OrderBy(r => r.AcknowledgeDue ?? Instant.MaxValue).First(); // the complaint: 30 minutes
        #endregion

        Assert.Equal(("product-request", "Low"), (results[0].Category, results[0].Priority));
        Assert.Equal(("complaint", Instant.FromUtc(2025, 3, 28, 16, 30)), (results[1].Category, results[1].AcknowledgeDue!.Value));
        Assert.Equal("complaint", acknowledgeFirst.Category);
    }

    [Fact]
    public async Task ClosedLoop_ThroughTheService()
    {
        var item = new FeedbackItem("F-7", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 3, 31, 10, 0), "I want a refund") { Category = "complaint" };

        #region snippet: feedback-service
        var services = new ServiceCollection().AddCustomerLifecycle(b => b.ConfigureFeedback(o => o.WarningFraction = 0.8));
        services.AddInMemoryFeedbackStore(); // the host's own IFeedbackStore in production
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<FeedbackService>();

        await service.SubmitAsync(item, at: item.Submitted);                 // Collected → Classified → Prioritised → Assigned
        var at = item.Submitted + Duration.FromMinutes(10);
        await service.ApplyAsync("F-7", new FeedbackEvent(FeedbackEventKind.Acknowledge, at));
        await service.ApplyAsync("F-7", new FeedbackEvent(FeedbackEventKind.Start, at));
        await service.ApplyAsync("F-7", new FeedbackEvent(FeedbackEventKind.Resolve, at + Duration.FromHours(5)));
        var refused = await service.ApplyAsync("F-7", new FeedbackEvent(FeedbackEventKind.Confirm, at + Duration.FromHours(6)));
        // refused.Succeeded == false: "Cannot apply Confirm to feedback 'F-7' in state Resolved; allowed there: ..."

        var now = await service.EvaluateAsync("F-7", at + Duration.FromHours(6)); // the clocks as the stored history drives them
        // now.Clocks[(int)SlaTargetKind.Resolution].State == Met
        #endregion

        Assert.False(refused!.Succeeded);
        Assert.Equal("Cannot apply Confirm to feedback 'F-7' in state Resolved; allowed there: Acknowledge, Respond, NotifyCustomer, Reopen.", refused.Reason.Message);
        Assert.Equal(SlaClockState.Met, now!.Clocks[(int)SlaTargetKind.Resolution].State);
        var stored = await provider.GetRequiredService<IFeedbackStore>().LoadAsync("F-7");
        Assert.Equal((FeedbackState.Resolved, 4L), (stored!.Record.State, stored.Version));
    }

    [Fact]
    public void Explain_OneItem()
    {
        // The engine and the item of the feedback-evaluate sample.
        var engine = new FeedbackEngine(new FeedbackOptions
        {
            Calendar = new BusinessCalendarOptions { TimeZoneId = "Europe/Berlin", Holidays = ["2025-12-25", "2025-12-26"] },
        });
        var item = new FeedbackItem("F-1", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 3, 28, 14, 0), "Checkout is down, customers cannot pay")
        {
            AffectedCustomers = 150,
            TotalCustomers = 1000,
        };

        #region snippet: feedback-explain
        var explanation = engine.Explain(item, asOf: item.Submitted);

        Console.WriteLine(explanation.Decision); // priority High (impact Extensive × urgency Critical), resolve by 2025-04-01T13:00:00Z
        foreach (var reason in explanation.Reasons)
        {
            Console.WriteLine(reason.Code);      // feedback.category-keywords, feedback.impact, …, feedback.team, feedback.contribution, feedback.sla.running, …
        }

        var assessment = explanation.Result;     // what Evaluate(item, asOf) returns
        #endregion

        Assert.Equal("priority High (impact Extensive × urgency Critical), resolve by 2025-04-01T13:00:00Z", explanation.Decision);
        Assert.Equal("High", assessment.Priority);
        Assert.Equal(["feedback.category-keywords", "feedback.impact", "feedback.urgency-keywords", "feedback.priority", "feedback.score", "feedback.team", "feedback.contribution"], explanation.Reasons.Take(7).Select(r => r.Code));
    }

    [Fact]
    public void WeeklyReview()
    {
        var engine = new FeedbackEngine(new FeedbackOptions());
        var item = new FeedbackItem("F-9", CustomerId.From("acme"), "email", Instant.FromUtc(2025, 3, 31, 10, 0), "I want a refund") { Category = "complaint" };
        var records = new[] { engine.Triage(engine.Open(item), item.Submitted) };

        #region snippet: feedback-review
        var review = engine.Review(records, weekStart: Instant.FromUtc(2025, 3, 31, 0, 0));

        foreach (var reason in review.Reasons)
        {
            Console.WriteLine(reason); // feedback.review.complaints-below-target: 0 of 1 complaints resolved (0%), below the 95% target.
        }
        #endregion

        Assert.Equal("feedback.review.complaints-below-target: 0 of 1 complaints resolved (0%), below the 95% target.", review.Reasons[0].ToString());
    }

    [Fact]
    public void BusinessCalendar_Arithmetic()
    {
        #region snippet: calendars-basic
        var calendar = new BusinessCalendar(new BusinessCalendarOptions
        {
            TimeZoneId = "America/New_York",
            WorkingHours =
            [
                new() { Day = DayOfWeek.Monday, Start = "09:00", End = "17:00" },
                new() { Day = DayOfWeek.Tuesday, Start = "09:00", End = "17:00" },
                new() { Day = DayOfWeek.Wednesday, Start = "09:00", End = "17:00" },
                new() { Day = DayOfWeek.Thursday, Start = "09:00", End = "17:00" },
                new() { Day = DayOfWeek.Friday, Start = "09:00", End = "13:00" },
            ],
            Holidays = ["2025-07-04"],
        });
        var thursday4pm = Instant.FromUtc(2025, 7, 3, 20, 0); // 16:00 New York time

        var dueIn3Hours = calendar.AddBusinessTime(thursday4pm, Duration.FromHours(3)); // Monday 7 July 11:00 local
        var dueIn1Day = calendar.AddBusinessDays(thursday4pm, 1);                      // Monday 7 July 16:00 local
        var worked = calendar.BusinessTimeBetween(thursday4pm, dueIn1Day);             // 1 + 7 = 8 hours
        #endregion

        Assert.Equal(Instant.FromUtc(2025, 7, 7, 15, 0), dueIn3Hours);
        Assert.Equal(Instant.FromUtc(2025, 7, 7, 20, 0), dueIn1Day);
        Assert.Equal(Duration.FromHours(8), worked);
    }
}
