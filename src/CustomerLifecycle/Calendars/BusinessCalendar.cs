using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime.Text;
using NodaTime.TimeZones;
using NodaTime;

namespace CustomerLifecycle.Calendars;

/// <summary>Business-time arithmetic over a time zone, weekly working hours and holidays, exact across daylight-saving changes.</summary>
/// <remarks>
/// <para>The constructor turns every working span of <see cref="BusinessCalendarOptions.FirstYear"/> to
/// <see cref="BusinessCalendarOptions.LastYear"/> into exact instants once, so each call is a binary search: no loop over
/// days, no loop that could run forever. Instants outside the covered years are rejected.</para>
/// <para>A business-time result always lies inside working time: a deadline that lands on the boundary between one working
/// span and the next is reported as the end of the earlier span (17:00 Friday rather than 09:00 Monday).</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);
    private static readonly ZoneLocalMappingResolver EndResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    // Working spans as nanoseconds since the Unix epoch, and the business time (ns) elapsed before and at the end of each.
    private readonly long[] _start;
    private readonly long[] _end;
    private readonly long[] _posBefore;
    private readonly long[] _posEnd;

    // Working days: the business position at the start of each, and its length.
    private readonly long[] _dayPos;
    private readonly long[] _dayLength;

    private readonly long _rangeStart;
    private readonly long _rangeEnd;

    // Bucket indexes that turn both searches into a lookup plus a short forward scan: about one span per bucket.
    private readonly long _timeBucket;
    private readonly int[] _timeIndex;
    private readonly long _positionBucket;
    private readonly int[] _positionIndex;

    /// <summary>Creates a calendar from a validated policy.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public BusinessCalendar(BusinessCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<BusinessCalendarOptions, BusinessCalendarOptionsValidator>(options);

        Zone = DateTimeZoneProviders.Tzdb[options.TimeZoneId];
        FirstYear = options.FirstYear;
        LastYear = options.LastYear;
        var hours = BusinessCalendarOptionsValidator.WorkingSpans(options);
        var holidays = options.Holidays.Select(h => LocalDatePattern.Iso.Parse(h).Value).ToHashSet();
        var byDay = new List<(int Start, int End)>[7];
        for (var d = 0; d < 7; d++)
        {
            byDay[d] = hours.Where(h => (int)h.Day == d).Select(h => (h.Start, h.End)).OrderBy(h => h.Start).ToList();
        }

        var start = new List<long>();
        var end = new List<long>();
        var dayPos = new List<long>();
        var dayLength = new List<long>();
        long position = 0;
        var last = new LocalDate(LastYear, 12, 31);
        for (var date = new LocalDate(FirstYear, 1, 1); date <= last; date = date.PlusDays(1))
        {
            var spans = byDay[(int)BusinessCalendarOptionsValidator.ToDayOfWeek(date.DayOfWeek)];
            if (spans.Count == 0 || holidays.Contains(date))
            {
                continue;
            }

            var dayStart = position;
            foreach (var (from, to) in spans)
            {
                var (a, b) = ResolveSpan(Zone, date, from, to);
                if (b <= a)
                {
                    continue; // The whole span fell into a daylight-saving gap (the validator made sure some span did not).
                }

                start.Add(a);
                end.Add(b);
                position += b - a;
            }

            if (position > dayStart)
            {
                dayPos.Add(dayStart);
                dayLength.Add(position - dayStart);
            }
        }

        _start = [.. start];
        _end = [.. end];
        _posBefore = new long[_start.Length];
        _posEnd = new long[_start.Length];
        long sum = 0;
        for (var i = 0; i < _start.Length; i++)
        {
            _posBefore[i] = sum;
            sum += _end[i] - _start[i];
            _posEnd[i] = sum;
        }

        _dayPos = [.. dayPos];
        _dayLength = [.. dayLength];
        _rangeStart = ToNanos(Zone.AtStartOfDay(new LocalDate(FirstYear, 1, 1)).ToInstant());
        _rangeEnd = ToNanos(Zone.AtStartOfDay(new LocalDate(LastYear + 1, 1, 1)).ToInstant());
        var n = _start.Length;
        _timeBucket = ((_rangeEnd - _rangeStart) / n) + 1;
        _timeIndex = new int[((_rangeEnd - _rangeStart) / _timeBucket) + 2];
        for (int b = 0, j = 0; b < _timeIndex.Length; b++)
        {
            var bucketStart = _rangeStart + (b * _timeBucket);
            while (j < n && _end[j] <= bucketStart)
            {
                j++;
            }

            _timeIndex[b] = j;
        }

        _positionBucket = (sum / n) + 1;
        _positionIndex = new int[(sum / _positionBucket) + 2];
        for (int b = 0, j = 0; b < _positionIndex.Length; b++)
        {
            var bucketStart = b * _positionBucket;
            while (j < n && _posEnd[j] < bucketStart)
            {
                j++;
            }

            _positionIndex[b] = j;
        }
    }

    /// <summary>Gets the calendar's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the first year the calendar covers.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the last year the calendar covers.</summary>
    public int LastYear { get; }

    /// <summary>Gets the first instant the calendar covers: the start of 1 January of <see cref="FirstYear"/>, local time.</summary>
    public Instant RangeStart => FromNanos(_rangeStart);

    /// <summary>Gets the end (exclusive) of the covered instants: the start of 1 January after <see cref="LastYear"/>, local time.</summary>
    public Instant RangeEnd => FromNanos(_rangeEnd);

    /// <summary>Returns whether <paramref name="instant"/> lies inside working time (start inclusive, end exclusive).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> during working time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is outside the covered years.</exception>
    public bool IsWorkingTime(Instant instant)
    {
        var t = CheckInRange(instant);
        var i = FirstEndAfter(t);
        return i < _start.Length && _start[i] <= t;
    }

    /// <summary>Adds business time: the instant at which <paramref name="amount"/> of working time has passed after <paramref name="start"/>.</summary>
    /// <param name="start">Where the clock starts; outside working time it effectively starts at the next working span.</param>
    /// <param name="amount">The business time to add; zero returns <paramref name="start"/>.</param>
    /// <returns>The instant, inside working time when <paramref name="amount"/> is positive.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside the covered years,
    /// <paramref name="amount"/> is negative, or the result falls after <see cref="LastYear"/>.</exception>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Business time must be >= 0 but was {amount}.");
        }

        var t = CheckInRange(start);
        return amount == Duration.Zero ? start : FromNanos(AtPosition(PositionOf(t) + amount.ToInt64Nanoseconds(), nameof(amount)));
    }

    /// <summary>Adds whole business days: the same point of the working day, <paramref name="days"/> working days later.</summary>
    /// <remarks>
    /// The point of the day is the working time already passed that day (time outside working hours counts as the nearest
    /// earlier boundary); on a shorter target day it is capped at that day's end. Friday 15:00 plus one business day is
    /// Monday 15:00; Saturday noon plus one business day is Monday 17:00 (the end of Monday's working time).
    /// </remarks>
    /// <param name="start">Where the clock starts.</param>
    /// <param name="days">The number of working days; zero returns <paramref name="start"/>.</param>
    /// <returns>The instant, inside working time when <paramref name="days"/> is positive.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside the covered years,
    /// <paramref name="days"/> is negative, or the result falls after <see cref="LastYear"/>.</exception>
    public Instant AddBusinessDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var t = CheckInRange(start);
        if (days == 0)
        {
            return start;
        }

        var position = PositionAfterBusinessDays(PositionOf(t), days)
            ?? throw new ArgumentOutOfRangeException(nameof(days), days, $"Adding {days} business days to {start} goes past the calendar's last year {LastYear}; widen LastYear.");
        return FromNanos(AtPosition(position, nameof(days)));
    }

    /// <summary>Returns the working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    /// <param name="from">The start.</param>
    /// <param name="to">The end.</param>
    /// <returns>The working time in [<paramref name="from"/>, <paramref name="to"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the covered years.</exception>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        var a = CheckInRange(from);
        var b = CheckInRange(to);
        return b <= a ? Duration.Zero : Duration.FromNanoseconds(PositionOf(b) - PositionOf(a));
    }

    /// <summary>The working time from the range start up to <paramref name="instant"/>, in nanoseconds.</summary>
    internal long PositionAt(Instant instant) => PositionOf(CheckInRange(instant));

    /// <summary>The earliest instant at which the working time since the range start reaches <paramref name="position"/>.</summary>
    internal Instant InstantAtPosition(long position) => FromNanos(AtPosition(position, "amount"));

    /// <summary>The position <paramref name="days"/> working days after <paramref name="position"/>, or null past the range.</summary>
    internal long? PositionAfterBusinessDays(long position, int days)
    {
        var day = UpperBound(_dayPos, position) - 1;
        var offset = Math.Min(position - _dayPos[day], _dayLength[day]);
        var target = day + (long)days;
        return target >= _dayPos.Length ? null : _dayPos[target] + Math.Min(offset, _dayLength[target]);
    }

    private long CheckInRange(Instant instant, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(instant))] string? paramName = null)
    {
        var t = ToNanosChecked(instant);
        if (t < _rangeStart || t >= _rangeEnd)
        {
            throw new ArgumentOutOfRangeException(paramName, instant, $"The instant {instant} is outside the calendar's years {FirstYear}-{LastYear}; widen FirstYear or LastYear.");
        }

        return t;
    }

    /// <summary>The working time from the start of the covered range up to <paramref name="t"/>.</summary>
    private long PositionOf(long t)
    {
        var i = FirstEndAfter(t);
        if (i == _start.Length)
        {
            return _posEnd[^1];
        }

        return t <= _start[i] ? _posBefore[i] : _posBefore[i] + (t - _start[i]);
    }

    /// <summary>The earliest instant at which the working time since the range start reaches <paramref name="position"/>.</summary>
    private long AtPosition(long position, string paramName)
    {
        // First span whose end position is >= position.
        var lo = position > _posEnd[^1] ? _posEnd.Length : _positionIndex[position / _positionBucket];
        while (lo < _posEnd.Length && _posEnd[lo] < position)
        {
            lo++;
        }

        if (lo == _posEnd.Length)
        {
            throw new ArgumentOutOfRangeException(paramName, $"The result goes past the calendar's last year {LastYear}; widen LastYear.");
        }

        return _start[lo] + (position - _posBefore[lo]);
    }

    /// <summary>The first span that ends after <paramref name="t"/>, which lies in the covered range.</summary>
    private int FirstEndAfter(long t)
    {
        var i = _timeIndex[(t - _rangeStart) / _timeBucket];
        while (i < _end.Length && _end[i] <= t)
        {
            i++;
        }

        return i;
    }

    private static int UpperBound(long[] values, long value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (values[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A working span of <paramref name="date"/> (minutes since midnight) as nanoseconds since the Unix epoch; empty
    /// (end not after start) when the whole span falls into a daylight-saving gap.</summary>
    internal static (long Start, long End) ResolveSpan(DateTimeZone zone, LocalDate date, int from, int to)
    {
        var start = ToNanos(zone.ResolveLocal(date.At(LocalTime.FromMinutesSinceMidnight(from)), StartResolver).ToInstant());
        var end = to == 1440
            ? ToNanos(zone.ResolveLocal(date.PlusDays(1).AtMidnight(), StartResolver).ToInstant())
            : ToNanos(zone.ResolveLocal(date.At(LocalTime.FromMinutesSinceMidnight(to)), EndResolver).ToInstant());
        return (start, end);
    }

    private static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    private long ToNanosChecked(Instant instant)
    {
        // Instants far outside ±292 years of 1970 do not fit 64-bit nanoseconds; they are outside every calendar anyway.
        var days = (instant - NodaConstants.UnixEpoch).Days;
        return days switch
        {
            < -100_000 => long.MinValue,
            > 100_000 => long.MaxValue,
            _ => ToNanos(instant),
        };
    }

    private static Instant FromNanos(long nanos) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanos);
}
