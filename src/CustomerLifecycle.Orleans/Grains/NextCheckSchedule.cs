using NodaTime;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>When a customer grain's reminder should next wake it for its record's next check.</summary>
internal static class NextCheckSchedule
{
    /// <summary>The shortest due time handed to Orleans: a check already due is looked at straight away.</summary>
    private static readonly TimeSpan Soonest = TimeSpan.FromMilliseconds(1);

    /// <summary>How long from <paramref name="now"/> until the reminder should fire: at the next check, or after
    /// <paramref name="maxWait"/> when that is sooner; null when the record has no next check (no reminder is needed).</summary>
    public static TimeSpan? DueIn(Instant nextCheckAt, Instant now, TimeSpan maxWait)
    {
        if (nextCheckAt == Instant.MaxValue)
        {
            return null;
        }

        var wait = nextCheckAt - now;
        return wait <= Duration.FromTimeSpan(Soonest) ? Soonest
            : wait >= Duration.FromTimeSpan(maxWait) ? maxWait
            : wait.ToTimeSpan();
    }
}
