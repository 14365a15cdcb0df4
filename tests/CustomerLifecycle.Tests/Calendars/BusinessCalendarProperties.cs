using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.Calendars;

public sealed class BusinessCalendarProperties
{
    [Property]
    public Property BusinessTimeDeadline_AlwaysFallsInsideWorkingHours()
        => Prop.ForAll(
            (from c in CalendarGenerators.OfficeCalendar from t in CalendarGenerators.Instant from d in CalendarGenerators.BusinessTime select (c, t, d)).ToArbitrary(),
            x =>
            {
                var deadline = x.c.AddBusinessTime(x.t, x.d);
                // Spans are half-open [start, end): a deadline at a span's end is inside, so the instant just before is working time.
                return deadline > x.t && x.c.IsWorkingTime(deadline - Duration.FromNanoseconds(1));
            });

    [Property]
    public Property BusinessDaysDeadline_AlwaysFallsInsideWorkingHours()
        => Prop.ForAll(
            (from c in CalendarGenerators.OfficeCalendar from t in CalendarGenerators.Instant from n in Gen.Choose(1, 20) select (c, t, n)).ToArbitrary(),
            x =>
            {
                var deadline = x.c.AddBusinessDays(x.t, x.n);
                return deadline > x.t && x.c.IsWorkingTime(deadline - Duration.FromNanoseconds(1));
            });

    [Property]
    public Property AlwaysOpenCalendar_BusinessTimeEqualsCalendarTime()
        => Prop.ForAll(
            (from c in CalendarGenerators.AlwaysOpenCalendar from t in CalendarGenerators.Instant from d in CalendarGenerators.BusinessTime select (c, t, d)).ToArbitrary(),
            x => x.c.AddBusinessTime(x.t, x.d) == x.t + x.d && x.c.BusinessTimeBetween(x.t, x.t + x.d) == x.d);

    [Property]
    public Property Deadlines_AreMonotoneInTheTarget()
        => Prop.ForAll(
            (from c in CalendarGenerators.OfficeCalendar from t in CalendarGenerators.Instant from a in CalendarGenerators.BusinessTime from b in CalendarGenerators.BusinessTime
             from m in Gen.Choose(0, 10) from n in Gen.Choose(0, 10) select (c, t, a, b, m, n)).ToArbitrary(),
            x =>
            {
                var (shortTime, longTime) = x.a <= x.b ? (x.a, x.b) : (x.b, x.a);
                var (fewDays, moreDays) = x.m <= x.n ? (x.m, x.n) : (x.n, x.m);
                return x.c.AddBusinessTime(x.t, shortTime) <= x.c.AddBusinessTime(x.t, longTime)
                    && x.c.AddBusinessDays(x.t, fewDays) <= x.c.AddBusinessDays(x.t, moreDays);
            });

    [Property]
    public Property BusinessTimeBetween_UndoesAddBusinessTime()
        => Prop.ForAll(
            (from c in CalendarGenerators.OfficeCalendar from t in CalendarGenerators.Instant from d in CalendarGenerators.BusinessTime select (c, t, d)).ToArbitrary(),
            x => x.c.BusinessTimeBetween(x.t, x.c.AddBusinessTime(x.t, x.d)) == x.d);

    [Property]
    public Property LaterStart_NeverGivesAnEarlierDeadline()
        => Prop.ForAll(
            (from c in CalendarGenerators.OfficeCalendar from t in CalendarGenerators.Instant from s in Gen.Choose(0, 5000) from d in CalendarGenerators.BusinessTime select (c, t, s, d)).ToArbitrary(),
            x => x.c.AddBusinessTime(x.t, x.d) <= x.c.AddBusinessTime(x.t + Duration.FromMinutes(x.s), x.d));

    [Property]
    public Property AddBusinessTime_AgreesWithMinuteByMinuteStepping()
        => Prop.ForAll(
            (from zone in CalendarGenerators.Zone from t in CalendarGenerators.Instant from m in Gen.Choose(1, 3000) select (zone, t, m)).ToArbitrary(),
            x =>
            {
                var calendar = CalendarGenerators.OfficeCalendarIn(x.zone);
                var start = Instant.FromUnixTimeSeconds(x.t.ToUnixTimeSeconds() / 60 * 60);
                return calendar.AddBusinessTime(start, Duration.FromMinutes(x.m)) == MinuteStepping(DateTimeZoneProviders.Tzdb[x.zone], start, x.m);
            });

    /// <summary>An independent reference: walk UTC minutes, asking the zone for each minute's local time.</summary>
    private static Instant MinuteStepping(DateTimeZone zone, Instant start, int minutes)
    {
        var t = start;
        while (true)
        {
            var local = t.InZone(zone).LocalDateTime;
            var minuteOfDay = (local.Hour * 60) + local.Minute;
            var working = local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                && local.Date != new LocalDate(2025, 12, 25) && local.Date != new LocalDate(2026, 1, 1)
                && ((minuteOfDay >= 540 && minuteOfDay < 750) || (minuteOfDay >= 810 && minuteOfDay < 1020));
            t += Duration.FromMinutes(1);
            if (working && --minutes == 0)
            {
                return t;
            }
        }
    }
}
