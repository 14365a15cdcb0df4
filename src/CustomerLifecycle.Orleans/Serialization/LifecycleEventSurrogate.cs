using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="LifecycleEvent"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct LifecycleEventSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public CustomerId Customer;
    [Id(2)] public LifecycleEventKind Kind;
    [Id(3)] public Instant OccurredAt;
    [Id(4)] public int? Score;
    [Id(5)] public string? HealthBand;
    [Id(6)] public string? Name;
}

/// <summary>Converts <see cref="LifecycleEvent"/> to and from its surrogate.</summary>
/// <remarks>An event is rebuilt through the factory of its kind, which validates every field: a malformed event (a blank
/// id, a default customer, a score out of range, a value missing for its kind) fails to deserialise with the factory's
/// exception and never reaches a grain.</remarks>
[RegisterConverter]
internal sealed class LifecycleEventConverter : IConverter<LifecycleEvent, LifecycleEventSurrogate>
{
    public LifecycleEvent ConvertFromSurrogate(in LifecycleEventSurrogate surrogate) => surrogate.Kind switch
    {
        LifecycleEventKind.NpsAnswer => LifecycleEvent.NpsAnswer(surrogate.Id, surrogate.Customer, surrogate.OccurredAt, surrogate.Score
            ?? throw new ArgumentException($"The NpsAnswer event {surrogate.Id} has no score.", nameof(surrogate))),
        LifecycleEventKind.HealthBandChanged => LifecycleEvent.HealthBandChanged(surrogate.Id, surrogate.Customer, surrogate.OccurredAt, surrogate.HealthBand!),
        LifecycleEventKind.Custom => LifecycleEvent.Custom(surrogate.Id, surrogate.Customer, surrogate.OccurredAt, surrogate.Name!),
        _ => LifecycleEvent.Create(surrogate.Id, surrogate.Customer, surrogate.Kind, surrogate.OccurredAt),
    };

    public LifecycleEventSurrogate ConvertToSurrogate(in LifecycleEvent value) => new()
    {
        Id = value.Id,
        Customer = value.Customer,
        Kind = value.Kind,
        OccurredAt = value.OccurredAt,
        Score = value.Score,
        HealthBand = value.HealthBand,
        Name = value.Name,
    };
}
