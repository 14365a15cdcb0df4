using CustomerLifecycle.Calendars;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>Shared FsCheck generators for business calendars.</summary>
internal static class CalendarGenerators
{
    public static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "Etc/UTC", "America/Sao_Paulo"];

    private static readonly Dictionary<string, BusinessCalendar> OfficeCalendars = Zones.ToDictionary(z => z, z => new BusinessCalendar(Office(z)));
    private static readonly Dictionary<string, BusinessCalendar> AlwaysOpenCalendars = Zones.ToDictionary(z => z, z => new BusinessCalendar(AlwaysOpen(z)));

    /// <summary>Mon–Fri 09:00–12:30 and 13:30–17:00 with two holidays, 2025–2027: small enough to build fast.</summary>
    public static BusinessCalendarOptions Office(string zone)
    {
        var options = new BusinessCalendarOptions { TimeZoneId = zone, FirstYear = 2025, LastYear = 2027, WorkingHours = [], Holidays = ["2025-12-25", "2026-01-01"] };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            options.WorkingHours.Add(new WorkingHoursOptions { Day = day, Start = "09:00", End = "12:30" });
            options.WorkingHours.Add(new WorkingHoursOptions { Day = day, Start = "13:30", End = "17:00" });
        }

        return options;
    }

    /// <summary>Every day, all day.</summary>
    public static BusinessCalendarOptions AlwaysOpen(string zone) => new()
    {
        TimeZoneId = zone,
        FirstYear = 2025,
        LastYear = 2027,
        WorkingHours = Enum.GetValues<DayOfWeek>().Select(d => new WorkingHoursOptions { Day = d, Start = "00:00", End = "24:00" }).ToList(),
    };

    public static BusinessCalendar OfficeCalendarIn(string zone) => OfficeCalendars[zone];

    public static Gen<BusinessCalendar> OfficeCalendar => Gen.Elements(Zones).Select(z => OfficeCalendars[z]);

    public static Gen<BusinessCalendar> AlwaysOpenCalendar => Gen.Elements(Zones).Select(z => AlwaysOpenCalendars[z]);

    /// <summary>An instant in 2025 or the first half of 2026, to the second, so results stay inside 2025–2027.</summary>
    public static Gen<Instant> Instant =>
        Gen.Choose(0, 545 * 24 * 60).Zip(Gen.Choose(0, 59))
            .Select(t => NodaTime.Instant.FromUtc(2025, 1, 2, 0, 0).Plus(Duration.FromMinutes(t.Item1) + Duration.FromSeconds(t.Item2)));

    /// <summary>Business time from one minute to about three working weeks.</summary>
    public static Gen<Duration> Target => Gen.Choose(1, 15 * 8 * 60).Select(m => Duration.FromMinutes(m));
}
