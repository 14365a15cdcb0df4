using System.Globalization;
using CustomerLifecycle.Calendars;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>The working hours as the policy states them, read independently of the calendar's own arithmetic.</summary>
internal sealed class StatedWorkingHours
{
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private readonly List<(LocalTime Start, LocalTime? End)>[] _byDay = [.. Enumerable.Range(0, 7).Select(_ => new List<(LocalTime, LocalTime?)>())];
    private readonly HashSet<LocalDate> _holidays;

    public StatedWorkingHours(BusinessCalendarOptions policy)
    {
        foreach (var span in policy.WorkingHours)
        {
            // "24:00" (the end of the day) has no LocalTime: null stands for it.
            _byDay[(int)span.Day].Add((Clock.Parse(span.Start).Value, span.End == "24:00" ? null : Clock.Parse(span.End).Value));
        }

        _holidays = [.. policy.Holidays.Select(h => LocalDatePattern.Iso.Parse(h).Value)];
    }

    /// <summary>Null when the instant's wall-clock time is inside a stated span; otherwise what is wrong with it.</summary>
    public string? Describe(BusinessCalendar calendar, Instant instant)
    {
        var local = instant.InZone(calendar.Zone).LocalDateTime;
        if (Within(local.Date, local.TimeOfDay, midnightEnds: false) || (local.TimeOfDay == LocalTime.Midnight && Within(local.Date.PlusDays(-1), LocalTime.Midnight, midnightEnds: true)))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{instant} is {local:yyyy-MM-dd HH:mm:ss} {local.DayOfWeek} in {calendar.Zone.Id}, outside the stated working hours.");
    }

    private bool Within(LocalDate date, LocalTime time, bool midnightEnds)
    {
        if (_holidays.Contains(date))
        {
            return false;
        }

        var day = date.DayOfWeek == IsoDayOfWeek.Sunday ? 0 : (int)date.DayOfWeek;
        foreach (var (start, end) in _byDay[day])
        {
            if (midnightEnds ? end is null : time >= start && (end is null || time <= end))
            {
                return true;
            }
        }

        return false;
    }
}
