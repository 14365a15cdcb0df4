using CustomerLifecycle.Feedback;
using NodaTime;
using static CustomerLifecycle.Tests.Feedback.FeedbackTestData;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class SlaCalculatorTests
{
    private static readonly SlaCalculator Sla = new(new FeedbackOptions());

    private static readonly Instant Monday10 = Utc(3, 31, 10);

    private static readonly SlaPause OverNight = new(Utc(3, 31, 16), Utc(4, 1, 11));

    [Fact]
    public void BusinessTimePause_SpanningANight_MovesTheDeadlineByTheWorkingTimeItCovered()
    {
        var without = Sla.Measure(SlaTargetKind.Resolution, "service-issue", "High", Monday10, null, [], Monday10);
        var with = Sla.Measure(SlaTargetKind.Resolution, "service-issue", "High", Monday10, null, [OverNight], Utc(4, 2, 12));

        Assert.Equal(Utc(4, 2, 10), without.DueAt);
        // Monday 16:00–17:00 and Tuesday 09:00–11:00: three working hours.
        Assert.Equal(Utc(4, 2, 13), with.DueAt);
        Assert.Equal(Duration.FromHours(3), with.PausedFor);
        Assert.Equal(SlaClockState.Warning, with.State);
    }

    [Fact]
    public void CalendarTimePause_SpanningANight_MovesTheDeadlineByItsFullLength()
    {
        var clock = Sla.Measure(SlaTargetKind.Resolution, "complaint", "Medium", Monday10, null, [OverNight], Utc(4, 1, 12));

        Assert.Equal(Utc(4, 2, 5), clock.DueAt);
        Assert.Equal(Duration.FromHours(19), clock.PausedFor);
        Assert.Equal(SlaClockState.Running, clock.State);
    }

    [Fact]
    public void PauseAfterTheDeadline_ChangesNothing()
    {
        var clock = Sla.Measure(SlaTargetKind.Acknowledge, "service-issue", "High", Monday10, null, [OverNight], Utc(4, 1, 12));

        Assert.Equal(Utc(3, 31, 10, 15), clock.DueAt);
        Assert.Equal(SlaClockState.Breached, clock.State);
        Assert.Equal("The Acknowledge clock (15 minutes) breached its deadline at 2025-03-31T10:15:00Z.", clock.Reason.Message);
    }

    [Fact]
    public void OpenPauseBeforeTheDeadline_LeavesTheDeadlineOpen()
    {
        var clock = Sla.Measure(SlaTargetKind.Resolution, "service-issue", "High", Monday10, null, [new SlaPause(Utc(3, 31, 16), null)], Utc(4, 10, 12));

        Assert.Equal(SlaClockState.Paused, clock.State);
        Assert.Null(clock.DueAt);
        Assert.Equal("The Resolution clock (2 business days) is paused since 2025-03-31T16:00:00Z; the deadline moves by as long as the pause lasts.", clock.Reason.Message);
    }

    [Fact]
    public void StoppedClock_IsMetOnTheDeadlineAndBreachedAfterIt()
    {
        var onTime = Sla.Measure(SlaTargetKind.FirstResponse, "service-issue", "High", Monday10, Utc(3, 31, 11), [], Utc(4, 10, 0));
        var late = Sla.Measure(SlaTargetKind.FirstResponse, "service-issue", "High", Monday10, Utc(3, 31, 11, 1), [], Utc(4, 10, 0));

        Assert.Equal(SlaClockState.Met, onTime.State);
        Assert.Equal("The FirstResponse clock (1 business hours) stopped at 2025-03-31T11:00:00Z on or before its deadline 2025-03-31T11:00:00Z.", onTime.Reason.Message);
        Assert.Equal(SlaClockState.Breached, late.State);
        Assert.Equal(Utc(3, 31, 11), late.DueAt);
    }

    [Fact]
    public void TargetOf_DescribesTheMostSpecificTarget()
    {
        Assert.Equal("24 hours", Sla.TargetOf(SlaTargetKind.Resolution, "complaint", "High"));
        Assert.Equal("15 minutes", Sla.TargetOf(SlaTargetKind.Acknowledge, "service-issue", "High"));
        Assert.Equal("1 business days", Sla.TargetOf(SlaTargetKind.Acknowledge, "praise", "Low"));
        Assert.Equal("7 days", Sla.TargetOf(SlaTargetKind.Resolution, "praise", "Medium"));
        Assert.Equal("none", Sla.TargetOf(SlaTargetKind.FollowUp, "praise", "High"));
    }

    [Fact]
    public void Measure_BadArguments_AreNamed()
    {
        var stop = Assert.Throws<ArgumentException>(() => Sla.Measure(SlaTargetKind.Resolution, "complaint", "High", Monday10, Monday10 - Duration.FromHours(1), [], Monday10));
        var backwards = Assert.Throws<ArgumentException>(() => Sla.Measure(SlaTargetKind.Resolution, "complaint", "High", Monday10, null, [new SlaPause(Utc(4, 1, 0), Utc(3, 31, 0))], Monday10));
        var overlap = Assert.Throws<ArgumentException>(() => Sla.Measure(SlaTargetKind.Resolution, "complaint", "High", Monday10, null, [new SlaPause(Utc(4, 1, 0), Utc(4, 1, 5)), new SlaPause(Utc(4, 1, 4), null)], Monday10));
        var priority = Assert.Throws<ArgumentException>(() => Sla.Measure(SlaTargetKind.Resolution, "complaint", "Urgent", Monday10, null, [], Monday10));

        Assert.Equal("The stop 2025-03-31T09:00:00Z is before the start 2025-03-31T10:00:00Z. (Parameter 'stop')", stop.Message);
        Assert.Equal("A pause ends (2025-03-31T00:00:00Z) before it begins (2025-04-01T00:00:00Z). (Parameter 'pauses')", backwards.Message);
        Assert.Equal("The pause from 2025-04-01T04:00:00Z overlaps the pause from 2025-04-01T00:00:00Z. (Parameter 'pauses')", overlap.Message);
        Assert.Equal("Priority 'Urgent' is not one of the Priorities (High, Medium, Low). (Parameter 'priority')", priority.Message);
    }
}
