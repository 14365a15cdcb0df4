using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="LoyaltyOutcome"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyOutcomeSurrogate
{
    [Id(0)] public LoyaltyOutcomeStatus Status;
    [Id(1)] public LoyaltyRecord? Record;
    [Id(2)] public LoyaltyEntry[] Entries;
    [Id(3)] public Reason[] Reasons;
    [Id(4)] public long Shortfall;
}

/// <summary>Converts <see cref="LoyaltyOutcome"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyOutcomeConverter : IConverter<LoyaltyOutcome, LoyaltyOutcomeSurrogate>
{
    public LoyaltyOutcome ConvertFromSurrogate(in LoyaltyOutcomeSurrogate s)
        => new() { Status = s.Status, Record = s.Record, Entries = [.. s.Entries ?? []], Reasons = s.Reasons ?? [], Shortfall = s.Shortfall };

    public LoyaltyOutcomeSurrogate ConvertToSurrogate(in LoyaltyOutcome value)
        => new() { Status = value.Status, Record = value.Record, Entries = Arrays.Shared(value.Entries), Reasons = [.. value.Reasons], Shortfall = value.Shortfall };
}

/// <summary>A <see cref="LoyaltyStatement"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyStatementSurrogate
{
    [Id(0)] public LoyaltyBalance Balance;
    [Id(1)] public LoyaltyLot[] Lots;
    [Id(2)] public LoyaltyTierStatus? Tier;
}

/// <summary>Converts <see cref="LoyaltyStatement"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyStatementConverter : IConverter<LoyaltyStatement, LoyaltyStatementSurrogate>
{
    public LoyaltyStatement ConvertFromSurrogate(in LoyaltyStatementSurrogate s) => new(s.Balance, [.. s.Lots ?? []]) { Tier = s.Tier };

    public LoyaltyStatementSurrogate ConvertToSurrogate(in LoyaltyStatement value) => new() { Balance = value.Balance, Lots = Arrays.Shared(value.Lots), Tier = value.Tier };
}

/// <summary>A <see cref="LoyaltyBalance"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyBalanceSurrogate
{
    [Id(0)] public CustomerId Member;
    [Id(1)] public Instant AsOf;
    [Id(2)] public long Available;
    [Id(3)] public long Pending;
    [Id(4)] public long Expired;
    [Id(5)] public long Redeemed;
    [Id(6)] public long Earned;
    [Id(7)] public long Reversed;
    [Id(8)] public long Debt;
    [Id(9)] public long ExpiringSoon;
    [Id(10)] public Instant? NextExpiry;
    [Id(11)] public decimal Value;
    [Id(12)] public int TierLevel;
}

/// <summary>Converts <see cref="LoyaltyBalance"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyBalanceConverter : IConverter<LoyaltyBalance, LoyaltyBalanceSurrogate>
{
    public LoyaltyBalance ConvertFromSurrogate(in LoyaltyBalanceSurrogate s)
        => new(s.Member, s.AsOf, s.Available, s.Pending, s.Expired, s.Redeemed, s.Earned, s.Reversed, s.Debt, s.ExpiringSoon, s.NextExpiry, s.Value, s.TierLevel);

    public LoyaltyBalanceSurrogate ConvertToSurrogate(in LoyaltyBalance v) => new()
    {
        Member = v.Member,
        AsOf = v.AsOf,
        Available = v.Available,
        Pending = v.Pending,
        Expired = v.Expired,
        Redeemed = v.Redeemed,
        Earned = v.Earned,
        Reversed = v.Reversed,
        Debt = v.Debt,
        ExpiringSoon = v.ExpiringSoon,
        NextExpiry = v.NextExpiry,
        Value = v.Value,
        TierLevel = v.TierLevel,
    };
}

/// <summary>A <see cref="LoyaltyLot"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyLotSurrogate
{
    [Id(0)] public string Key;
    [Id(1)] public Instant EarnedAt;
    [Id(2)] public Instant AvailableFrom;
    [Id(3)] public Instant ExpiresAt;
    [Id(4)] public long Points;
    [Id(5)] public long Remaining;
    [Id(6)] public LoyaltyLotState State;
}

