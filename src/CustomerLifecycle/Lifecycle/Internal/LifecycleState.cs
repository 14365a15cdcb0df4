using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>
/// A working copy of a <see cref="LifecycleRecord"/>. Built from a record without copying: its arrays are shared until the
/// first write (copy on write), so evaluating a record that does not change allocates nothing.
/// </summary>
internal struct LifecycleState
{
    public CustomerId Customer;
    public int Stage;
    public string? PreviousStage;
    public Instant StageEnteredAt;
    public Instant FirstSeenAt;
    public Instant LastEventAt;
    public Instant? FirstPurchaseAt;
    public Instant? LastPurchaseAt;
    public Instant? LastActivityAt;
    public Instant? LastContactAt;
    public Instant? LastReferralAt;
    public Instant? ReactivatedAt;
    public int? LatestNps;
    public string? HealthBand;
    public int? DeclineBaseline;
    public int ActivityMonth;
    public int[] Activity;
    public Instant[] Purchases;
    public StageTime[] StageTimes;
    public string[] RecentIds;
    public string[] EarlierIds;
    public long EventCount;
    public long TransitionCount;
    public Instant NextCheckAt;

    private bool _activityOwned;
    private bool _stageTimesOwned;

    /// <summary>A new record's state: in the initial stage from <paramref name="at"/>.</summary>
    public static LifecycleState New(CompiledPolicy policy, CustomerId customer, Instant at) => new()
    {
        Customer = customer,
        Stage = policy.InitialStage,
        StageEnteredAt = at,
        FirstSeenAt = at,
        LastEventAt = at,
        ActivityMonth = policy.Months.MonthOf(at),
        Activity = new int[policy.ActivityMonths],
        Purchases = [],
        StageTimes = [new StageTime(policy.Stages[policy.InitialStage], at, at, null, Duration.Zero, 1, IsOpen: true)],
        RecentIds = [],
        EarlierIds = [],
        _activityOwned = true,
        _stageTimesOwned = true,
    };

    /// <summary>Reads a record whose stage the caller has looked up in the policy.</summary>
    /// <remarks>A constructor, not a factory: the fields are written in place rather than copied out of a returned struct.</remarks>
    public LifecycleState(LifecycleRecord record, int stage)
    {
        Customer = record.Customer;
        Stage = stage;
        PreviousStage = record.PreviousStage;
        StageEnteredAt = record.StageEnteredAt;
        FirstSeenAt = record.FirstSeenAt;
        LastEventAt = record.LastEventAt;
        FirstPurchaseAt = record.FirstPurchaseAt;
        LastPurchaseAt = record.LastPurchaseAt;
        LastActivityAt = record.LastActivityAt;
        LastContactAt = record.LastContactAt;
        LastReferralAt = record.LastReferralAt;
        ReactivatedAt = record.ReactivatedAt;
        LatestNps = record.LatestNps;
        HealthBand = record.HealthBand;
        DeclineBaseline = record.DeclineBaseline;
        ActivityMonth = record.ActivityMonth;
        Activity = record.MonthlyActivityArray ?? [];
        Purchases = record.RecentPurchasesArray ?? [];
        StageTimes = record.StageTimesArray ?? [];
        RecentIds = record.NewestEventIdsPart;
        EarlierIds = record.EarlierEventIdsPart;
        EventCount = record.EventCount;
        TransitionCount = record.TransitionCount;
    }

    public readonly LifecycleRecord ToRecord(CompiledPolicy policy) => new()
    {
        Customer = Customer,
        Stage = policy.Stages[Stage],
        PreviousStage = PreviousStage,
        StageEnteredAt = StageEnteredAt,
        FirstSeenAt = FirstSeenAt,
        LastEventAt = LastEventAt,
        FirstPurchaseAt = FirstPurchaseAt,
        LastPurchaseAt = LastPurchaseAt,
        LastActivityAt = LastActivityAt,
        LastContactAt = LastContactAt,
        LastReferralAt = LastReferralAt,
        ReactivatedAt = ReactivatedAt,
        LatestNps = LatestNps,
        HealthBand = HealthBand,
        DeclineBaseline = DeclineBaseline,
        ActivityMonth = ActivityMonth,
        MonthlyActivity = ImmutableCollectionsMarshal.AsImmutableArray(Activity),
        RecentPurchases = ImmutableCollectionsMarshal.AsImmutableArray(Purchases),
        StageTimes = ImmutableCollectionsMarshal.AsImmutableArray(StageTimes),
        EarlierEventIdsPart = EarlierIds,
        EventIdWindow = policy.DuplicateWindow,
        NewestEventIdsPart = RecentIds,
        EventCount = EventCount,
        TransitionCount = TransitionCount,
        NextCheckAt = NextCheckAt,
        PolicyFingerprint = policy.Fingerprint,
    };

