using CustomerLifecycle.Calendars;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Tests.Calendars;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Berlin = new(new BusinessCalendarOptions
    {
        TimeZoneId = "Europe/Berlin",
        FirstYear = 2025,
        LastYear = 2026,
        Holidays = ["2025-12-25", "2025-12-26"],
    });

    private static Instant At(BusinessCalendar calendar, int y, int m, int d, int h, int min = 0)
        => calendar.Zone.AtStrictly(new LocalDateTime(y, m, d, h, min)).ToInstant();

    private static Instant Berlin_(int y, int m, int d, int h, int min = 0) => At(Berlin, y, m, d, h, min);

    [Fact]
    public void Defaults_AreUtcMondayToFridayNineToFive_2020To2040()
    {
        var options = new BusinessCalendarOptions();

        Assert.Equal("Etc/UTC", options.TimeZoneId);
        Assert.Equal(2020, options.FirstYear);
        Assert.Equal(2040, options.LastYear);
        Assert.Empty(options.Holidays);
        Assert.Equal(
            ["Monday 09:00-17:00", "Tuesday 09:00-17:00", "Wednesday 09:00-17:00", "Thursday 09:00-17:00", "Friday 09:00-17:00"],
            options.WorkingHours.Select(h => $"{h.Day} {h.Start}-{h.End}"));
    }

    [Fact]
    public void AddBusinessTime_AcrossAWeekend_ContinuesOnMonday()
        => Assert.Equal(Berlin_(2025, 3, 31, 11), Berlin.AddBusinessTime(Berlin_(2025, 3, 28, 15), Duration.FromHours(4)));

    [Fact]
    public void AddBusinessTime_EndingAtCloseOfDay_IsTheCloseNotTheNextMorning()
        => Assert.Equal(Berlin_(2025, 3, 28, 17), Berlin.AddBusinessTime(Berlin_(2025, 3, 28, 15), Duration.FromHours(2)));

    [Fact]
    public void AddBusinessTime_SkipsHolidays()
        => Assert.Equal(Berlin_(2025, 12, 29, 10), Berlin.AddBusinessTime(Berlin_(2025, 12, 24, 16), Duration.FromHours(2)));

    [Fact]
    public void AddBusinessTime_StartingOutsideWorkingHours_StartsAtTheNextSpan()
        => Assert.Equal(Berlin_(2025, 3, 31, 10, 30), Berlin.AddBusinessTime(Berlin_(2025, 3, 29, 12), Duration.FromMinutes(90)));

    [Fact]
    public void AddBusinessTime_Zero_IsTheStart()
        => Assert.Equal(Berlin_(2025, 3, 29, 12), Berlin.AddBusinessTime(Berlin_(2025, 3, 29, 12), Duration.Zero));

    [Fact]
    public void AlwaysOpenCalendar_SpringForwardDayHas23Hours_FallBackDayHas25()
    {
        var options = new BusinessCalendarOptions
        {
            TimeZoneId = "Europe/Berlin",
            FirstYear = 2025,
            LastYear = 2025,
            WorkingHours = Enum.GetValues<DayOfWeek>().Select(d => new WorkingHoursOptions { Day = d, Start = "00:00", End = "24:00" }).ToList(),
        };
        var calendar = new BusinessCalendar(options);

        Assert.Equal(At(calendar, 2025, 3, 31, 1), calendar.AddBusinessTime(At(calendar, 2025, 3, 30, 0), Duration.FromHours(24)));
        Assert.Equal(At(calendar, 2025, 10, 26, 23), calendar.AddBusinessTime(At(calendar, 2025, 10, 26, 0), Duration.FromHours(24)));
        Assert.Equal(Duration.FromHours(23), calendar.BusinessTimeBetween(At(calendar, 2025, 3, 30, 0), At(calendar, 2025, 3, 31, 0)));
        Assert.Equal(Duration.FromHours(25), calendar.BusinessTimeBetween(At(calendar, 2025, 10, 26, 0), At(calendar, 2025, 10, 27, 0)));
    }

    [Fact]
    public void WorkingSpanContainingADaylightSavingChange_IsAsLongAsItReallyIs()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions
        {
            TimeZoneId = "America/New_York",
            FirstYear = 2025,
            LastYear = 2025,
            WorkingHours = [new WorkingHoursOptions { Day = DayOfWeek.Sunday, Start = "01:00", End = "05:00" }],
        });
        var springDay = calendar.Zone.AtStartOfDay(new LocalDate(2025, 3, 9)).ToInstant();
        var fallDay = calendar.Zone.AtStartOfDay(new LocalDate(2025, 11, 2)).ToInstant();

        Assert.Equal(Duration.FromHours(3), calendar.BusinessTimeBetween(springDay, springDay + Duration.FromDays(1)));
        Assert.Equal(Duration.FromHours(5), calendar.BusinessTimeBetween(fallDay, fallDay + Duration.FromHours(25)));
        Assert.Equal(At(calendar, 2025, 3, 9, 5), calendar.AddBusinessTime(springDay, Duration.FromHours(3)));
        Assert.Equal(At(calendar, 2025, 3, 16, 2), calendar.AddBusinessTime(springDay, Duration.FromHours(4)));
        Assert.Equal(At(calendar, 2025, 11, 2, 5), calendar.AddBusinessTime(fallDay, Duration.FromHours(5)));
    }

    [Fact]
    public void AddBusinessDays_KeepsThePointOfTheDay()
    {
        Assert.Equal(Berlin_(2025, 3, 31, 15), Berlin.AddBusinessDays(Berlin_(2025, 3, 28, 15), 1));
        Assert.Equal(Berlin_(2025, 4, 1, 15), Berlin.AddBusinessDays(Berlin_(2025, 3, 28, 15), 2));
    }

    [Fact]
    public void AddBusinessDays_FromAWeekend_EndsAtTheCloseOfTheWorkingDay()
        => Assert.Equal(Berlin_(2025, 3, 31, 17), Berlin.AddBusinessDays(Berlin_(2025, 3, 29, 12), 1));

    [Fact]
    public void AddBusinessDays_SkipsHolidays()
        => Assert.Equal(Berlin_(2025, 12, 29, 10), Berlin.AddBusinessDays(Berlin_(2025, 12, 24, 10), 1));

    [Fact]
    public void IsWorkingTime_IncludesTheStartAndExcludesTheEnd()
    {
        Assert.True(Berlin.IsWorkingTime(Berlin_(2025, 3, 31, 9)));
        Assert.False(Berlin.IsWorkingTime(Berlin_(2025, 3, 31, 17)));
        Assert.False(Berlin.IsWorkingTime(Berlin_(2025, 3, 29, 12)));
        Assert.False(Berlin.IsWorkingTime(Berlin_(2025, 12, 25, 12)));
    }

    [Fact]
    public void InstantOutsideTheCalendarYears_IsRejectedWithARemedy()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessTime(Instant.FromUtc(2024, 6, 1, 0, 0), Duration.FromHours(1)));

        Assert.Equal("start", ex.ParamName);
        Assert.StartsWith("The instant 2024-06-01T00:00:00Z is outside the calendar's years 2025-2026; widen FirstYear or LastYear.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultAfterTheLastYear_IsRejectedWithARemedy()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessTime(Berlin_(2026, 12, 31, 16), Duration.FromHours(2)));
        var days = Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessDays(Berlin_(2026, 12, 31, 16), 1));

        Assert.Equal("The result goes past the calendar's last year 2026; widen LastYear. (Parameter 'amount')", ex.Message);
        Assert.StartsWith("Adding 1 business days to 2026-12-31T15:00:00Z goes past the calendar's last year 2026; widen LastYear.", days.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeAmounts_AreRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessTime(Berlin_(2025, 3, 31, 9), Duration.FromHours(-1)));
        Assert.StartsWith("Business time must be >= 0 but was -0:01:00:00.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessDays(Berlin_(2025, 3, 31, 9), -1));
    }

    [Fact]
    public void Validator_ReportsEveryFailure()
    {
        var options = new BusinessCalendarOptions
        {
            TimeZoneId = "Mars/Olympus",
            FirstYear = 2030,
            LastYear = 2029,
            WorkingHours =
            [
                new() { Day = DayOfWeek.Monday, Start = "9am", End = "17:00" },
                new() { Day = DayOfWeek.Tuesday, Start = "18:00", End = "09:00" },
                new() { Day = DayOfWeek.Wednesday, Start = "09:00", End = "13:00" },
                new() { Day = DayOfWeek.Wednesday, Start = "12:00", End = "18:00" },
            ],
            Holidays = ["2025-13-01"],
        };

        var ex = Assert.Throws<OptionsValidationException>(() => new BusinessCalendar(options));

        Assert.Equal(
            [
                "TimeZoneId: 'Mars/Olympus' is not a known IANA time zone id.",
                "LastYear: must be >= FirstYear (2030) but was 2029.",
                "WorkingHours[0].Start: '9am' is not a time of day in HH:mm format.",
                "WorkingHours[1]: Start 18:00 must be before End 09:00.",
                "WorkingHours[3]: Wednesday 12:00-18:00 overlaps WorkingHours[2] (09:00-13:00).",
                "Holidays[0]: '2025-13-01' is not a date in yyyy-MM-dd format.",
            ],
            ex.Failures);
    }

    [Fact]
    public void CalendarWithNoWorkingTime_IsRejected()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new BusinessCalendar(new BusinessCalendarOptions { WorkingHours = [] }));
        Assert.Equal(["WorkingHours: the calendar has no working time; add at least one span."], ex.Failures);
    }

    [Fact]
    public void CalendarWhoseOnlyWorkingTimeFallsIntoADaylightSavingGap_IsRejectedByTheValidatorAndTheConstructorAlike()
    {
        // Sundays 02:00–03:00 in Berlin, every Sunday of 2025 a holiday but 30 March, when that hour does not exist.
        var sundays = Enumerable.Range(0, 365).Select(d => new LocalDate(2025, 1, 1).PlusDays(d))
            .Where(d => d.DayOfWeek == IsoDayOfWeek.Sunday && d != new LocalDate(2025, 3, 30)).Select(d => d.ToString("yyyy-MM-dd", null)).ToList();
        var options = new BusinessCalendarOptions
        {
            TimeZoneId = "Europe/Berlin",
            FirstYear = 2025,
            LastYear = 2025,
            WorkingHours = [new() { Day = DayOfWeek.Sunday, Start = "02:00", End = "03:00" }],
            Holidays = sundays,
        };
        string[] expected = ["WorkingHours: every working span from 2025 to 2025 that is not on a holiday falls into a daylight-saving gap of Europe/Berlin, so the calendar has no working time."];

        var result = new BusinessCalendarOptionsValidator().Validate(null, options);
        var ex = Assert.Throws<OptionsValidationException>(() => new BusinessCalendar(options));

        Assert.Equal(expected, result.Failures);
        Assert.Equal(expected, ex.Failures);
        Assert.Equal(typeof(BusinessCalendarOptions), ex.OptionsType);
    }

    [Fact]
    public void CalendarWithOneSpanOutsideTheDaylightSavingGap_IsValid()
    {
        // As above, but 30 March also works 03:00–04:00, which exists.
        var sundays = Enumerable.Range(0, 365).Select(d => new LocalDate(2025, 1, 1).PlusDays(d))
            .Where(d => d.DayOfWeek == IsoDayOfWeek.Sunday && d != new LocalDate(2025, 3, 30)).Select(d => d.ToString("yyyy-MM-dd", null)).ToList();
        var options = new BusinessCalendarOptions
        {
            TimeZoneId = "Europe/Berlin",
            FirstYear = 2025,
            LastYear = 2025,
            WorkingHours = [new() { Day = DayOfWeek.Sunday, Start = "02:00", End = "03:00" }, new() { Day = DayOfWeek.Sunday, Start = "03:00", End = "04:00" }],
            Holidays = sundays,
        };

        Assert.True(new BusinessCalendarOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(Duration.FromHours(1), new BusinessCalendar(options).BusinessTimeBetween(Instant.FromUtc(2025, 3, 29, 0, 0), Instant.FromUtc(2025, 3, 31, 0, 0)));
    }

    [Fact]
    public void HolidayOutsideTheCalendarYears_IsRejected()
    {
        var result = new BusinessCalendarOptionsValidator().Validate(null, new BusinessCalendarOptions { FirstYear = 2025, LastYear = 2026, Holidays = ["2019-12-25"] });
        Assert.Equal(["Holidays[0]: 2019-12-25 is outside the calendar's years 2025-2026."], result.Failures);
    }

    [Fact]
    public void CalendarWhoseEveryWorkingDayIsAHoliday_IsRejectedInsteadOfLoopingForever()
    {
        var mondays = Enumerable.Range(0, 366).Select(d => new LocalDate(2025, 1, 1).PlusDays(d))
            .Where(d => d.Year == 2025 && d.DayOfWeek == IsoDayOfWeek.Monday).Select(d => d.ToString("yyyy-MM-dd", null)).ToList();
        var options = new BusinessCalendarOptions
        {
            FirstYear = 2025,
            LastYear = 2025,
            WorkingHours = [new() { Day = DayOfWeek.Monday }],
            Holidays = mondays,
        };

        var result = new BusinessCalendarOptionsValidator().Validate(null, options);

        Assert.Equal(["Holidays: every working day from 2025 to 2025 is a holiday, so the calendar has no working time."], result.Failures);
    }

    [Fact]
    public void EmptyTimeZoneAndYearsOutOfRange_AreNamed()
    {
        var result = new BusinessCalendarOptionsValidator().Validate(null, new BusinessCalendarOptions { TimeZoneId = " ", FirstYear = 1800, LastYear = 2300 });
        Assert.Equal(
            [
                "TimeZoneId: must name an IANA time zone but was empty.",
                "FirstYear: must be in range [1900-2200] but was 1800.",
                "LastYear: must be in range [1900-2200] but was 2300.",
            ],
            result.Failures);
    }
}
