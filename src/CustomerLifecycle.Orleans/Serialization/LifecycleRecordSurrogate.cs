using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="LifecycleRecord"/> on the wire and in grain storage: its public properties, field by field.</summary>
/// <remarks>Ids are never reused: a later release adds fields with new ids and reads what this one wrote (the record's
/// <see cref="LifecycleRecord.SchemaVersion"/> travels with it).</remarks>
[GenerateSerializer]
[Immutable]
internal struct LifecycleRecordSurrogate
{
    [Id(0)] public int SchemaVersion;
    [Id(1)] public CustomerId Customer;
    [Id(2)] public string Stage;
    [Id(3)] public string? PreviousStage;
    [Id(4)] public Instant StageEnteredAt;
    [Id(5)] public Instant FirstSeenAt;
    [Id(6)] public Instant LastEventAt;
    [Id(7)] public Instant? FirstPurchaseAt;
    [Id(8)] public Instant? LastPurchaseAt;
    [Id(9)] public Instant? LastActivityAt;
    [Id(10)] public Instant? LastContactAt;
    [Id(11)] public Instant? LastReferralAt;
    [Id(12)] public Instant? ReactivatedAt;
    [Id(13)] public int? LatestNps;
    [Id(14)] public string? HealthBand;
    [Id(15)] public int? DeclineBaseline;
    [Id(16)] public int ActivityMonth;
    [Id(17)] public int[] MonthlyActivity;
    [Id(18)] public Instant[] RecentPurchases;
    [Id(19)] public StageTime[] StageTimes;
    [Id(20)] public string[] RecentEventIds;
    [Id(21)] public Instant NextCheckAt;
    [Id(22)] public int PolicyFingerprint;
    [Id(23)] public long EventCount;
    [Id(24)] public long TransitionCount;
}

/// <summary>Converts <see cref="LifecycleRecord"/> to and from its surrogate; the record read back equals the one written.</summary>
[RegisterConverter]
internal sealed class LifecycleRecordConverter : IConverter<LifecycleRecord, LifecycleRecordSurrogate>
{
    public LifecycleRecord ConvertFromSurrogate(in LifecycleRecordSurrogate surrogate) => new()
    {
        SchemaVersion = surrogate.SchemaVersion,
        Customer = surrogate.Customer,
        Stage = surrogate.Stage,
        PreviousStage = surrogate.PreviousStage,
        StageEnteredAt = surrogate.StageEnteredAt,
        FirstSeenAt = surrogate.FirstSeenAt,
        LastEventAt = surrogate.LastEventAt,
        FirstPurchaseAt = surrogate.FirstPurchaseAt,
        LastPurchaseAt = surrogate.LastPurchaseAt,
        LastActivityAt = surrogate.LastActivityAt,
        LastContactAt = surrogate.LastContactAt,
        LastReferralAt = surrogate.LastReferralAt,
        ReactivatedAt = surrogate.ReactivatedAt,
        LatestNps = surrogate.LatestNps,
        HealthBand = surrogate.HealthBand,
        DeclineBaseline = surrogate.DeclineBaseline,
        ActivityMonth = surrogate.ActivityMonth,
        MonthlyActivity = [.. surrogate.MonthlyActivity ?? []],
        RecentPurchases = [.. surrogate.RecentPurchases ?? []],
        StageTimes = [.. surrogate.StageTimes ?? []],
        RecentEventIds = [.. surrogate.RecentEventIds ?? []],
        NextCheckAt = surrogate.NextCheckAt,
        PolicyFingerprint = surrogate.PolicyFingerprint,
        EventCount = surrogate.EventCount,
        TransitionCount = surrogate.TransitionCount,
    };

    public LifecycleRecordSurrogate ConvertToSurrogate(in LifecycleRecord value) => new()
    {
        SchemaVersion = value.SchemaVersion,
        Customer = value.Customer,
        Stage = value.Stage,
        PreviousStage = value.PreviousStage,
        StageEnteredAt = value.StageEnteredAt,
        FirstSeenAt = value.FirstSeenAt,
        LastEventAt = value.LastEventAt,
        FirstPurchaseAt = value.FirstPurchaseAt,
        LastPurchaseAt = value.LastPurchaseAt,
        LastActivityAt = value.LastActivityAt,
        LastContactAt = value.LastContactAt,
        LastReferralAt = value.LastReferralAt,
        ReactivatedAt = value.ReactivatedAt,
        LatestNps = value.LatestNps,
        HealthBand = value.HealthBand,
        DeclineBaseline = value.DeclineBaseline,
        ActivityMonth = value.ActivityMonth,
        MonthlyActivity = Arrays.Shared(value.MonthlyActivity),
        RecentPurchases = Arrays.Shared(value.RecentPurchases),
        StageTimes = Arrays.Shared(value.StageTimes),
        RecentEventIds = Arrays.Shared(value.RecentEventIds),
        NextCheckAt = value.NextCheckAt,
        PolicyFingerprint = value.PolicyFingerprint,
        EventCount = value.EventCount,
        TransitionCount = value.TransitionCount,
    };
}
