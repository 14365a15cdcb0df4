using NodaTime;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>
/// The months of a zone whose offset never changes, as the local day numbers on which they start: an instant's month and a
/// month's first instant by arithmetic and a lookup instead of a calendar conversion. Covers 1900–2299; callers fall back
/// to the calendar outside.
/// </summary>
/// <remarks>Months are numbered as <see cref="CompiledPolicy.MonthOf"/> numbers them: year × 12 + month − 1.</remarks>
internal sealed class FixedOffsetMonths
{
    private const int FirstMonth = 1900 * 12;
    private const int Months = 400 * 12;

    /// <summary>Local days since the Unix epoch on which each month starts, and the one after the last: the same for every offset.</summary>
    private static readonly int[] StartDays = CountStartDays();

    private readonly long _offsetTicks;

    public FixedOffsetMonths(Offset offset) => _offsetTicks = offset.Ticks;

    /// <summary>The month <paramref name="instant"/> falls in, local time; false outside the months covered.</summary>
    public bool TryGetMonth(Instant instant, out int month)
    {
        var ticks = instant.ToUnixTimeTicks() + _offsetTicks;
        var day = ticks >= 0 ? ticks / NodaConstants.TicksPerDay : ((ticks + 1) / NodaConstants.TicksPerDay) - 1;
        var startDays = StartDays;

        // 400 Gregorian years have 146,097 days in 4,800 months; a month's start is never a whole month from that average.
        var i = (int)((day - startDays[0]) * Months / 146_097);
        if ((uint)i >= Months)
        {
            month = 0;
            return false;
        }

        if (day < startDays[i])
        {
            i--;
        }
        else if (day >= startDays[i + 1])
        {
            i++;
        }

        month = FirstMonth + i;
        return (uint)i < Months;
    }

    /// <summary>The first instant of a month; false outside the months covered.</summary>
    public bool TryGetStart(int month, out Instant start)
    {
        var i = month - FirstMonth;
        if ((uint)i >= Months)
        {
            start = default;
            return false;
        }

        start = Instant.FromUnixTimeTicks((StartDays[i] * NodaConstants.TicksPerDay) - _offsetTicks);
        return true;
    }

    private static int[] CountStartDays()
    {
        var days = new int[Months + 1];
        for (var i = 0; i <= Months; i++)
        {
            var month = FirstMonth + i;
            days[i] = (int)(new LocalDate(month / 12, (month % 12) + 1, 1).AtMidnight().InUtc().ToInstant().ToUnixTimeTicks() / NodaConstants.TicksPerDay);
        }

        return days;
    }
}
