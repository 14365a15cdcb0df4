using System.Globalization;
using CustomerLifecycle.Calendars;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>Ready property checks for a host's own business calendar (the SLA calendar of the feedback policy, for one).</summary>
/// <remarks>
/// Each check returns an FsCheck <see cref="Property"/>: return it from an FsCheck.Xunit <c>[Property]</c> test, or assert it
/// in one line with <c>.QuickCheckThrowOnFailure()</c>.
/// </remarks>
public static class CalendarChecks
{
    /// <summary>
    /// Checks that deadlines computed on the calendar fall in working hours as the policy states them: for any start in the
    /// covered years but the last, both up to <paramref name="maxBusinessHours"/> of business time and up to
    /// <paramref name="maxBusinessDays"/> whole business days later give a deadline that can be computed, holds exactly the business time asked for, and whose
    /// local wall-clock time lies within a declared span (its end included) of a working day that is not a holiday.
    /// </summary>
    /// <remarks>
    /// The calendar counts real elapsed time, so a span that starts or ends inside the hour repeated when daylight saving ends
    /// lasts an hour longer and can yield a deadline whose wall-clock time is outside the stated hours; a calendar whose covered
    /// years end too early cannot compute deadlines near its end. This check finds both.
    /// </remarks>
    /// <param name="policy">The calendar policy to check.</param>
    /// <param name="maxBusinessDays">The largest whole-business-day target to try, at least 1.</param>
    /// <param name="maxBusinessHours">The largest business-time target to try, in hours, at least 1.</param>
    /// <returns>The property; starts are drawn with <see cref="CalendarGenerators.InstantIn"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBusinessDays"/> or <paramref name="maxBusinessHours"/> is less than 1.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property DeadlinesFallInWorkingHours(BusinessCalendarOptions policy, int maxBusinessDays = 5, int maxBusinessHours = 16)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBusinessDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBusinessHours, 1);
        var calendar = new BusinessCalendar(policy);
        var stated = new StatedWorkingHours(policy);
        var cases = from start in CalendarGenerators.InstantIn(calendar)
                    from minutes in Gen.Choose(1, maxBusinessHours * 60)
                    from days in Gen.Choose(1, maxBusinessDays)
                    select (Start: start, Minutes: minutes, Days: days);
        return Prop.ForAll(cases.ToArbitrary(), c => Check(calendar, stated, c.Start, c.Minutes, c.Days));
    }

    private static Property Check(BusinessCalendar calendar, StatedWorkingHours stated, Instant start, int minutes, int days)
    {
        var amount = Duration.FromMinutes(minutes);
        Instant byTime;
        Instant byDays;
        try
        {
            byTime = calendar.AddBusinessTime(start, amount);
            byDays = calendar.AddBusinessDays(start, days);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return false.Label(Text($"From {start}, {minutes} business minutes or {days} business days cannot be computed: {e.Message}"));
        }

        var between = calendar.BusinessTimeBetween(start, byTime);
        if (between != amount)
        {
            return false.Label(Text($"From {start}, {minutes} business minutes end at {byTime}, but the business time between them is {between.TotalMinutes} minutes."));
        }

        var local = stated.Describe(calendar, byTime) ?? stated.Describe(calendar, byDays);
        return (local is null).Label(Text($"From {start}, {minutes} business minutes give {byTime} and {days} business days give {byDays}: {local}"));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
