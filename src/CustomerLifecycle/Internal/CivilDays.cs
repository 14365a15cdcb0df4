namespace CustomerLifecycle.Internal;

/// <summary>Gregorian dates as days counted from 1970-01-01, both ways, in integer arithmetic (H. Hinnant's algorithms).</summary>
/// <remarks>Valid for every day an <see cref="NodaTime.Instant"/> can hold; no calendar object, no allocation, a few
/// divisions: what the hot paths use where NodaTime's <c>LocalDate</c> would be exact but slower.</remarks>
internal static class CivilDays
{
    /// <summary>The days in a 400-year Gregorian cycle (an era).</summary>
    private const int DaysPerEra = 146_097;

    /// <summary>The days from 0000-03-01, where the algorithms' years start (so that a leap day ends a year), to 1970-01-01.</summary>
    private const int EpochShift = 719_468;

    /// <summary>The day, counted from 1970-01-01 (negative before), that falls on a floor division of ticks.</summary>
    public static long DayOf(long unixTicks)
    {
        var day = unixTicks / NodaTime.NodaConstants.TicksPerDay;
        return unixTicks % NodaTime.NodaConstants.TicksPerDay < 0 ? day - 1 : day;
    }

    /// <summary>The Gregorian date of a day counted from 1970-01-01.</summary>
    public static (long Year, int Month, int Day) ToCivil(long days)
    {
        var z = days + EpochShift;
        var era = (z >= 0 ? z : z - (DaysPerEra - 1)) / DaysPerEra;
        var dayOfEra = z - (era * DaysPerEra);
        var yearOfEra = (dayOfEra - (dayOfEra / 1_460) + (dayOfEra / 36_524) - (dayOfEra / (DaysPerEra - 1))) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1);
        var month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        return (yearOfEra + (era * 400) + (month <= 2 ? 1 : 0), month, day);
    }

    /// <summary>The day, counted from 1970-01-01, of a Gregorian date.</summary>
    public static long FromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * DaysPerEra) + dayOfEra - EpochShift;
    }

    /// <summary>The first month <see cref="MonthOfDay"/> looks up: January 1900, numbered year × 12 + month − 1.</summary>
    private const int FirstTabulatedMonth = 1900 * 12;

    /// <summary>The months looked up: 400 years, one Gregorian cycle, so that the estimate below is never off by more than one.</summary>
    private const int TabulatedMonths = 400 * 12;

    /// <summary>The day each tabulated month starts on, and the one after the last: the hot paths' day → month in one estimate and a compare.</summary>
    private static readonly long[] MonthStarts = TabulateMonthStarts();

    /// <summary>The month (year × 12 + month − 1) a day counted from 1970-01-01 falls in.</summary>
    /// <remarks>For 1900–2299 one estimate (146,097 days in 4,800 months) corrected by a table lookup, which the per-event
    /// lifecycle path pays for several times; outside that range <see cref="ToCivil"/>. Both give the same month.</remarks>
    public static int MonthOfDay(long day)
    {
        var starts = MonthStarts;
        var i = (day - starts[0]) * TabulatedMonths / DaysPerEra;
        if (i is >= 0 and < TabulatedMonths)
        {
            var index = (int)i;
            index -= day < starts[index] ? 1 : 0;
            index += day >= starts[index + 1] ? 1 : 0;
            if ((uint)index < TabulatedMonths)
            {
                return FirstTabulatedMonth + index;
            }
        }

        var (year, month, _) = ToCivil(day);
        return (int)(year * 12) + month - 1;
    }

    /// <summary>The day a month (year × 12 + month − 1) starts on: looked up for 1900–2299, worked out outside.</summary>
    public static long MonthStartDay(int month)
    {
        var i = month - FirstTabulatedMonth;
        return (uint)i < TabulatedMonths ? MonthStarts[i] : FromCivil(Math.DivRem(month, 12, out var rest) - (rest < 0 ? 1 : 0), (rest < 0 ? rest + 12 : rest) + 1, 1);
    }

    private static long[] TabulateMonthStarts()
    {
        var starts = new long[TabulatedMonths + 1];
        for (var i = 0; i <= TabulatedMonths; i++)
        {
            var month = FirstTabulatedMonth + i;
            starts[i] = FromCivil(month / 12, (month % 12) + 1, 1);
        }

        return starts;
    }
}
