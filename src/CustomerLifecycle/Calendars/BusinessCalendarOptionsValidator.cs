using System.Globalization;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Calendars;

/// <summary>Validates <see cref="BusinessCalendarOptions"/>, reporting every failure as <c>Property: message</c>.</summary>
public sealed class BusinessCalendarOptionsValidator : IValidateOptions<BusinessCalendarOptions>, IPolicyValidator<BusinessCalendarOptions>
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Validates a calendar policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, BusinessCalendarOptions options) => PolicyValidation.Validate<BusinessCalendarOptions, BusinessCalendarOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<BusinessCalendarOptions>.Collect(BusinessCalendarOptions options, List<string> failures) => Collect(options, string.Empty, failures);

    /// <summary>Adds every problem of <paramref name="options"/> to <paramref name="failures"/>, each property prefixed (<c>"Calendar."</c> when it is nested in a feedback policy).</summary>
    internal static void Collect(BusinessCalendarOptions options, string prefix, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.TimeZoneId))
        {
            failures.Add($"{prefix}TimeZoneId: must name an IANA time zone but was empty.");
        }
        else if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId) is null)
        {
            failures.Add($"{prefix}TimeZoneId: '{options.TimeZoneId}' is not a known IANA time zone id.");
        }

        var yearsValid = true;
        if (options.FirstYear is < BusinessCalendarDefaults.MinYear or > BusinessCalendarDefaults.MaxYear)
        {
            failures.Add($"{prefix}FirstYear: must be in range [{BusinessCalendarDefaults.MinYear}-{BusinessCalendarDefaults.MaxYear}] but was {options.FirstYear}.");
            yearsValid = false;
        }

        if (options.LastYear is < BusinessCalendarDefaults.MinYear or > BusinessCalendarDefaults.MaxYear)
        {
            failures.Add($"{prefix}LastYear: must be in range [{BusinessCalendarDefaults.MinYear}-{BusinessCalendarDefaults.MaxYear}] but was {options.LastYear}.");
            yearsValid = false;
        }
        else if (yearsValid && options.LastYear < options.FirstYear)
        {
            failures.Add($"{prefix}LastYear: must be >= FirstYear ({options.FirstYear}) but was {options.LastYear}.");
            yearsValid = false;
        }

        var hours = CollectWorkingHours(options.WorkingHours, prefix, failures);
        var holidays = CollectHolidays(options, prefix, yearsValid, failures);
        if (hours is not null && holidays is not null && yearsValid && NoWorkingTime(options, hours, holidays, prefix) is { } failure)
        {
            failures.Add(failure);
        }
    }

    /// <summary>The weekly hours of a policy that passed validation, as minute spans per day.</summary>
    internal static List<(DayOfWeek Day, int Start, int End)> WorkingSpans(BusinessCalendarOptions validated) => CollectWorkingHours(validated.WorkingHours, string.Empty, [])!;

    /// <summary>Parses the weekly hours into minute spans per day, or returns null when any entry is invalid.</summary>
    internal static List<(DayOfWeek Day, int Start, int End)>? CollectWorkingHours(List<WorkingHoursOptions>? entries, string prefix, List<string> failures)
    {
        if (entries is null)
        {
            failures.Add($"{prefix}WorkingHours: must not be null.");
            return null;
        }

        var before = failures.Count;
        var spans = new List<(DayOfWeek Day, int Start, int End, int Index)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var field = $"{prefix}WorkingHours[{i}]";
            if (entry is null)
            {
                failures.Add($"{field}: must not be null.");
                continue;
            }

            if (!Enum.IsDefined(entry.Day))
            {
                failures.Add($"{field}.Day: {(int)entry.Day} is not a day of the week.");
                continue;
            }

            var start = ParseTime(entry.Start, allowEndOfDay: false);
            var end = ParseTime(entry.End, allowEndOfDay: true);
            if (start is null)
            {
                failures.Add($"{field}.Start: '{entry.Start}' is not a time of day in HH:mm format.");
            }

            if (end is null)
            {
                failures.Add($"{field}.End: '{entry.End}' is not a time of day in HH:mm format (24:00 is allowed).");
            }

            if (start is null || end is null)
            {
                continue;
            }

            if (start >= end)
            {
                failures.Add($"{field}: Start {entry.Start} must be before End {entry.End}.");
                continue;
            }

            spans.Add((entry.Day, start.Value, end.Value, i));
        }

        foreach (var day in spans.GroupBy(s => s.Day))
        {
            var ordered = day.OrderBy(s => s.Start).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                if (ordered[k].Start < ordered[k - 1].End)
                {
                    var (first, second) = ordered[k].Index > ordered[k - 1].Index ? (ordered[k - 1], ordered[k]) : (ordered[k], ordered[k - 1]);
                    failures.Add($"{prefix}WorkingHours[{second.Index}]: {day.Key} {FormatTime(second.Start)}-{FormatTime(second.End)} overlaps WorkingHours[{first.Index}] ({FormatTime(first.Start)}-{FormatTime(first.End)}).");
                }
            }
        }

        if (failures.Count != before)
        {
            return null;
        }

        if (spans.Count == 0)
        {
            failures.Add($"{prefix}WorkingHours: the calendar has no working time; add at least one span.");
            return null;
        }

        return spans.Select(s => (s.Day, s.Start, s.End)).ToList();
    }

    private static HashSet<LocalDate>? CollectHolidays(BusinessCalendarOptions options, string prefix, bool yearsValid, List<string> failures)
    {
        if (options.Holidays is null)
        {
            failures.Add($"{prefix}Holidays: must not be null.");
            return null;
        }

        var before = failures.Count;
        var dates = new HashSet<LocalDate>();
        for (var i = 0; i < options.Holidays.Count; i++)
        {
            var text = options.Holidays[i];
            var parsed = text is null ? null : DatePattern.Parse(text);
            if (parsed is null || !parsed.Success)
            {
                failures.Add($"{prefix}Holidays[{i}]: '{text}' is not a date in yyyy-MM-dd format.");
                continue;
            }

            var date = parsed.Value;
            if (yearsValid && (date.Year < options.FirstYear || date.Year > options.LastYear))
            {
                failures.Add($"{prefix}Holidays[{i}]: {text} is outside the calendar's years {options.FirstYear}-{options.LastYear}.");
                continue;
            }

            dates.Add(date);
        }

        return failures.Count == before ? dates : null;
    }

    /// <summary>Why the calendar has no working time (every working day a holiday, or every span of the others in a
    /// daylight-saving gap), or null when it has some. Spans resolve against the zone exactly as the calendar resolves them.</summary>
    private static string? NoWorkingTime(BusinessCalendarOptions options, List<(DayOfWeek Day, int Start, int End)> hours, HashSet<LocalDate> holidays, string prefix)
    {
        // The first working span usually answers; only a policy this question exists for reads every day of the range.
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId ?? string.Empty);
        var byDay = hours.ToLookup(h => h.Day);
        var workingDay = false;
        for (var date = new LocalDate(options.FirstYear, 1, 1); date.Year <= options.LastYear; date = date.PlusDays(1))
        {
            if (holidays.Contains(date))
            {
                continue;
            }

            foreach (var (_, from, to) in byDay[ToDayOfWeek(date.DayOfWeek)])
            {
                workingDay = true;
                if (zone is null)
                {
                    return null; // the unknown zone is reported already; without it there are no gaps to find
                }

                var (start, end) = BusinessCalendar.ResolveSpan(zone, date, from, to);
                if (end > start)
                {
                    return null;
                }
            }
        }

        return workingDay
            ? $"{prefix}WorkingHours: every working span from {options.FirstYear} to {options.LastYear} that is not on a holiday falls into a daylight-saving gap of {zone!.Id}, so the calendar has no working time."
            : $"{prefix}Holidays: every working day from {options.FirstYear} to {options.LastYear} is a holiday, so the calendar has no working time.";
    }

    internal static DayOfWeek ToDayOfWeek(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;

    /// <summary>Parses <c>HH:mm</c> into minutes since midnight; <c>24:00</c> (1440) only when allowed.</summary>
    internal static int? ParseTime(string? text, bool allowEndOfDay)
    {
        if (text is null || text.Length != 5 || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return null;
        }

        if (h == 24 && m == 0 && allowEndOfDay)
        {
            return 1440;
        }

        return h is >= 0 and < 24 && m is >= 0 and < 60 ? (h * 60) + m : null;
    }

    private static string FormatTime(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
