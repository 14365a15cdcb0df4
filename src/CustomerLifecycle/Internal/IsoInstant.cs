using NodaTime;

namespace CustomerLifecycle.Internal;

/// <summary>
/// An instant written as NodaTime's <see cref="Instant.ToString()"/> writes it (<c>2026-01-05T09:00:00Z</c>), straight into an
/// interpolated string: NodaTime looks up the culture and the pattern every time (about 130 ns), and an explained transition
/// writes several instants (its event, each playbook action's id).
/// </summary>
/// <param name="value">The instant.</param>
internal readonly struct IsoInstant(Instant value) : ISpanFormattable
{
    private const int Length = 20;

    /// <inheritdoc/>
    public override string ToString() => value.ToString();

    /// <summary>The instant's ISO text; <paramref name="format"/> and <paramref name="formatProvider"/> are ignored (the text is the same in every culture).</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text, as <see cref="Instant.ToString()"/> writes it.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => value.ToString();

    /// <summary>Writes the instant's ISO text; <paramref name="format"/> and <paramref name="provider"/> are ignored.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written; 0 when <paramref name="destination"/> is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var ticks = value.ToUnixTimeTicks();
        var days = Math.DivRem(ticks, NodaConstants.TicksPerDay, out var tickOfDay);
        if (tickOfDay < 0)
        {
            days--;
            tickOfDay += NodaConstants.TicksPerDay;
        }

        var (year, month, day) = CivilFromDays(days);
        if (year is < 1 or > 9999)
        {
            // Years NodaTime writes with a sign or more digits: leave them to it.
            var text = value.ToString();
            charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
            return charsWritten > 0;
        }

        if (destination.Length < Length)
        {
            charsWritten = 0;
            return false;
        }

        var second = (int)(tickOfDay / NodaConstants.TicksPerSecond);
        Digits(destination, 0, year, 4);
        destination[4] = '-';
        Digits(destination, 5, month, 2);
        destination[7] = '-';
        Digits(destination, 8, day, 2);
        destination[10] = 'T';
        Digits(destination, 11, second / 3600, 2);
        destination[13] = ':';
        Digits(destination, 14, second / 60 % 60, 2);
        destination[16] = ':';
        Digits(destination, 17, second % 60, 2);
        destination[19] = 'Z';
        charsWritten = Length;
        return true;
    }

    /// <summary>The Gregorian date of a day counted from 1970-01-01 (H. Hinnant's days-to-civil).</summary>
    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1_460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1);
        var month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        return (yearOfEra + (era * 400) + (month <= 2 ? 1 : 0), month, day);
    }

    private static void Digits(Span<char> destination, int at, long value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
