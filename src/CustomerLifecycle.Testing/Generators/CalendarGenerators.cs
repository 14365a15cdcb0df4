using System.Globalization;
using CustomerLifecycle.Calendars;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for business calendars: policies over 2025–2027 in zones with and without daylight saving, and instants inside a calendar.</summary>
public static class CalendarGenerators
{
    private static readonly string[] ZoneIds = ["Etc/UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "Asia/Kolkata"];

    // Built on first use, once per zone: a property test then draws calendars without building one per case.
    private static readonly Lazy<Dictionary<string, BusinessCalendar>> OfficeCalendars = new(() => ZoneIds.ToDictionary(z => z, z => new BusinessCalendar(Office(z))));
    private static readonly Lazy<Dictionary<string, BusinessCalendar>> AlwaysOpenCalendars = new(() => ZoneIds.ToDictionary(z => z, z => new BusinessCalendar(AlwaysOpen(z))));

    /// <summary>Gets a generator of the time zones every generator here draws from: with and without daylight saving, north and
    /// south, whole and half-hour offsets.</summary>
    public static Gen<string> Zone { get; } = Gen.Elements(ZoneIds);

    /// <summary>Gets a generator of valid calendar policies covering 2025–2027: 0–2 spans a day on a quarter-hour grid, up to 20 holidays.</summary>
    public static Gen<BusinessCalendarOptions> Policy { get; } =
        (from zone in Zone
         from days in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 96), 4), 7)
         from spans in Gen.ArrayOf(Gen.Choose(0, 2), 7)
         from holidays in Gen.ListOf(Gen.Choose(0, (3 * 365) - 1))
         select Build(zone, days, spans, holidays.Take(20)))
        .Where(IsValid);

    /// <summary>Gets a generator of office calendars (see <see cref="Office"/>) in every zone of <see cref="Zone"/>, each built once.</summary>
    public static Gen<BusinessCalendar> OfficeCalendar { get; } = Zone.Select(OfficeCalendarIn);

    /// <summary>Gets a generator of calendars open all day every day (see <see cref="AlwaysOpen"/>) in every zone of <see cref="Zone"/>, each built once.</summary>
    public static Gen<BusinessCalendar> AlwaysOpenCalendar { get; } = Zone.Select(z => AlwaysOpenCalendars.Value[z]);

    /// <summary>Gets a generator of instants in 2025 and the first half of 2026, to the second: business-time results from them
    /// (up to a few working weeks) stay inside the 2025–2027 calendars of <see cref="Office"/> and <see cref="AlwaysOpen"/>.</summary>
    public static Gen<Instant> Instant { get; } =
        Gen.Choose(0, 545 * 24 * 60).Zip(Gen.Choose(0, 59))
            .Select(t => NodaTime.Instant.FromUtc(2025, 1, 2, 0, 0) + Duration.FromMinutes(t.Item1) + Duration.FromSeconds(t.Item2));

    /// <summary>Gets a generator of business-time amounts from one minute to three working weeks (15 days of 8 hours).</summary>
    public static Gen<Duration> BusinessTime { get; } = Gen.Choose(1, 15 * 8 * 60).Select(m => Duration.FromMinutes(m));

    /// <summary>An office calendar policy for 2025–2027: Monday to Friday 09:00–12:30 and 13:30–17:00, with holidays on 2025-12-25 and 2026-01-01.</summary>
    /// <param name="zone">The IANA time zone id.</param>
    /// <returns>A new policy.</returns>
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

    /// <summary>A calendar policy for 2025–2027 open all day every day, without holidays.</summary>
    /// <param name="zone">The IANA time zone id.</param>
    /// <returns>A new policy.</returns>
    public static BusinessCalendarOptions AlwaysOpen(string zone) => new()
    {
        TimeZoneId = zone,
        FirstYear = 2025,
        LastYear = 2027,
        WorkingHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHoursOptions { Day = d, Start = "00:00", End = "24:00" })],
    };

    /// <summary>The office calendar (see <see cref="Office"/>) of a zone <see cref="Zone"/> draws, built once and shared.</summary>
    /// <param name="zone">A zone <see cref="Zone"/> draws.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="KeyNotFoundException"><paramref name="zone"/> is not a zone <see cref="Zone"/> draws.</exception>
    public static BusinessCalendar OfficeCalendarIn(string zone) => OfficeCalendars.Value[zone];

    /// <summary>A generator of instants from the start of <paramref name="calendar"/>'s first year to the start of its last year, to the second.</summary>
    /// <remarks>The last covered year is left out so that deadlines computed from these instants have room to fall inside the calendar.</remarks>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static Gen<Instant> InstantIn(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var from = calendar.RangeStart;
        var until = calendar.Zone.AtStartOfDay(new LocalDate(Math.Max(calendar.FirstYear + 1, calendar.LastYear), 1, 1)).ToInstant();
        var minutes = (int)Math.Max(1, (until - from).TotalMinutes);
        return Gen.Choose(0, minutes - 1).Zip(Gen.Choose(0, 59)).Select(t => from + Duration.FromMinutes(t.Item1) + Duration.FromSeconds(t.Item2));
    }

    private static BusinessCalendarOptions Build(string zone, int[][] days, int[] spans, IEnumerable<int> holidays)
    {
        var options = new BusinessCalendarOptions { TimeZoneId = zone, FirstYear = 2025, LastYear = 2027, WorkingHours = [] };
        for (var d = 0; d < 7; d++)
        {
            var marks = days[d].Order().ToArray();
            for (var s = 0; s < spans[d]; s++)
            {
                var (start, end) = (marks[2 * s], marks[(2 * s) + 1]);
                if (end > start)
                {
                    options.WorkingHours.Add(new WorkingHoursOptions { Day = (DayOfWeek)d, Start = Clock(start), End = Clock(end) });
                }
            }
        }

        options.Holidays = [.. holidays.Distinct().Select(h => new LocalDate(2025, 1, 1).PlusDays(h).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        return options;
    }

    private static string Clock(int quarter) => quarter == 96 ? "24:00" : string.Create(CultureInfo.InvariantCulture, $"{quarter / 4:D2}:{quarter % 4 * 15:D2}");

    private static bool IsValid(BusinessCalendarOptions options) => new BusinessCalendarOptionsValidator().Validate(null, options).Succeeded;
}
