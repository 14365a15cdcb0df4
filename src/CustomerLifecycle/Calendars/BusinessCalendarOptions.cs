namespace CustomerLifecycle.Calendars;

/// <summary>A business calendar as data: time zone, weekly working hours, holidays and the years it covers.</summary>
/// <remarks>
/// Working hours are local wall-clock times in <see cref="TimeZoneId"/>; the calendar turns them into exact instants, so a
/// working day that contains a daylight-saving change is as long as it really is. The calendar precomputes its working time
/// for <see cref="FirstYear"/> to <see cref="LastYear"/>; instants outside those years are rejected rather than guessed.
/// </remarks>
public sealed class BusinessCalendarOptions
{
    /// <summary>Gets or sets the IANA time zone id, e.g. <c>"Europe/Berlin"</c>.</summary>
    /// <value>The default value is <c>"Etc/UTC"</c>.</value>
    public string TimeZoneId { get; set; } = BusinessCalendarDefaults.TimeZoneId;

    /// <summary>Gets or sets the weekly working hours; a day may have several spans (e.g. around a lunch break).</summary>
    /// <value>The default value is Monday to Friday, 09:00 to 17:00.</value>
    public List<WorkingHoursOptions> WorkingHours { get; set; } = BusinessCalendarDefaults.WorkingHours();

    /// <summary>Gets or sets the holidays as local dates, <c>yyyy-MM-dd</c>; a holiday has no working time.</summary>
    /// <value>The default value is an empty list.</value>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Gets or sets the first year the calendar covers.</summary>
    /// <value>The default value is 2020.</value>
    public int FirstYear { get; set; } = BusinessCalendarDefaults.FirstYear;

    /// <summary>Gets or sets the last year the calendar covers.</summary>
    /// <value>The default value is 2040.</value>
    public int LastYear { get; set; } = BusinessCalendarDefaults.LastYear;
}
