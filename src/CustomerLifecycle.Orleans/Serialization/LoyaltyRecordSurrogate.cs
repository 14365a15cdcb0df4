using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="LoyaltyRecord"/> on the wire and in grain storage: the member, the ledger's entries and the checkpoint
/// the engine wrote (kept, so that a reactivated grain's ledger starts on the sweep's fast path).</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyRecordSurrogate
{
    [Id(0)] public CustomerId Member;
    [Id(1)] public LoyaltyEntry[] Entries;
    [Id(2)] public LoyaltyCheckpoint? Checkpoint;
}

/// <summary>A <see cref="LoyaltyCheckpoint"/> on the wire, field by field.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyCheckpointSurrogate
{
    [Id(0)] public LoyaltyBalance Balance;
    [Id(1)] public Instant Until;
    [Id(2)] public long PolicyFingerprint;
    [Id(3)] public int EntryCount;
    [Id(4)] public string? LastEntryKey;
    [Id(5)] public Instant? LotsUntil;
    [Id(6)] public LoyaltyTierCheckpoint? Tier;
}

/// <summary>A <see cref="LoyaltyTierCheckpoint"/> on the wire, field by field.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyTierCheckpointSurrogate
{
    [Id(0)] public int EarnedLevel;
    [Id(1)] public int? MatchedLevel;
    [Id(2)] public Instant? MatchedUntil;
    [Id(3)] public Instant? ReviewAt;
    [Id(4)] public int? DropLevel;
    [Id(5)] public Instant? DropAt;
    [Id(6)] public Instant? DropDecidedAt;
    [Id(7)] public long QualifyingPoints;
    [Id(8)] public decimal QualifyingSpend;
}

/// <summary>Converts <see cref="LoyaltyTierCheckpoint"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyTierCheckpointConverter : IConverter<LoyaltyTierCheckpoint, LoyaltyTierCheckpointSurrogate>
{
    public LoyaltyTierCheckpoint ConvertFromSurrogate(in LoyaltyTierCheckpointSurrogate s) => new()
    {
        EarnedLevel = s.EarnedLevel,
        MatchedLevel = s.MatchedLevel,
        MatchedUntil = s.MatchedUntil,
        ReviewAt = s.ReviewAt,
        DropLevel = s.DropLevel,
        DropAt = s.DropAt,
        DropDecidedAt = s.DropDecidedAt,
        QualifyingPoints = s.QualifyingPoints,
        QualifyingSpend = s.QualifyingSpend,
    };

    public LoyaltyTierCheckpointSurrogate ConvertToSurrogate(in LoyaltyTierCheckpoint value) => new()
    {
        EarnedLevel = value.EarnedLevel,
        MatchedLevel = value.MatchedLevel,
        MatchedUntil = value.MatchedUntil,
        ReviewAt = value.ReviewAt,
        DropLevel = value.DropLevel,
        DropAt = value.DropAt,
        DropDecidedAt = value.DropDecidedAt,
        QualifyingPoints = value.QualifyingPoints,
        QualifyingSpend = value.QualifyingSpend,
    };
}

/// <summary>Converts <see cref="LoyaltyCheckpoint"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyCheckpointConverter : IConverter<LoyaltyCheckpoint, LoyaltyCheckpointSurrogate>
{
    public LoyaltyCheckpoint ConvertFromSurrogate(in LoyaltyCheckpointSurrogate s)
        => new() { Balance = s.Balance, Until = s.Until, LotsUntil = s.LotsUntil, Tier = s.Tier, PolicyFingerprint = s.PolicyFingerprint, EntryCount = s.EntryCount, LastEntryKey = s.LastEntryKey };

    public LoyaltyCheckpointSurrogate ConvertToSurrogate(in LoyaltyCheckpoint value) => new()
    {
        Balance = value.Balance,
        Until = value.Until,
        LotsUntil = value.LotsUntil,
        Tier = value.Tier,
        PolicyFingerprint = value.PolicyFingerprint,
        EntryCount = value.EntryCount,
        LastEntryKey = value.LastEntryKey,
    };
}

