using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>What the lifecycle engine knows about one customer: the stage, the time in each stage and bounded activity figures.</summary>
/// <remarks>
/// <para>The host stores this record (see <see cref="ILifecycleStore"/>); the engine never mutates it but returns a new one.
/// Its size is bounded however long the customer's history: activity is kept as monthly counts over a fixed window,
/// purchases as the few most recent instants the rules need, and duplicate detection as the ids of the last events (the
/// policy's window and a few more, in <see cref="EarlierEventIds"/> and <see cref="RecentEventIds"/>).</para>
/// <para>Two records are equal when every property is equal, collections compared element by element. A collection set
/// to a default (uninitialised) array reads as empty, as does one a serializer leaves out, such as a record stored before
/// the property existed.</para>
/// </remarks>
public sealed record LifecycleRecord
{
    /// <summary>Gets the customer.</summary>
    public required CustomerId Customer { get; init; }

    /// <summary>Gets the current stage's name.</summary>
    public required string Stage { get; init; }

    /// <summary>Gets the stage before the current one; null while the customer is in the initial stage.</summary>
    public string? PreviousStage { get; init; }

    /// <summary>Gets when the customer entered the current stage.</summary>
    public required Instant StageEnteredAt { get; init; }

    /// <summary>Gets the instant of the first event the record saw: the record's start.</summary>
    public required Instant FirstSeenAt { get; init; }

    /// <summary>Gets the latest occurrence instant among the events applied; an older event is reported late.</summary>
    public required Instant LastEventAt { get; init; }

    /// <summary>Gets the first purchase; null before any.</summary>
    public Instant? FirstPurchaseAt { get; init; }

    /// <summary>Gets the latest purchase; null before any.</summary>
    public Instant? LastPurchaseAt { get; init; }

    /// <summary>Gets the latest activity (a purchase or a usage event); null before any.</summary>
    public Instant? LastActivityAt { get; init; }

    /// <summary>Gets the latest contact; null before any.</summary>
    public Instant? LastContactAt { get; init; }

    /// <summary>Gets the latest referral; null before any.</summary>
    public Instant? LastReferralAt { get; init; }

    /// <summary>Gets when the customer was last reactivated (entered a stage of kind Reactivated); null if never.</summary>
    public Instant? ReactivatedAt { get; init; }

    /// <summary>Gets the latest NPS answer (0–10); null before any.</summary>
    public int? LatestNps { get; init; }

    /// <summary>Gets the latest health band reported; null before any.</summary>
    public string? HealthBand { get; init; }

    /// <summary>Gets the activity level the customer had when they last started declining (the comparison window's count); null if never.</summary>
    public int? DeclineBaseline { get; init; }

    /// <summary>Gets the month of the newest entry of <see cref="MonthlyActivity"/>, as <c>year × 12 + month − 1</c> in the policy's time zone.</summary>
    public int ActivityMonth { get; init; }

    /// <summary>Gets the activity counts per calendar month, oldest first, the newest for <see cref="ActivityMonth"/>.</summary>
    public ImmutableArray<int> MonthlyActivity { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the most recent purchase instants, oldest first (as many as the policy's rules look at).</summary>
    public ImmutableArray<Instant> RecentPurchases { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the time spent in each stage visited, in order of first visit.</summary>
    public ImmutableArray<StageTime> StageTimes { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the ids of the most recent events applied, oldest first, for duplicate detection.</summary>
    /// <remarks>The ids checked for duplicates are <see cref="EarlierEventIds"/> followed by these: the newest few, which each
    /// event copies, while the rest is shared from record to record.</remarks>
    public ImmutableArray<string> RecentEventIds { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => field.IsDefault ? [] : field; init; }

    /// <summary>Gets the ids of the events applied before <see cref="RecentEventIds"/>, oldest first, for duplicate detection.</summary>
    /// <remarks>The engine moves <see cref="RecentEventIds"/> here once every few events, so that an event copies a few ids
    /// rather than the whole duplicate window.</remarks>
    public ImmutableArray<string> EarlierEventIds { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => field.IsDefault ? [] : field; init; }

    /// <summary>
    /// Gets the earliest instant at which a time-based rule can fire without a new event (<see cref="Instant.MaxValue"/> when
    /// none can), as worked out by the policy named by <see cref="PolicyFingerprint"/>. Hosts can sweep only the records
    /// due (<c>NextCheckAt &lt;= asOf</c>); the engine's batch sweep skips the others without evaluating them.
    /// </summary>
    public Instant NextCheckAt { get; init; }

    /// <summary>Gets the fingerprint of the policy that computed <see cref="NextCheckAt"/>; under another policy the record is evaluated in full.</summary>
    public int PolicyFingerprint { get; init; }

    /// <summary>Gets the number of events applied.</summary>
    public long EventCount { get; init; }

    /// <summary>Gets the number of stage transitions made.</summary>
    public long TransitionCount { get; init; }

    /// <summary>The time spent in <paramref name="stage"/> up to <paramref name="asOf"/>, over all visits.</summary>
    /// <param name="stage">The stage's name.</param>
    /// <param name="asOf">The instant to measure an open visit to.</param>
    /// <returns>The time, or <see cref="Duration.Zero"/> for a stage never visited.</returns>
    public Duration TimeInStage(string stage, Instant asOf)
    {
        foreach (var time in StageTimes)
        {
            if (time.Stage == stage)
            {
                return time.TimeInStage(asOf);
            }
        }

        return Duration.Zero;
    }

    /// <inheritdoc/>
    public bool Equals(LifecycleRecord? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Customer == other.Customer
                && Stage == other.Stage
                && PreviousStage == other.PreviousStage
                && StageEnteredAt == other.StageEnteredAt
                && FirstSeenAt == other.FirstSeenAt
                && LastEventAt == other.LastEventAt
                && FirstPurchaseAt == other.FirstPurchaseAt
                && LastPurchaseAt == other.LastPurchaseAt
                && LastActivityAt == other.LastActivityAt
                && LastContactAt == other.LastContactAt
                && LastReferralAt == other.LastReferralAt
                && ReactivatedAt == other.ReactivatedAt
                && LatestNps == other.LatestNps
                && HealthBand == other.HealthBand
                && DeclineBaseline == other.DeclineBaseline
                && ActivityMonth == other.ActivityMonth
                && EventCount == other.EventCount
                && TransitionCount == other.TransitionCount
                && NextCheckAt == other.NextCheckAt
                && PolicyFingerprint == other.PolicyFingerprint
                && MonthlyActivity.AsSpan().SequenceEqual(other.MonthlyActivity.AsSpan())
                && RecentPurchases.AsSpan().SequenceEqual(other.RecentPurchases.AsSpan())
                && StageTimes.AsSpan().SequenceEqual(other.StageTimes.AsSpan())
                && RecentEventIds.AsSpan().SequenceEqual(other.RecentEventIds.AsSpan())
                && EarlierEventIds.AsSpan().SequenceEqual(other.EarlierEventIds.AsSpan())));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Customer, Stage, StageEnteredAt, LastEventAt, EventCount, TransitionCount);
}
