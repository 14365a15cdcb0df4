using CustomerLifecycle.Calendars;
using CustomerLifecycle.Feedback;
using NodaTime;
using static CustomerLifecycle.Tests.Feedback.FeedbackTestData;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackEngineTests
{
    [Fact]
    public void Defaults_AreTheDocumentedPolicy()
    {
        var options = new FeedbackOptions();

        Assert.Equal(
            ["product-request:product", "service-issue:support", "experience-improvement:design", "complaint:support", "praise:customer-success"],
            options.Categories.Select(c => $"{c.Name}:{c.Team}"));
        Assert.Equal([true, false, false, false, false], options.Categories.Select(c => c.CountEachCustomerOnce));
        Assert.Equal("service-issue", options.DefaultCategory);
        Assert.Equal(["Minor:1:0", "Moderate:2:0", "Significant:0:0.02", "Extensive:0:0.1"], options.ImpactLevels.Select(l => $"{l.Name}:{l.MinCustomers}:{l.MinShare}"));
        Assert.Equal(["Low", "Medium", "High", "Critical"], options.UrgencyLevels.Select(l => l.Name));
        Assert.Equal("Medium", options.DefaultUrgency);
        Assert.Equal(["High", "Medium", "Low"], options.Priorities);
        Assert.Equal(16, options.Matrix.Count);
        Assert.Equal(1.0, options.Ranking.PerCustomer);
        Assert.Equal(1.0, options.Ranking.ValueWeight);
        Assert.Equal(ValueScale.Log10, options.Ranking.ValueScale);
        Assert.Equal(0.75, options.WarningFraction);
        Assert.Equal("complaint", options.ComplaintCategory);
        Assert.Equal(0.95, options.ComplaintResolutionTarget);
        Assert.Equal("Etc/UTC", options.Calendar.TimeZoneId);
    }

    [Theory]
    [InlineData("Extensive", "Critical", "High")]
    [InlineData("Extensive", "High", "High")]
    [InlineData("Extensive", "Medium", "Medium")]
    [InlineData("Extensive", "Low", "Low")]
    [InlineData("Significant", "Critical", "High")]
    [InlineData("Significant", "High", "High")]
    [InlineData("Significant", "Medium", "Medium")]
    [InlineData("Significant", "Low", "Low")]
    [InlineData("Moderate", "Critical", "High")]
    [InlineData("Moderate", "High", "Medium")]
    [InlineData("Moderate", "Medium", "Low")]
    [InlineData("Moderate", "Low", "Low")]
    [InlineData("Minor", "Critical", "Medium")]
    [InlineData("Minor", "High", "Medium")]
    [InlineData("Minor", "Medium", "Low")]
    [InlineData("Minor", "Low", "Low")]
    public void DefaultMatrix_IsTheDesignTable(string impact, string urgency, string priority)
        => Assert.Equal(priority, DefaultEngine.PriorityOf(impact, urgency));

    [Fact]
    public void PriorityOf_UnknownLevel_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.PriorityOf("Huge", "Low"));
        Assert.Equal("Impact 'Huge' is not one of the ImpactLevels (Minor, Moderate, Significant, Extensive). (Parameter 'impact')", ex.Message);
    }

    [Theory]
    [InlineData(150, 1000, false, "Extensive")]
    [InlineData(100, 1000, false, "Extensive")]
    [InlineData(30, 1000, false, "Significant")]
    [InlineData(5, 1000, false, "Moderate")]
    [InlineData(1, 1000, false, "Minor")]
    [InlineData(500, 0, false, "Moderate")]
    [InlineData(1, 1000, true, "Extensive")]
    public void Impact_FollowsCountsSharesAndCoreOperations(int affected, int total, bool core, string impact)
    {
        var item = Item("Hello") with { AffectedCustomers = affected, TotalCustomers = total, AffectsCoreCustomerOperation = core };
        Assert.Equal(impact, DefaultEngine.Evaluate(item, Friday15).Impact);
    }

    [Fact]
    public void Evaluate_HighServiceIssue_ExplainsEveryDecision()
    {
        var result = DefaultEngine.Evaluate(HighServiceIssue(), Friday15);

        Assert.Equal(("service-issue", "support", "Extensive", "Critical", "High"), (result.Category, result.Team, result.Impact, result.Urgency, result.Priority));
        Assert.Equal(
            [
                "feedback.category-keywords: Category 'service-issue': the text mentions 'cannot'.",
                "feedback.impact: Impact 'Extensive': 150 customer(s) affected (15% of 1000).",
                "feedback.urgency-keywords: Urgency 'Critical': the text mentions 'cannot', 'down'.",
                "feedback.priority: Priority 'High' from the matrix: impact 'Extensive' × urgency 'Critical'.",
                "feedback.score: Score 1 from 1 customer(s), every mention counted.",
            ],
            result.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public void Evaluate_HighItem_HasTheDefaultHighDeadlines()
    {
        var clocks = DefaultEngine.Evaluate(HighServiceIssue(), Friday15).Clocks;

        Assert.Equal([SlaTargetKind.Acknowledge, SlaTargetKind.FirstResponse, SlaTargetKind.Resolution, SlaTargetKind.FollowUp], clocks.Select(c => c.Kind));
        Assert.Equal(["15 minutes", "1 business hours", "2 business days", "none"], clocks.Select(c => c.Target));
        Assert.Equal(Utc(3, 28, 15, 15), clocks[0].DueAt);
        Assert.Equal(Utc(3, 28, 16), clocks[1].DueAt);
        Assert.Equal(Utc(3, 28, 15, 45), clocks[1].WarningAt);
        // Two business days from Friday 15:00 is Tuesday 15:00; 75% of those 16 working hours is 12, reached Tuesday 11:00.
        Assert.Equal(Utc(4, 1, 15), clocks[2].DueAt);
        Assert.Equal(Utc(4, 1, 11), clocks[2].WarningAt);
        Assert.Equal(SlaClockState.NoTarget, clocks[3].State);
        Assert.Equal([SlaClockState.Running, SlaClockState.Running, SlaClockState.Running], clocks.Take(3).Select(c => c.State));
    }

    [Fact]
    public void Evaluate_ComplaintOnASaturday_MixesCalendarAndBusinessTargets()
    {
        var item = Item("This is unacceptable", Utc(3, 29, 10)) with { Category = "complaint", Urgency = "High" };

        var result = DefaultEngine.Evaluate(item, Utc(3, 29, 10, 20));

        Assert.Equal("Medium", result.Priority);
        Assert.Equal(["30 minutes", "1 business days", "24 hours", "24 hours"], result.Clocks.Select(c => c.Target));
        Assert.Equal(Utc(3, 29, 10, 30), result.Clocks[0].DueAt);
        Assert.Equal(Utc(3, 29, 10, 22) + Duration.FromSeconds(30), result.Clocks[0].WarningAt);
        Assert.Equal(Utc(3, 31, 17), result.Clocks[1].DueAt);
        Assert.Equal(Utc(3, 30, 10), result.Clocks[2].DueAt);
        Assert.Equal(SlaClockState.NotStarted, result.Clocks[3].State);
        Assert.Equal("The Acknowledge clock (30 minutes) warns at 2025-03-29T10:22:30Z and breaches at 2025-03-29T10:30:00Z.", result.Clocks[0].Reason.Message);
    }

    [Fact]
    public void Evaluate_LowProductRequest_GoesToTheRoadmapWithoutAResolutionDeadline()
    {
        var result = DefaultEngine.Evaluate(Item("Please add a dark mode, a suggestion"), Friday15);

        Assert.Equal(("product-request", "product", "Low"), (result.Category, result.Team, result.Priority));
        Assert.Equal(SlaClockState.NoTarget, result.Clocks[2].State);
        Assert.Null(result.Clocks[2].DueAt);
        Assert.Equal("No Resolution target applies to category 'product-request' at priority 'Low'.", result.Clocks[2].Reason.Message);
        Assert.Equal(Utc(3, 31, 15), result.Clocks[0].DueAt);
    }

    [Fact]
    public void Score_ProductRequest_CountsEachCustomerOnceWithTheirHighestValue()
    {
        var item = Item("Please add SSO") with
        {
            CustomerValue = 99,
            Supporters = [new FeedbackSupporter(Acme, 999), new FeedbackSupporter(Globex, 9)],
        };

        var result = DefaultEngine.Evaluate(item, Friday15);

        // acme: 1 + log10(1 + 999) = 4; globex: 1 + log10(1 + 9) = 2.
        Assert.Equal(6, result.Score, 12);
        Assert.Equal(
            [new RankingContribution(Acme, 999, 2, 1, 4), new RankingContribution(Globex, 9, 1, 1, 2)],
            result.Contributions);
        Assert.Equal("Moderate", result.Impact);
    }

    [Fact]
    public void Score_ServiceIssue_CountsEveryMention()
    {
        var item = Item("There is a bug") with
        {
            CustomerValue = 99,
            Supporters = [new FeedbackSupporter(Acme, 999), new FeedbackSupporter(Globex, 9)],
        };

        var result = DefaultEngine.Evaluate(item, Friday15);

        Assert.Equal(9, result.Score, 12);
        Assert.Equal(new RankingContribution(Acme, 999, 2, 2, 7), result.Contributions[0]);
    }

    [Fact]
    public void Score_LinearScale_UsesTheValueAsGiven()
    {
        var engine = new FeedbackEngine(new FeedbackOptions { Ranking = new RankingOptions { PerCustomer = 0, ValueWeight = 2, ValueScale = ValueScale.Linear } });
        var item = Item("There is a bug") with { CustomerValue = 4, Supporters = [new FeedbackSupporter(Globex, 1)] };

        Assert.Equal(10, engine.Evaluate(item, Friday15).Score);
    }

    [Fact]
    public void Score_ManySupporters_MatchesTheSmallSetPath()
    {
        var supporters = Enumerable.Range(0, 100).Select(i => new FeedbackSupporter(CustomerId.From($"c{i % 40}"), i)).ToList();
        var item = Item("Please add SSO") with { Supporters = supporters };

        var single = DefaultEngine.Evaluate(item, Friday15);
        var batch = new FeedbackTriage[1];
        DefaultEngine.Evaluate([item], Friday15, batch);

        Assert.Equal(41, single.Contributions.Count);
        Assert.Equal(single.Score, batch[0].Score, 9);
        Assert.Equal("Significant", DefaultEngine.Evaluate(item with { TotalCustomers = 2000 }, Friday15).Impact);
    }

    [Fact]
    public void Evaluate_BerlinCalendar_DeadlinesCrossTheSpringDaylightSavingChange()
    {
        var engine = new FeedbackEngine(new FeedbackOptions { Calendar = new BusinessCalendarOptions { TimeZoneId = "Europe/Berlin" } });
        var zone = engine.Sla.Calendar.Zone;
        var submitted = zone.AtStrictly(new LocalDateTime(2025, 3, 28, 15, 0)).ToInstant();

        var clocks = engine.Evaluate(HighServiceIssue(submitted), submitted).Clocks;

        Assert.Equal(zone.AtStrictly(new LocalDateTime(2025, 4, 1, 15, 0)).ToInstant(), clocks[2].DueAt);
        Assert.Equal(Instant.FromUtc(2025, 4, 1, 13, 0), clocks[2].DueAt);
    }

    [Fact]
    public void Evaluate_BerlinCalendar_DeadlinesCrossTheAutumnDaylightSavingChange()
    {
        var engine = new FeedbackEngine(new FeedbackOptions { Calendar = new BusinessCalendarOptions { TimeZoneId = "Europe/Berlin" } });
        var submitted = Instant.FromUtc(2025, 10, 24, 13, 0); // Friday 15:00 summer time (UTC+2)

        var clocks = engine.Evaluate(HighServiceIssue(submitted), submitted).Clocks;

        // Tuesday 15:00 winter time (UTC+1).
        Assert.Equal(Instant.FromUtc(2025, 10, 28, 14, 0), clocks[2].DueAt);
        // 12 of the 16 working hours: Friday 2, Monday 8, Tuesday 2 → Tuesday 11:00 local.
        Assert.Equal(Instant.FromUtc(2025, 10, 28, 10, 0), clocks[2].WarningAt);
    }

    [Fact]
    public void Explain_WithoutAResolutionTarget_SaysSo_AndListsDecisionsCustomersAndClocks()
    {
        var item = Item("Please add SSO") with { CustomerValue = 9 };

        var explanation = DefaultEngine.Explain(item, Friday15);

        Assert.Equal(("F-1", "priority Low (impact Minor × urgency Medium), no resolution target"), (explanation.Subject, explanation.Decision));
        Assert.Equal(
            ["feedback.category-keywords", "feedback.impact", "feedback.urgency-default", "feedback.priority", "feedback.score", "feedback.team", "feedback.contribution",
             "feedback.sla.running", "feedback.sla.no-target", "feedback.sla.no-target", "feedback.sla.no-target"],
            explanation.Reasons.Select(r => r.Code));
        Assert.Equal(
            "F-1: priority Low (impact Minor × urgency Medium), no resolution target\n"
            + "- Category 'product-request': the text mentions 'please add'.\n"
            + "- Impact 'Minor': 1 customer(s) affected.\n"
            + "- Urgency 'Medium' is the default: no urgency keyword matched.\n"
            + "- Priority 'Low' from the matrix: impact 'Minor' × urgency 'Medium'.\n"
            + "- Score 2 from 1 customer(s), each counted once however often they asked.\n"
            + "- Team 'product' owns category 'product-request'.\n"
            + "- Customer acme: value 9, 1 mention(s), 1 counted, 2 points.\n"
            + "- The Acknowledge clock (1 business days) warns at 2025-03-31T13:00:00Z and breaches at 2025-03-31T15:00:00Z.\n"
            + "- No FirstResponse target applies to category 'product-request' at priority 'Low'.\n"
            + "- No Resolution target applies to category 'product-request' at priority 'Low'.\n"
            + "- No FollowUp target applies to category 'product-request' at priority 'Low'.",
            explanation.ToString());
    }

    [Fact]
    public void Explain_ResultIsTheEvaluation_AndTheDecisionNamesTheResolutionDeadline()
    {
        var item = HighServiceIssue() with { Supporters = [new FeedbackSupporter(Globex, 3), new FeedbackSupporter(Globex, 1)] };

        var explanation = DefaultEngine.Explain(item, Friday15);

        // Two business days of 09:00–17:00 from Friday 15:00: Friday 2 h, Monday 8 h, Tuesday 6 h.
        Assert.Equal("priority High (impact Extensive × urgency Critical), resolve by 2025-04-01T15:00:00Z", explanation.Decision);
        var evaluated = DefaultEngine.Evaluate(item, Friday15);
        Assert.Equal((evaluated.Priority, evaluated.Score, evaluated.Team), (explanation.Result.Priority, explanation.Result.Score, explanation.Result.Team));
        var contributions = explanation.Reasons.Where(r => r.Code == "feedback.contribution").ToList();
        Assert.Equal(["acme", "globex"], contributions.Select(r => r.Data["customer"]));
        Assert.Equal(2, contributions[1].Data["mentions"]);
        Assert.Equal(new Reason("feedback.team", "Team 'support' owns category 'service-issue'.", new Dictionary<string, object?> { ["team"] = "support", ["category"] = "service-issue" }), explanation.Reasons.Single(r => r.Code == "feedback.team"));
    }

    [Fact]
    public void Explain_ARecord_ExplainsItsStoredPriority_AsEvaluateOfTheRecordDecides()
    {
        // The host lowered the priority to Medium: its resolution target is 7 calendar days, from Friday 15:00 to Friday 15:00.
        var record = DefaultEngine.Open(HighServiceIssue()) with { Priority = "Medium" };

        var explanation = DefaultEngine.Explain(record, Friday15);

        Assert.Equal(("F-1", "priority Medium (impact Extensive × urgency Critical), resolve by 2025-04-04T15:00:00Z"), (explanation.Subject, explanation.Decision));
        var evaluated = DefaultEngine.Evaluate(record, Friday15);
        Assert.Equal((evaluated.Priority, evaluated.Score, evaluated.Team, evaluated.Clocks[2].DueAt), (explanation.Result.Priority, explanation.Result.Score, explanation.Result.Team, explanation.Result.Clocks[2].DueAt));
        Assert.Equal(
            ["feedback.category-keywords", "feedback.impact", "feedback.urgency-keywords", "feedback.priority", "feedback.priority-set", "feedback.score", "feedback.team", "feedback.contribution",
             "feedback.sla.running", "feedback.sla.running", "feedback.sla.running", "feedback.sla.no-target"],
            explanation.Reasons.Select(r => r.Code));
        Assert.Equal(evaluated.Reasons, explanation.Reasons.Take(evaluated.Reasons.Count));
    }

    [Fact]
    public void Explain_ARecord_ChecksItLikeEvaluate()
    {
        var record = DefaultEngine.Open(HighServiceIssue()) with { Category = "bogus" };

        Assert.Throws<ArgumentNullException>("record", () => DefaultEngine.Explain((FeedbackRecord)null!, Friday15));
        Assert.Equal(
            Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate(record, Friday15)).Message,
            Assert.Throws<ArgumentException>(() => DefaultEngine.Explain(record, Friday15)).Message);
    }

    [Fact]
    public void Evaluate_BadItem_NamesEveryBadField()
    {
        var item = new FeedbackItem("", default, " ", Instant.FromUtc(2019, 1, 1, 0, 0), "text")
        {
            Category = "bogus",
            Urgency = "Soon",
            AffectedCustomers = 0,
            TotalCustomers = -1,
            CustomerValue = double.NaN,
            Supporters = [new FeedbackSupporter(default, -1)],
        };

        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate(item, Friday15));

        Assert.Equal("item", ex.ParamName);
        Assert.Equal(
            "item.Id: must not be empty. "
            + "item.Customer: is default(CustomerId); create one with CustomerId.From(value). "
            + "item.Channel: must not be empty. "
            + "item.Category: 'bogus' is not one of the Categories (product-request, service-issue, experience-improvement, complaint, praise). "
            + "item.Urgency: 'Soon' is not one of the UrgencyLevels (Low, Medium, High, Critical). "
            + "item.AffectedCustomers: must be >= 1 but was 0. "
            + "item.TotalCustomers: must be >= 0 but was -1. "
            + "item.CustomerValue: must be a finite number >= 0 but was NaN. "
            + "item.Supporters[0].Customer: is default(CustomerId); create one with CustomerId.From(value). "
            + "item.Supporters[0].Value: must be a finite number >= 0 but was -1. "
            + "item.Submitted: 2019-01-01T00:00:00Z is outside the calendar's years 2020-2040. (Parameter 'item')",
            ex.Message);
    }

    [Fact]
    public void Evaluate_AsOfBeforeSubmission_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate(Item("x"), Friday15 - Duration.FromHours(1)));
        Assert.Equal("item.Submitted: 2025-03-28T15:00:00Z is after the evaluation instant 2025-03-28T14:00:00Z. (Parameter 'item')", ex.Message);
    }

    [Fact]
    public void Evaluate_AffectedMoreThanTotal_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate(Item("x") with { AffectedCustomers = 50, TotalCustomers = 10 }, Friday15));
        Assert.Equal("item.AffectedCustomers: 50 is more than TotalCustomers (10). (Parameter 'item')", ex.Message);
    }

    [Fact]
    public void Batch_MatchesTheSingleItemPath()
    {
        FeedbackItem[] items =
        [
            HighServiceIssue(),
            Item("This is unacceptable", Utc(3, 29, 10), "F-2") with { Category = "complaint" },
            Item("Please add a dark mode, a suggestion", id: "F-3"),
        ];
        var results = new FeedbackTriage[3];

        DefaultEngine.Evaluate(items, Utc(3, 30, 0), results);

        for (var i = 0; i < items.Length; i++)
        {
            var single = DefaultEngine.Evaluate(items[i], Utc(3, 30, 0));
            Assert.Equal(
                new FeedbackTriage(single.Category, single.Team, single.Impact, single.Urgency, single.Priority, single.Score, single.Clocks[0].DueAt, single.Clocks[1].DueAt, single.Clocks[2].WarningAt, single.Clocks[2].DueAt),
                results[i]);
        }
    }

    [Fact]
    public void Batch_AllocatesNothingPerItem()
    {
        var items = Enumerable.Range(0, 200).Select(i => HighServiceIssue(Friday15 + Duration.FromMinutes(i * 37), $"F-{i}") with
        {
            Supporters = [new FeedbackSupporter(Globex, i)],
        }).ToArray();
        var results = new FeedbackTriage[items.Length];
        DefaultEngine.Evaluate(items, Utc(12, 1, 0), results);

        var allocated = Allocations.Fewest(() => DefaultEngine.Evaluate(items, Utc(12, 1, 0), results));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Batch_BadItem_IsNamedByIndex_AndEarlierResultsAreReset()
    {
        var results = new FeedbackTriage[2];
        FeedbackItem[] items = [HighServiceIssue(), Item("x", id: "F-2") with { Urgency = "Soon" }];

        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate(items, Friday15, results));

        Assert.Equal("items[1].Urgency: 'Soon' is not one of the UrgencyLevels (Low, Medium, High, Critical). (Parameter 'items')", ex.Message);
        Assert.Equal(default, results[0]);
    }

    [Fact]
    public void Batch_ShortResults_AreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate([HighServiceIssue()], Friday15, Span<FeedbackTriage>.Empty));
        Assert.Equal("The outputs span has 0 elements but there are 1 inputs; it must be at least as long. (Parameter 'outputs')", ex.Message);
    }
}