/// <summary>Converts <see cref="LoyaltyLot"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyLotConverter : IConverter<LoyaltyLot, LoyaltyLotSurrogate>
{
    public LoyaltyLot ConvertFromSurrogate(in LoyaltyLotSurrogate s) => new(s.Key, s.EarnedAt, s.AvailableFrom, s.ExpiresAt, s.Points, s.Remaining, s.State);

    public LoyaltyLotSurrogate ConvertToSurrogate(in LoyaltyLot v) => new()
    {
        Key = v.Key,
        EarnedAt = v.EarnedAt,
        AvailableFrom = v.AvailableFrom,
        ExpiresAt = v.ExpiresAt,
        Points = v.Points,
        Remaining = v.Remaining,
        State = v.State,
    };
}

/// <summary>A <see cref="LoyaltyTierStatus"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyTierStatusSurrogate
{
    [Id(0)] public string Tier;
    [Id(1)] public int Level;
    [Id(2)] public string Name;
    [Id(3)] public Instant? Since;
    [Id(4)] public Instant? ReviewAt;
    [Id(5)] public Instant? DropsAt;
    [Id(6)] public Instant? MatchedUntil;
    [Id(7)] public Instant WindowStart;
    [Id(8)] public long QualifyingPoints;
    [Id(9)] public decimal QualifyingSpend;
    [Id(10)] public decimal Multiplier;
    [Id(11)] public string[] Benefits;
    [Id(12)] public string? NextTier;
    [Id(13)] public long? PointsToNextTier;
    [Id(14)] public decimal? SpendToNextTier;
    [Id(15)] public LoyaltyTierChange[] Changes;
}

/// <summary>Converts <see cref="LoyaltyTierStatus"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyTierStatusConverter : IConverter<LoyaltyTierStatus, LoyaltyTierStatusSurrogate>
{
    public LoyaltyTierStatus ConvertFromSurrogate(in LoyaltyTierStatusSurrogate s) => new()
    {
        Tier = s.Tier,
        Level = s.Level,
        Name = s.Name,
        Since = s.Since,
        ReviewAt = s.ReviewAt,
        DropsAt = s.DropsAt,
        MatchedUntil = s.MatchedUntil,
        WindowStart = s.WindowStart,
        QualifyingPoints = s.QualifyingPoints,
        QualifyingSpend = s.QualifyingSpend,
        Multiplier = s.Multiplier,
        Benefits = [.. s.Benefits ?? []],
        NextTier = s.NextTier,
        PointsToNextTier = s.PointsToNextTier,
        SpendToNextTier = s.SpendToNextTier,
        Changes = [.. s.Changes ?? []],
    };

    public LoyaltyTierStatusSurrogate ConvertToSurrogate(in LoyaltyTierStatus v) => new()
    {
        Tier = v.Tier,
        Level = v.Level,
        Name = v.Name,
        Since = v.Since,
        ReviewAt = v.ReviewAt,
        DropsAt = v.DropsAt,
        MatchedUntil = v.MatchedUntil,
        WindowStart = v.WindowStart,
        QualifyingPoints = v.QualifyingPoints,
        QualifyingSpend = v.QualifyingSpend,
        Multiplier = v.Multiplier,
        Benefits = Arrays.Shared(v.Benefits),
        NextTier = v.NextTier,
        PointsToNextTier = v.PointsToNextTier,
        SpendToNextTier = v.SpendToNextTier,
        Changes = Arrays.Shared(v.Changes),
    };
}

/// <summary>A <see cref="LoyaltyTierChange"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LoyaltyTierChangeSurrogate
{
    [Id(0)] public Instant At;
    [Id(1)] public string From;
    [Id(2)] public string To;
    [Id(3)] public string Code;
    [Id(4)] public string Reason;
}

/// <summary>Converts <see cref="LoyaltyTierChange"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LoyaltyTierChangeConverter : IConverter<LoyaltyTierChange, LoyaltyTierChangeSurrogate>
{
    public LoyaltyTierChange ConvertFromSurrogate(in LoyaltyTierChangeSurrogate s) => new(s.At, s.From, s.To, s.Code, s.Reason);

    public LoyaltyTierChangeSurrogate ConvertToSurrogate(in LoyaltyTierChange v) => new() { At = v.At, From = v.From, To = v.To, Code = v.Code, Reason = v.Reason };
}