    /// <summary>Whether an event id is among the policy's window of latest ids: the earlier ids followed by the recent ones.</summary>
    public readonly bool HasSeen(CompiledPolicy policy, string eventId)
    {
        ReadOnlySpan<string> recent = RecentIds;
        ReadOnlySpan<string> earlier = EarlierIds;
        var fromRecent = Math.Min(recent.Length, policy.DuplicateWindow);
        var fromEarlier = Math.Min(earlier.Length, policy.DuplicateWindow - fromRecent);
        return Contains(recent[^fromRecent..], eventId) || Contains(earlier[^fromEarlier..], eventId);
    }

    /// <summary>The activity over the months [<paramref name="first"/>, <paramref name="last"/>].</summary>
    public readonly int ActivityBetween(int first, int last)
    {
        var total = 0;
        for (var month = first; month <= last; month++)
        {
            total += ActivityIn(month);
        }

        return total;
    }

    /// <summary>The activity in one month: 0 for a month the counts do not cover.</summary>
    public readonly int ActivityIn(int month) => CountAt(Activity, month + (Activity.Length - 1 - ActivityMonth));

    /// <summary>The activity over the <paramref name="months"/> complete months before <paramref name="at"/>'s month, and over the same span before that.</summary>
    public readonly (int Recent, int Earlier) CompareActivity(CompiledPolicy policy, Instant at, int months)
        => CompareActivity(policy.Months.MonthOf(at), months);

    /// <summary>The activity over the <paramref name="months"/> months before <paramref name="month"/>, and over the same span before that.</summary>
    public readonly (int Recent, int Earlier) CompareActivity(int month, int months)
        => (ActivityBetween(month - months, month - 1), ActivityBetween(month - (2 * months), month - months - 1));

    /// <summary>
    /// The first month in [<paramref name="month"/>, <paramref name="last"/>] at which an activity comparison holds (see
    /// <see cref="CompareActivity(int, int)"/>), or <paramref name="last"/> + 1 when none does. Slides the two windows a
    /// month at a time over the counts.
    /// </summary>
    public readonly int FirstMonthComparing(Condition comparison, int month, int last)
    {
        ReadOnlySpan<int> counts = Activity;
        var span = comparison.Months;

        // Index of a month in the counts: the last count is ActivityMonth's.
        var index = month + (counts.Length - 1 - ActivityMonth);
        int recent = 0, earlier = 0;
        for (var i = 1; i <= span; i++)
        {
            recent += CountAt(counts, index - i);
            earlier += CountAt(counts, index - span - i);
        }

        for (; month <= last; month++, index++)
        {
            if (Conditions.ComparisonHolds(comparison, recent, earlier, DeclineBaseline))
            {
                return month;
            }

            var leaving = CountAt(counts, index - span);
            recent += CountAt(counts, index) - leaving;
            earlier += leaving - CountAt(counts, index - (2 * span));
        }

        return month;
    }

    /// <summary>Adds an event id to the recent ids; when they are full, they move to the earlier ids, which keep the window's worth.</summary>
    public void RememberEvent(CompiledPolicy policy, string eventId)
    {
        if (RecentIds.Length < policy.RecentIdsCapacity)
        {
            var ids = new string[RecentIds.Length + 1];
            RecentIds.AsSpan().CopyTo(ids);
            ids[^1] = eventId;
            RecentIds = ids;
            return;
        }

        // With the new id the only recent one, the earlier ids need one less than the window: the newest of both.
        var keep = Math.Min(EarlierIds.Length + RecentIds.Length, policy.DuplicateWindow - 1);
        var earlier = keep == 0 ? [] : new string[keep];
        var fromRecent = Math.Min(RecentIds.Length, keep);
        RecentIds.AsSpan(RecentIds.Length - fromRecent).CopyTo(earlier.AsSpan(keep - fromRecent));
        EarlierIds.AsSpan(EarlierIds.Length - (keep - fromRecent)).CopyTo(earlier);
        EarlierIds = earlier;
        RecentIds = [eventId];
    }

