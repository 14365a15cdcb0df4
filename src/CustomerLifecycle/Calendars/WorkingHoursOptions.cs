namespace CustomerLifecycle.Calendars;

/// <summary>One span of working time on a day of the week, in the calendar's local time.</summary>
public sealed class WorkingHoursOptions
{
    /// <summary>Gets or sets the day of the week.</summary>
    /// <value>The default value is <see cref="DayOfWeek.Monday"/>.</value>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>Gets or sets the local start time, <c>HH:mm</c>.</summary>
    /// <value>The default value is <c>"09:00"</c>.</value>
    public string Start { get; set; } = BusinessCalendarDefaults.DayStart;

    /// <summary>Gets or sets the local end time, <c>HH:mm</c>; <c>"24:00"</c> means the end of the day.</summary>
    /// <value>The default value is <c>"17:00"</c>.</value>
    public string End { get; set; } = BusinessCalendarDefaults.DayEnd;
}
