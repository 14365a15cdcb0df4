using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>The policy's month arithmetic, in its time zone: which month an instant is in, where a month starts, months added.</summary>
/// <remarks>
/// Months are numbered year × 12 + month − 1 of the local date. One way for every zone: the instant's local day (its ticks
/// plus the zone's offset at it) turned into a date by integer arithmetic (<see cref="CivilDays"/>), so that the batch
/// sweep neither allocates nor goes through NodaTime's calendar objects, which would cost several times as much.
/// </remarks>
internal sealed class ZoneMonths
{
    private readonly DateTimeZone _zone;
    private readonly Offset? _fixedOffset;
    private readonly long? _fixedOffsetTicks;

    public ZoneMonths(DateTimeZone zone)
    {
        _zone = zone;
        _fixedOffset = zone.MinOffset == zone.MaxOffset ? zone.MinOffset : null;
        _fixedOffsetTicks = _fixedOffset?.Ticks;
        OffsetRange = Duration.FromSeconds(zone.MaxOffset.Seconds - zone.MinOffset.Seconds);
    }

    /// <summary>Gets how far apart the zone's smallest and largest offsets are: how much local-time arithmetic can shift an instant.</summary>
    public Duration OffsetRange { get; }

    /// <summary>The month an instant falls in.</summary>
    public int MonthOf(Instant instant)
    {
        var offsetTicks = _fixedOffsetTicks ?? _zone.GetUtcOffset(instant).Ticks;
        return CivilDays.MonthOfDay(CivilDays.DayOf(instant.ToUnixTimeTicks() + offsetTicks));
    }

    /// <summary>The first instant of a month.</summary>
    public Instant MonthStart(int month)
    {
        var midnight = CivilDays.MonthStartDay(month) * NodaConstants.TicksPerDay;
        return _fixedOffsetTicks is { } offsetTicks
            ? Instant.FromUnixTimeTicks(midnight - offsetTicks)
            : FromLocal(Instant.FromUnixTimeTicks(midnight).InUtc().LocalDateTime);
    }

    /// <summary>The instant <paramref name="months"/> calendar months after <paramref name="instant"/> in local time (a day past a shorter month's end clamped to it).</summary>
    public Instant AddMonths(Instant instant, int months)
        => _fixedOffset is { } offset
            ? instant.WithOffset(offset).LocalDateTime.PlusMonths(months).WithOffset(offset).ToInstant()
            : FromLocal(instant.InZone(_zone).LocalDateTime.PlusMonths(months));

    /// <summary>
    /// <see cref="AddMonths(Instant, int)"/>, or <see cref="Conditions.Never"/> when the result is certainly after
    /// <paramref name="notAfter"/>: a cheap check that spares the calendar arithmetic for bounds too far off to matter.
    /// </summary>
    /// <remarks><paramref name="months"/> months from any day are at least 28 days each (a day clamped to a shorter month's
    /// end included); in local time, so the zone's offsets can move the instant by up to <see cref="OffsetRange"/>.</remarks>
    public Instant AddMonths(Instant instant, int months, Instant notAfter)
        => instant + Duration.FromDays(28 * months) - OffsetRange > notAfter ? Conditions.Never : AddMonths(instant, months);

    /// <summary>The whole months from <paramref name="from"/> to <paramref name="to"/> in local time; 0 when <paramref name="to"/> is not later.</summary>
    public int MonthsBetween(Instant from, Instant to)
        => to <= from ? 0 : Period.Between(from.InZone(_zone).LocalDateTime, to.InZone(_zone).LocalDateTime, PeriodUnits.Months).Months;

    /// <summary>The instant of a local date and time, mapped leniently (a time in a DST gap moves forward, an ambiguous one takes the earlier).</summary>
    /// <remarks>NodaTime's own mapping allocates a mapping object. Nearly always the local time is far from an offset
    /// change, and four offset lookups, which allocate nothing, prove it: the offset guessed from the local time as if UTC,
    /// the offset at the instant that guess gives, and the offsets a day either side of it. When all agree, no change lies
    /// within a day of the instant, so the local time is neither skipped nor repeated; otherwise NodaTime decides.</remarks>
    public Instant FromLocal(LocalDateTime local)
    {
        if (_fixedOffset is { } fixedOffset)
        {
            return local.WithOffset(fixedOffset).ToInstant();
        }

        var asIfUtc = local.InUtc().ToInstant();
        var offset = _zone.GetUtcOffset(asIfUtc);
        var candidate = asIfUtc - Duration.FromSeconds(offset.Seconds);
        if (_zone.GetUtcOffset(candidate) == offset
            && _zone.GetUtcOffset(candidate - Duration.FromDays(1)) == offset
            && _zone.GetUtcOffset(candidate + Duration.FromDays(1)) == offset)
        {
            return candidate;
        }

        return local.InZoneLeniently(_zone).ToInstant();
    }
}
