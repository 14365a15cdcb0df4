using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="ProfileOrder"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct ProfileOrderSurrogate
{
    [Id(0)] public string OrderId;
    [Id(1)] public Instant At;
    [Id(2)] public double Amount;
    [Id(3)] public double Refunded;
}

/// <summary>Converts <see cref="ProfileOrder"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ProfileOrderConverter : IConverter<ProfileOrder, ProfileOrderSurrogate>
{
    public ProfileOrder ConvertFromSurrogate(in ProfileOrderSurrogate surrogate) => new(surrogate.OrderId, surrogate.At, surrogate.Amount, surrogate.Refunded);

    public ProfileOrderSurrogate ConvertToSurrogate(in ProfileOrder value)
        => new() { OrderId = value.OrderId, At = value.At, Amount = value.Amount, Refunded = value.Refunded };
}

/// <summary>A <see cref="ProfileOpenItem"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct ProfileOpenItemSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public Instant At;
}

/// <summary>Converts <see cref="ProfileOpenItem"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ProfileOpenItemConverter : IConverter<ProfileOpenItem, ProfileOpenItemSurrogate>
{
    public ProfileOpenItem ConvertFromSurrogate(in ProfileOpenItemSurrogate surrogate) => new(surrogate.Id, surrogate.At);

    public ProfileOpenItemSurrogate ConvertToSurrogate(in ProfileOpenItem value) => new() { Id = value.Id, At = value.At };
}

/// <summary>A <see cref="ProfileDayCount"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct ProfileDayCountSurrogate
{
    [Id(0)] public int Day;
    [Id(1)] public int Count;
}

/// <summary>Converts <see cref="ProfileDayCount"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ProfileDayCountConverter : IConverter<ProfileDayCount, ProfileDayCountSurrogate>
{
    public ProfileDayCount ConvertFromSurrogate(in ProfileDayCountSurrogate surrogate) => new(surrogate.Day, surrogate.Count);

    public ProfileDayCountSurrogate ConvertToSurrogate(in ProfileDayCount value) => new() { Day = value.Day, Count = value.Count };
}

/// <summary>A <see cref="ProfileMonthUsage"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct ProfileMonthUsageSurrogate
{
    [Id(0)] public int Month;
    [Id(1)] public long Quantity;
}

/// <summary>Converts <see cref="ProfileMonthUsage"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class ProfileMonthUsageConverter : IConverter<ProfileMonthUsage, ProfileMonthUsageSurrogate>
{
    public ProfileMonthUsage ConvertFromSurrogate(in ProfileMonthUsageSurrogate surrogate) => new(surrogate.Month, surrogate.Quantity);

    public ProfileMonthUsageSurrogate ConvertToSurrogate(in ProfileMonthUsage value) => new() { Month = value.Month, Quantity = value.Quantity };
}

/// <summary>A <see cref="LeadInteraction"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LeadInteractionSurrogate
{
    [Id(0)] public string Kind;
    [Id(1)] public Instant At;
}

/// <summary>Converts <see cref="LeadInteraction"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LeadInteractionConverter : IConverter<LeadInteraction, LeadInteractionSurrogate>
{
    public LeadInteraction ConvertFromSurrogate(in LeadInteractionSurrogate surrogate) => new(surrogate.Kind, surrogate.At);

    public LeadInteractionSurrogate ConvertToSurrogate(in LeadInteraction value) => new() { Kind = value.Kind, At = value.At };
}
