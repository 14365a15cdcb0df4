using CustomerLifecycle.Feedback;
using NodaTime;
using static CustomerLifecycle.Tests.Feedback.FeedbackTestData;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackWorkflowTests
{
    private static FeedbackRecord Apply(FeedbackRecord record, FeedbackEventKind kind, Instant at, string? value = null)
        => DefaultEngine.Workflow.Apply(record, new FeedbackEvent(kind, at, value));

    private static FeedbackRecord Triaged(FeedbackItem? item = null) => DefaultEngine.Triage(DefaultEngine.Open(item ?? HighServiceIssue()), Friday15);

    [Fact]
    public void ClosedLoop_RunsFromCollectedToClosed()
    {
        var record = DefaultEngine.Open(HighServiceIssue());
        Assert.Equal(FeedbackState.Collected, record.State);

        record = Triaged();
        Assert.Equal((FeedbackState.Assigned, "service-issue", "High", "support"), (record.State, record.Category, record.Priority, record.Team));

        record = Apply(record, FeedbackEventKind.Acknowledge, Utc(3, 28, 15, 5));
        record = Apply(record, FeedbackEventKind.Start, Utc(3, 28, 15, 10));
        record = Apply(record, FeedbackEventKind.Respond, Utc(3, 28, 15, 30));
        record = Apply(record, FeedbackEventKind.Resolve, Utc(3, 31, 12));
        record = Apply(record, FeedbackEventKind.NotifyCustomer, Utc(3, 31, 13));
        record = Apply(record, FeedbackEventKind.Confirm, Utc(4, 1, 9));

        Assert.Equal(FeedbackState.Closed, record.State);
        Assert.Equal(9, record.History.Count);
        var clocks = DefaultEngine.Evaluate(record, Utc(4, 2, 0)).Clocks;
        Assert.Equal([SlaClockState.Met, SlaClockState.Met, SlaClockState.Met, SlaClockState.NoTarget], clocks.Select(c => c.State));
        Assert.Equal(Utc(3, 31, 12), clocks[2].StoppedAt);
    }

    [Fact]
    public void InvalidMove_NamesStateEventAndWhatIsAllowed()
    {
        var transition = DefaultEngine.TryApply(DefaultEngine.Open(HighServiceIssue()), new FeedbackEvent(FeedbackEventKind.Resolve, Friday15));

        Assert.False(transition.Succeeded);
        Assert.Equal("feedback.workflow.invalid-transition", transition.Reason.Code);
        Assert.Equal("Cannot apply Resolve to feedback 'F-1' in state Collected; allowed there: Classify, Acknowledge, Respond, Pause, Resume.", transition.Reason.Message);
        Assert.Equal(FeedbackState.Collected, transition.Record.State);
        Assert.Empty(transition.Record.History);
    }

    [Fact]
    public void Apply_InvalidMove_Throws()
    {
        var closed = Apply(Apply(Apply(Triaged(), FeedbackEventKind.Resolve, Friday15), FeedbackEventKind.NotifyCustomer, Friday15), FeedbackEventKind.Confirm, Friday15);
        var ex = Assert.Throws<InvalidOperationException>(() => Apply(closed, FeedbackEventKind.Reopen, Friday15));
        Assert.Equal("Cannot apply Reopen to feedback 'F-1' in state Closed; allowed there: nothing (the loop is closed).", ex.Message);
    }

    [Fact]
    public void EventBackInTime_IsRefused()
    {
        var transition = DefaultEngine.TryApply(Triaged(), new FeedbackEvent(FeedbackEventKind.Start, Friday15 - Duration.FromMinutes(1)));

        Assert.Equal("feedback.workflow.out-of-order", transition.Reason.Code);
        Assert.Equal("Cannot apply Start at 2025-03-28T14:59:00Z to feedback 'F-1': it is before its latest event at 2025-03-28T15:00:00Z; events must not go back in time.", transition.Reason.Message);
    }

    [Fact]
    public void BadValues_AreRefused()
    {
        var collected = DefaultEngine.Open(HighServiceIssue());
        var classify = DefaultEngine.TryApply(collected, new FeedbackEvent(FeedbackEventKind.Classify, Friday15, "bogus"));
        var classified = Apply(collected, FeedbackEventKind.Classify, Friday15, "complaint");
        var prioritise = DefaultEngine.TryApply(classified, new FeedbackEvent(FeedbackEventKind.Prioritise, Friday15, "Urgent"));
        var assign = DefaultEngine.TryApply(Apply(classified, FeedbackEventKind.Prioritise, Friday15, "High"), new FeedbackEvent(FeedbackEventKind.Assign, Friday15, " "));

        Assert.Equal("Cannot Classify feedback 'F-1' as 'bogus': it is not one of the Categories (product-request, service-issue, experience-improvement, complaint, praise).", classify.Reason.Message);
        Assert.Equal("Cannot Prioritise feedback 'F-1' as 'Urgent': it is not one of the Priorities (High, Medium, Low).", prioritise.Reason.Message);
        Assert.Equal("Cannot Assign feedback 'F-1': the event names no team; put the team in its Value.", assign.Reason.Message);
        Assert.All([classify, prioritise, assign], t => Assert.Equal("feedback.workflow.invalid-value", t.Reason.Code));
    }

    [Fact]
    public void PauseAndResume_AreCheckedAndDriveTheClocks()
    {
        var record = Apply(Triaged(), FeedbackEventKind.Pause, Utc(3, 28, 16), "waiting on the customer");

        Assert.Equal("Cannot Pause feedback 'F-1': its clocks are already paused; apply Resume first.", DefaultEngine.TryApply(record, new FeedbackEvent(FeedbackEventKind.Pause, Utc(3, 28, 16))).Reason.Message);
        Assert.Equal("Cannot Resolve feedback 'F-1' while its clocks are paused; apply Resume first.", DefaultEngine.TryApply(record, new FeedbackEvent(FeedbackEventKind.Resolve, Utc(3, 28, 16))).Reason.Message);
        Assert.Equal(SlaClockState.Paused, DefaultEngine.Evaluate(record, Utc(3, 31, 9)).Clocks[2].State);

        record = Apply(record, FeedbackEventKind.Resume, Utc(3, 31, 10));
        Assert.Equal("Cannot Resume feedback 'F-1': its clocks are not paused.", DefaultEngine.TryApply(record, new FeedbackEvent(FeedbackEventKind.Resume, Utc(3, 31, 10))).Reason.Message);

        // Paused Friday 16:00 to Monday 10:00: two working hours (Friday 16–17, Monday 9–10) move Tuesday 15:00 to 17:00.
        Assert.Equal(Utc(4, 1, 17), DefaultEngine.Evaluate(record, Utc(3, 31, 10)).Clocks[2].DueAt);
    }

    [Fact]
    public void Reopen_DoesNotCountTheTimeBetweenResolutionAndReopening()
    {
        var record = Apply(Triaged(), FeedbackEventKind.Resolve, Utc(3, 31, 9));
        record = Apply(record, FeedbackEventKind.NotifyCustomer, Utc(3, 31, 10));
        record = Apply(record, FeedbackEventKind.Reopen, Utc(3, 31, 12));

        Assert.Equal(FeedbackState.Reopened, record.State);
        var clocks = DefaultEngine.Evaluate(record, Utc(3, 31, 13)).Clocks;
        // Resolved Monday 09:00 → reopened 12:00: three working hours added to Tuesday 15:00.
        Assert.Equal(Utc(4, 2, 10), clocks[2].DueAt);
        Assert.Equal(SlaClockState.Running, clocks[2].State);
        Assert.Null(clocks[2].StoppedAt);
        Assert.Equal(SlaClockState.NoTarget, clocks[3].State);

        record = Apply(Apply(record, FeedbackEventKind.Start, Utc(3, 31, 13)), FeedbackEventKind.Resolve, Utc(4, 1, 9));
        Assert.Equal(SlaClockState.Met, DefaultEngine.Evaluate(record, Utc(4, 1, 9)).Clocks[2].State);
    }

    [Fact]
    public void ComplaintFollowUp_StartsAtResolutionAndStopsWhenTheCustomerIsTold()
    {
        var item = Item("I want a refund") with { Category = "complaint" };
        var record = Apply(Triaged(item), FeedbackEventKind.Resolve, Utc(3, 28, 18));

        var running = DefaultEngine.Evaluate(record, Utc(3, 29, 12)).Clocks[3];
        Assert.Equal((SlaClockState.Warning, (Instant?)Utc(3, 29, 18)), (running.State, running.DueAt));

        var late = DefaultEngine.Evaluate(Apply(record, FeedbackEventKind.NotifyCustomer, Utc(3, 29, 19)), Utc(3, 30, 0)).Clocks[3];
        Assert.Equal(SlaClockState.Breached, late.State);
    }

    [Fact]
    public void Mermaid_IsDrawnFromTheTransitionTable()
    {
        var mermaid = FeedbackWorkflow.ToMermaid();

        Assert.StartsWith("stateDiagram-v2\n    [*] --> Collected\n    Collected --> Classified : Classify\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    CustomerNotified --> Reopened : Reopen\n", mermaid, StringComparison.Ordinal);
        Assert.EndsWith("    Closed --> [*]\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_ShowTheDiagramTheWorkflowRunsOn()
    {
        var page = File.ReadAllText(Path.Combine(Docs.DocSnippets.RepositoryRoot, "docs", "feedback.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("```mermaid\n" + FeedbackWorkflow.ToMermaid() + "```\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_OnANonCollectedRecord_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DefaultEngine.Triage(Triaged(), Friday15));
        Assert.Equal("Cannot apply Classify to feedback 'F-1' in state Assigned; allowed there: Assign, Start, Acknowledge, Respond, Pause, Resume, Resolve.", ex.Message);
    }
}
