using System.Globalization;
using CustomerLifecycle.Calendars;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for business calendars: policies over 2025–2027 in zones with and without daylight saving, and instants inside a calendar.</summary>
public static class CalendarGenerators
{
    private static readonly string[] Zones = ["Etc/UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "Asia/Kolkata"];

    /// <summary>Gets a generator of valid calendar policies covering 2025–2027: 0–2 spans a day on a quarter-hour grid, up to 20 holidays.</summary>
    public static Gen<BusinessCalendarOptions> Policy { get; } =
        (from zone in Gen.Elements(Zones)
         from days in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 96), 4), 7)
         from spans in Gen.ArrayOf(Gen.Choose(0, 2), 7)
         from holidays in Gen.ListOf(Gen.Choose(0, (3 * 365) - 1))
         select Build(zone, days, spans, holidays.Take(20)))
        .Where(IsValid);

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
