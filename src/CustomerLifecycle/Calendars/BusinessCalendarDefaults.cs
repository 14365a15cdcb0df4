namespace CustomerLifecycle.Calendars;

/// <summary>The defaults of <see cref="BusinessCalendarOptions"/>, in one place.</summary>
internal static class BusinessCalendarDefaults
{
    public const string TimeZoneId = "Etc/UTC";
    public const string DayStart = "09:00";
    public const string DayEnd = "17:00";
    public const int FirstYear = 2020;
    public const int LastYear = 2040;

    /// <summary>The earliest and latest years a calendar may cover: instants are kept as 64-bit nanoseconds.</summary>
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public static List<WorkingHoursOptions> WorkingHours() =>
    [
        new() { Day = DayOfWeek.Monday },
        new() { Day = DayOfWeek.Tuesday },
        new() { Day = DayOfWeek.Wednesday },
        new() { Day = DayOfWeek.Thursday },
        new() { Day = DayOfWeek.Friday },
    ];
}
