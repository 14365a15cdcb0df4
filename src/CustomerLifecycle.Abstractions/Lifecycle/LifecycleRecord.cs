using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>What the lifecycle engine knows about one customer: the stage, the time in each stage and bounded activity figures.</summary>
/// <remarks>
/// <para>The host stores this record (see <see cref="ILifecycleStore"/>); the engine never mutates it but returns a new one.
/// Its size is bounded however long the customer's history: activity is kept as monthly counts over a fixed window,
/// purchases as the few most recent instants the rules need, and duplicate detection as the ids of the last events (the
/// policy's duplicate window of them, in <see cref="RecentEventIds"/>).</para>
/// <para>Two records are equal when every property is equal, collections compared element by element. A collection set
/// to a default (uninitialised) array reads as empty, as does one a serializer leaves out.</para>
/// <para>A store that serialises records should keep <see cref="SchemaVersion"/> with them: it names the shape a stored
/// record has, so that a later release can migrate what an earlier one wrote.</para>
/// </remarks>
public sealed record LifecycleRecord
{
    /// <summary>The shape of records this release writes.</summary>
    /// <remarks>1: the event ids in two lists (<c>EarlierEventIds</c>, then <c>RecentEventIds</c>), 0.1 previews.
    /// 2: the event ids in one list, <see cref="RecentEventIds"/>.</remarks>
    public const int CurrentSchemaVersion = 2;

    // The ids of the last events are kept in two parts so that an event copies a few ids instead of the whole window: the
    // newest few (copied by each event) and the ones before (shared from record to record until the newest move there).
    // RecentEventIds is both, in order; the parts are the engine's business and are not persisted.
    private readonly string[] _earlierIds = [];
    private readonly string[] _newestIds = [];
    private readonly int _window;
    private readonly ImmutableArray<int> _monthlyActivity;
    private readonly ImmutableArray<Instant> _recentPurchases;
    private readonly ImmutableArray<StageTime> _stageTimes;

    // The joined list, built on first read and valid while the parts it was built from are this record's: a `with` that
    // changes a part leaves it behind without the init accessors having to reset it, so that they stay plain field writes.
    private JoinedIds? _joined;

    /// <summary>Gets the shape this record has; <see cref="CurrentSchemaVersion"/> for records of this release.</summary>
    /// <value>The default value is <see cref="CurrentSchemaVersion"/>.</value>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

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
    public ImmutableArray<int> MonthlyActivity { get => _monthlyActivity.IsDefault ? [] : _monthlyActivity; init => _monthlyActivity = value; }

    /// <summary>Gets the most recent purchase instants, oldest first (as many as the policy's rules look at).</summary>
    public ImmutableArray<Instant> RecentPurchases { get => _recentPurchases.IsDefault ? [] : _recentPurchases; init => _recentPurchases = value; }

    /// <summary>Gets the time spent in each stage visited, in order of first visit.</summary>
    public ImmutableArray<StageTime> StageTimes { get => _stageTimes.IsDefault ? [] : _stageTimes; init => _stageTimes = value; }

    /// <summary>Gets <see cref="MonthlyActivity"/>'s array as stored, null when default (the engine's read: no check to inline).</summary>
    internal int[]? MonthlyActivityArray => ImmutableCollectionsMarshal.AsArray(_monthlyActivity);

    /// <summary>Gets <see cref="RecentPurchases"/>'s array as stored, null when default.</summary>
    internal Instant[]? RecentPurchasesArray => ImmutableCollectionsMarshal.AsArray(_recentPurchases);

    /// <summary>Gets <see cref="StageTimes"/>'s array as stored, null when default.</summary>
    internal StageTime[]? StageTimesArray => ImmutableCollectionsMarshal.AsArray(_stageTimes);

    /// <summary>Gets the ids of the last events applied, oldest first: an event whose id is among them is a duplicate.</summary>
    /// <remarks>A record the engine writes holds the ids of its policy's last <c>DuplicateWindow</c> events (all of them
    /// while there are fewer). A record a host builds holds what the host sets; the engine looks for duplicates among the
    /// newest <c>DuplicateWindow</c> of them and drops the older ones as it applies events.</remarks>
    public ImmutableArray<string> RecentEventIds
    {
        get
        {
            var count = _earlierIds.Length + _newestIds.Length;
            var shown = _window > 0 ? Math.Min(count, _window) : count;
            if (shown == _newestIds.Length)
            {
                return ImmutableCollectionsMarshal.AsImmutableArray(_newestIds);
            }

            var joined = _joined;
            if (joined is null || !ReferenceEquals(joined.Earlier, _earlierIds) || !ReferenceEquals(joined.Newest, _newestIds) || joined.Shown != shown)
            {
                // Read by hosts and serialisers, not by the engine: joined once per record, on first read.
                var ids = new string[shown];
                for (var i = 0; i < shown; i++)
                {
                    ids[i] = EventIdAt(count - shown + i);
                }

                joined = new JoinedIds(_earlierIds, _newestIds, shown, ImmutableCollectionsMarshal.AsImmutableArray(ids));
                _joined = joined;
            }

            return joined.Ids;
        }

        init
        {
            // All in the newest part: the engine's next event trims them to its window as it moves them.
            _earlierIds = [];
            _newestIds = ImmutableCollectionsMarshal.AsArray(value) ?? [];
            _window = 0;
        }
    }

    /// <summary>Gets the older part of <see cref="RecentEventIds"/>, shared from record to record (the engine's).</summary>
    internal string[] EarlierEventIdsPart
    {
        get => _earlierIds;
        init => _earlierIds = value ?? [];
    }

    /// <summary>Gets the newest part of <see cref="RecentEventIds"/>, copied by each event (the engine's).</summary>
    internal string[] NewestEventIdsPart
    {
        get => _newestIds;
        init => _newestIds = value ?? [];
    }

    /// <summary>Gets how many of the parts' ids <see cref="RecentEventIds"/> shows, the newest (the engine's policy's
    /// duplicate window; 0 for all): the parts may hold a few more, which the engine trims once every few events.</summary>
    internal int EventIdWindow
    {
        get => _window;
        init => _window = value;
    }

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
                && SchemaVersion == other.SchemaVersion
                && ActivityMonth == other.ActivityMonth
                && EventCount == other.EventCount
                && TransitionCount == other.TransitionCount
                && NextCheckAt == other.NextCheckAt
                && PolicyFingerprint == other.PolicyFingerprint
                && MonthlyActivity.AsSpan().SequenceEqual(other.MonthlyActivity.AsSpan())
                && RecentPurchases.AsSpan().SequenceEqual(other.RecentPurchases.AsSpan())
                && StageTimes.AsSpan().SequenceEqual(other.StageTimes.AsSpan())
                && EventIdsEqual(other)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Customer, Stage, StageEnteredAt, LastEventAt, EventCount, TransitionCount);

    /// <summary>Whether both records show the same event ids in the same order, however the engine splits them into parts.</summary>
    private bool EventIdsEqual(LifecycleRecord other) => RecentEventIds.AsSpan().SequenceEqual(other.RecentEventIds.AsSpan());

    private string EventIdAt(int index) => index < _earlierIds.Length ? _earlierIds[index] : _newestIds[index - _earlierIds.Length];

    /// <summary>The joined ids and the parts they were joined from.</summary>
    private sealed record JoinedIds(string[] Earlier, string[] Newest, int Shown, ImmutableArray<string> Ids);
}
