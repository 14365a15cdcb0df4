using CustomerLifecycle.Calendars;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Health;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Testing.Checks;
using CustomerLifecycle.Tiering;
using FsCheck;
using NodaTime;

namespace CustomerLifecycle.Testing.Tests.Checks;

/// <summary>Each check holds for the default policies and reports a deliberately broken one.</summary>
public sealed class PolicyChecksTests
{
    [Fact]
    public void Health_DefaultPolicy_IsBoundedAndMonotone()
        => HealthPolicyChecks.ScoreIsBoundedAndMonotone(new HealthOptions()).QuickCheckThrowOnFailure();

    [Fact]
    public void Health_AStepGridWhosePointsFallAsTheValueRises_IsReportedAsNotMonotone()
    {
        // The default login-frequency factor with its points reversed, beside the default NPS factor.
        var policy = new HealthOptions();
        policy.Factors = [policy.Factors[0], policy.Factors.Single(f => f.Id == "nps")];
        policy.Factors[0].Normalizer = new HealthNormalizerOptions
        {
            Kind = HealthNormalizerKind.StepGrid,
            Steps = [new() { To = 1, Points = 100 }, new() { From = 1, To = 3, Points = 50 }, new() { From = 3, Points = 0 }],
        };

        var failure = Assert.ThrowsAny<Exception>(() => HealthPolicyChecks.ScoreIsBoundedAndMonotone(policy).QuickCheckThrowOnFailure());

        Assert.Contains("Falsifiable", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Moving login-frequency (HigherIsBetter) from ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiering_DefaultPolicy_IsOrderIndependent()
        => TieringPolicyChecks.TiersAreOrderIndependent(new TieringOptions()).QuickCheckThrowOnFailure();

    [Fact]
    public void Tiering_ARuleForALowerTierListedFirst_IsReported()
    {
        var policy = new TieringOptions();
        var potential = policy.Rules[^1];
        policy.Rules.RemoveAt(policy.Rules.Count - 1);
        policy.Rules.Insert(0, potential);

        var failure = Assert.ThrowsAny<Exception>(() => TieringPolicyChecks.TiersAreOrderIndependent(policy).QuickCheckThrowOnFailure());

        Assert.Contains("gets Potential from Rules[0] although Rules[", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the rule order decides the tier.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_DefaultPolicy_YieldsDeadlinesInWorkingHours()
        => CalendarChecks.DeadlinesFallInWorkingHours(new BusinessCalendarOptions()).QuickCheckThrowOnFailure();

    [Fact]
    public void Calendar_OfficeHoursAcrossDaylightSaving_YieldDeadlinesInWorkingHours()
        => CalendarChecks.DeadlinesFallInWorkingHours(new BusinessCalendarOptions { TimeZoneId = "America/New_York", FirstYear = 2025, LastYear = 2028 }, maxBusinessDays: 10)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Calendar_HoursStartingInTheRepeatedDaylightSavingHour_AreReported()
    {
        // Sundays 01:30-02:30 in New York, and every Sunday a holiday except the ones on which daylight saving ends: the only
        // working time is the span that, counted in real time, also covers 01:00-01:30 of the repeated hour. Starts fall in
        // 2025-2028 and 2029's fall-back Sunday leaves room for the deadlines of the last of them.
        var policy = new BusinessCalendarOptions
        {
            TimeZoneId = "America/New_York",
            FirstYear = 2025,
            LastYear = 2029,
            WorkingHours = [new WorkingHoursOptions { Day = DayOfWeek.Sunday, Start = "01:30", End = "02:30" }],
        };
        var fallBack = new[] { new LocalDate(2025, 11, 2), new LocalDate(2026, 11, 1), new LocalDate(2027, 11, 7), new LocalDate(2028, 11, 5), new LocalDate(2029, 11, 4) };
        for (var day = new LocalDate(2025, 1, 5); day.Year <= 2029; day = day.PlusWeeks(1))
        {
            if (!fallBack.Contains(day))
            {
                policy.Holidays.Add(day.ToString("yyyy-MM-dd", null));
            }
        }

        var failure = Assert.ThrowsAny<Exception>(() => CalendarChecks.DeadlinesFallInWorkingHours(policy, maxBusinessDays: 1, maxBusinessHours: 1).QuickCheckThrowOnFailure());

        // Almost every start shows the repeated hour; the rare start drawn after 2029's last working hour has no deadline at
        // all, which the check reports too (and which is just as much this policy's fault).
        Assert.Matches("Sunday in America/New_York, outside the stated working hours\\.|cannot be computed", failure.Message);
    }

    [Fact]
    public void Calendar_ThatEndsTooEarly_IsReported()
    {
        // Two covered years (about 520 business days) and targets of up to 600 business days: many deadlines run past the second.
        var policy = new BusinessCalendarOptions { FirstYear = 2025, LastYear = 2026 };

        var failure = Assert.ThrowsAny<Exception>(() => CalendarChecks.DeadlinesFallInWorkingHours(policy, maxBusinessDays: 600).QuickCheckThrowOnFailure());

        Assert.Contains("business days cannot be computed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_DefaultPolicy_BusinessTimeDeadlinesFallInWorkingHours()
        => FeedbackPolicyChecks.SlaDeadlinesFallInWorkingHours(new FeedbackOptions()).QuickCheckThrowOnFailure();

    [Fact]
    public void Feedback_DefaultPolicy_CalendarTimeTargetsAreReportedWhenIncluded()
    {
        var failure = Assert.ThrowsAny<Exception>(() => FeedbackPolicyChecks.SlaDeadlinesFallInWorkingHours(new FeedbackOptions(), includeCalendarTimeTargets: true).QuickCheckThrowOnFailure());

        Assert.Contains("outside the stated working hours.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_ABusinessTargetOfZero_IsReported()
    {
        // "At once" in business time is the submission itself, which may be at night.
        var policy = new FeedbackOptions();
        policy.SlaPolicies[0].Acknowledge = new SlaTargetOptions { Amount = 0, Unit = SlaUnit.BusinessMinutes };

        var failure = Assert.ThrowsAny<Exception>(() => FeedbackPolicyChecks.SlaDeadlinesFallInWorkingHours(policy).QuickCheckThrowOnFailure());

        Assert.Contains("(0 business minutes) is due at ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lifecycle_DefaultPolicy_ReplayIsOrderIndependent()
        => LifecyclePolicyChecks.ReplayIsOrderIndependent(new LifecycleOptions()).QuickCheckThrowOnFailure();

    [Fact]
    public void Lifecycle_AFoldThatAppliesEventsAsTheyArrive_IsReported()
    {
        var failure = Assert.ThrowsAny<Exception>(() => LifecyclePolicyChecks.ReplayIsOrderIndependent(new LifecycleOptions(), ApplyAsTheyArrive).QuickCheckThrowOnFailure());

        Assert.Contains("differs from applying them in time order.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_RejectInvalidPolicies()
    {
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => HealthPolicyChecks.ScoreIsBoundedAndMonotone(new HealthOptions { Bands = [] }));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => TieringPolicyChecks.TiersAreOrderIndependent(new TieringOptions { FallbackTier = "Nope" }));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => CalendarChecks.DeadlinesFallInWorkingHours(new BusinessCalendarOptions { TimeZoneId = "Mars/Olympus" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarChecks.DeadlinesFallInWorkingHours(new BusinessCalendarOptions(), maxBusinessDays: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarChecks.DeadlinesFallInWorkingHours(new BusinessCalendarOptions(), maxBusinessHours: 0));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => LifecyclePolicyChecks.ReplayIsOrderIndependent(new LifecycleOptions { DuplicateWindow = 0 }));
        Assert.Throws<ArgumentNullException>(() => LifecyclePolicyChecks.ReplayIsOrderIndependent(new LifecycleOptions(), null!));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => FeedbackPolicyChecks.SlaDeadlinesFallInWorkingHours(new FeedbackOptions { WarningFraction = 2 }));
    }

    /// <summary>What a host that loads, applies and saves each event as it arrives ends up with.</summary>
    private static LifecycleRecord? ApplyAsTheyArrive(LifecycleEngine engine, CustomerId customer, IReadOnlyList<LifecycleEvent> events)
    {
        LifecycleRecord? record = null;
        foreach (var @event in events)
        {
            record = engine.TryApply(record, @event).Record ?? record;
        }

        return record;
    }
}