/// <summary>Converts <see cref="LoyaltyRecord"/> to and from its surrogate; the record read back equals the one written, checkpoint included.</summary>
[RegisterConverter]
internal sealed class LoyaltyRecordConverter : IConverter<LoyaltyRecord, LoyaltyRecordSurrogate>
{
    public LoyaltyRecord ConvertFromSurrogate(in LoyaltyRecordSurrogate surrogate)
        => new() { Member = surrogate.Member, Entries = [.. surrogate.Entries ?? []], Checkpoint = surrogate.Checkpoint };

    public LoyaltyRecordSurrogate ConvertToSurrogate(in LoyaltyRecord value)
        => new() { Member = value.Member, Entries = Arrays.Shared(value.Entries), Checkpoint = value.Checkpoint };
}

/// <summary>A <see cref="LoyaltyEntry"/> on the wire, field by field.</summary>
/// <remarks>Ids are never reused: a later release adds fields with new ids and reads what this one wrote.</remarks>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyEntrySurrogate
{
    [Id(0)] public string Key;
    [Id(1)] public LoyaltyEntryKind Kind;
    [Id(2)] public Instant At;
    [Id(3)] public long Points;
    [Id(4)] public string RuleId;
    [Id(5)] public string Reason;
    [Id(6)] public decimal? Multiplier;
    [Id(7)] public string? OrderId;
    [Id(8)] public decimal? Amount;
    [Id(9)] public string? RewardId;
    [Id(10)] public decimal? CashAmount;
    [Id(11)] public string? Target;
    [Id(12)] public string? Tier;
    [Id(13)] public Instant? AvailableFrom;
    [Id(14)] public Instant? ExpiresAt;
    [Id(15)] public string? TransferId;
    [Id(16)] public CustomerId? Counterpart;
    [Id(17)] public Instant? RollsExpiryTo;
    [Id(18)] public string[] AllocationLots;
    [Id(19)] public long[] AllocationPoints;
}

/// <summary>Converts <see cref="LoyaltyEntry"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyEntryConverter : IConverter<LoyaltyEntry, LoyaltyEntrySurrogate>
{
    public LoyaltyEntry ConvertFromSurrogate(in LoyaltyEntrySurrogate s)
    {
        var lots = s.AllocationLots ?? [];
        var points = s.AllocationPoints ?? [];
        return new()
        {
            Key = s.Key,
            Kind = s.Kind,
            At = s.At,
            Points = s.Points,
            RuleId = s.RuleId,
            Reason = s.Reason,
            Multiplier = s.Multiplier,
            OrderId = s.OrderId,
            Amount = s.Amount,
            RewardId = s.RewardId,
            CashAmount = s.CashAmount,
            Target = s.Target,
            Tier = s.Tier,
            AvailableFrom = s.AvailableFrom,
            ExpiresAt = s.ExpiresAt,
            TransferId = s.TransferId,
            Counterpart = s.Counterpart,
            RollsExpiryTo = s.RollsExpiryTo,
            Allocations = [.. lots.Select((lot, i) => new LoyaltyAllocation(lot, points[i]))],
        };
    }

    public LoyaltyEntrySurrogate ConvertToSurrogate(in LoyaltyEntry value) => new()
    {
        Key = value.Key,
        Kind = value.Kind,
        At = value.At,
        Points = value.Points,
        RuleId = value.RuleId,
        Reason = value.Reason,
        Multiplier = value.Multiplier,
        OrderId = value.OrderId,
        Amount = value.Amount,
        RewardId = value.RewardId,
        CashAmount = value.CashAmount,
        Target = value.Target,
        Tier = value.Tier,
        AvailableFrom = value.AvailableFrom,
        ExpiresAt = value.ExpiresAt,
        TransferId = value.TransferId,
        Counterpart = value.Counterpart,
        RollsExpiryTo = value.RollsExpiryTo,
        AllocationLots = [.. value.Allocations.Select(a => a.Lot)],
        AllocationPoints = [.. value.Allocations.Select(a => a.Points)],
    };
}
