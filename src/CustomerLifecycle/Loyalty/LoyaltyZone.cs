using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Local times mapped to instants the way the tier walk needs it in a sweep: without allocating.</summary>
internal static class LoyaltyZone
{
    /// <summary>
    /// <paramref name="local"/> in <paramref name="zone"/> as NodaTime's lenient resolver maps it (the earlier of an ambiguous
    /// time, a skipped one shifted forward by the gap, so midnight in a gap is the day's first instant), without the mapping
    /// object <c>InZoneLeniently</c> allocates: a sweep walks every member's windows.
    /// </summary>
    /// <remarks>Reads the offsets a day either side, so it assumes no two transitions of the zone within a day of each other.</remarks>
    public static Instant Leniently(DateTimeZone zone, LocalDateTime local)
    {
        var asUtc = local.InUtc().ToInstant();
        var before = zone.GetUtcOffset(asUtc - Duration.FromDays(1));
        var after = zone.GetUtcOffset(asUtc + Duration.FromDays(1));
        var early = asUtc - Duration.FromSeconds(before.Seconds);
        if (zone.GetUtcOffset(early) == before)
        {
            return early; // the only mapping, or the earlier of two
        }

        var late = asUtc - Duration.FromSeconds(after.Seconds);

        // A time in a gap maps, shifted forward by the gap, to the instant the offset before it gives.
        return zone.GetUtcOffset(late) == after ? late : early;
    }
}
