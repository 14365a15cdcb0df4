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
        var days = CivilDays.DayOf(ticks);
        var tickOfDay = ticks - (days * NodaConstants.TicksPerDay);
        var (year, month, day) = CivilDays.ToCivil(days);
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

    private static void Digits(Span<char> destination, int at, long value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