    public void AddActivity(CompiledPolicy policy, Instant at)
    {
        LastActivityAt = LastActivityAt is { } last && last > at ? last : at;
        var month = policy.Months.MonthOf(at);
        if (!_activityOwned && Activity.Length == policy.ActivityMonths)
        {
            // A span copy: Array.Clone goes through a slow runtime helper.
            Activity = Activity.AsSpan().ToArray();
            _activityOwned = true;
        }
        else if (!_activityOwned || Activity.Length != policy.ActivityMonths)
        {
            // Copy and re-align (the policy's window has changed, or the record came without counts) before the first write.
            var copy = new int[policy.ActivityMonths];
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = ActivityIn(ActivityMonth - (copy.Length - 1 - i));
            }

            Activity = copy;
            _activityOwned = true;
        }

        if (month > ActivityMonth)
        {
            var shift = month - ActivityMonth;
            if (shift >= Activity.Length)
            {
                Array.Clear(Activity);
            }
            else
            {
                Array.Copy(Activity, shift, Activity, 0, Activity.Length - shift);
                Array.Clear(Activity, Activity.Length - shift, shift);
            }

            ActivityMonth = month;
        }

        var index = Activity.Length - 1 - (ActivityMonth - month);
        if (index >= 0)
        {
            Activity[index]++;
        }
    }

    public void AddPurchase(CompiledPolicy policy, Instant at)
    {
        FirstPurchaseAt ??= at;
        LastPurchaseAt = at;
        if (policy.PurchaseCapacity == 0)
        {
            return;
        }

        var count = Math.Min(Purchases.Length + 1, policy.PurchaseCapacity);
        var kept = Math.Min(count - 1, Purchases.Length);
        var purchases = new Instant[count];
        Array.Copy(Purchases, Purchases.Length - kept, purchases, 0, kept);
        purchases[count - 1] = at;
        Purchases = purchases;
    }

    public void EnterStage(CompiledPolicy policy, int stage, Instant at)
    {
        if (!_stageTimesOwned)
        {
            StageTimes = StageTimes.AsSpan().ToArray();
            _stageTimesOwned = true;
        }

        var from = policy.Stages[Stage];
        var to = policy.Stages[stage];
        var toIndex = -1;
        for (var i = 0; i < StageTimes.Length; i++)
        {
            var time = StageTimes[i];
            if (time.Stage == from && time.IsOpen)
            {
                StageTimes[i] = time with { ClosedTime = time.ClosedTime + (at - time.LastEnteredAt), LastExitedAt = at, IsOpen = false };
            }

            if (time.Stage == to)
            {
                toIndex = i;
            }
        }

        if (toIndex >= 0)
        {
            var time = StageTimes[toIndex];
            StageTimes[toIndex] = time with { LastEnteredAt = at, Visits = time.Visits + 1, IsOpen = true };
        }
        else
        {
            StageTimes = [.. StageTimes, new StageTime(to, at, at, null, Duration.Zero, 1, IsOpen: true)];
        }

        PreviousStage = from;
        Stage = stage;
        StageEnteredAt = at;
        TransitionCount++;
    }

    /// <summary>Whether an id is among some ids.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Contains(ReadOnlySpan<string> ids, string eventId)
    {
        var length = eventId.Length;
        var last = eventId[^1];
        for (var i = NextCandidate(ids, 0, length, last); i < ids.Length; i = NextCandidate(ids, i + 1, length, last))
        {
            if (string.Equals(ids[i], eventId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first id from <paramref name="start"/> on with the given length and last character, or the ids' length.</summary>
    /// <remarks>Ids of one length (GUIDs, numbered ids) would each cost a full comparison; their last characters, where
    /// numbered ids differ and random ones differ as often as anywhere, rule out almost all of them first. Kept apart from
    /// the comparison so that this loop makes no call and keeps its variables in registers.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextCandidate(ReadOnlySpan<string> ids, int start, int length, char last)
    {
        var i = start;
        while (i < ids.Length && (ids[i] is not { } id || id.Length != length || id[length - 1] != last))
        {
            i++;
        }

        return i;
    }

    /// <summary>A count by index: 0 for an index the counts do not cover.</summary>
    private static int CountAt(ReadOnlySpan<int> counts, int index) => (uint)index < (uint)counts.Length ? counts[index] : 0;
}
