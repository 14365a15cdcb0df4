using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="StageTime"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct StageTimeSurrogate
{
    [Id(0)]
    public string Stage;

    [Id(1)]
    public Instant FirstEnteredAt;

    [Id(2)]
    public Instant LastEnteredAt;

    [Id(3)]
    public Instant? LastExitedAt;

    [Id(4)]
    public Duration ClosedTime;

    [Id(5)]
    public int Visits;

    [Id(6)]
    public bool IsOpen;
}

/// <summary>Converts <see cref="StageTime"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class StageTimeConverter : IConverter<StageTime, StageTimeSurrogate>
{
    public StageTime ConvertFromSurrogate(in StageTimeSurrogate surrogate)
        => new(surrogate.Stage, surrogate.FirstEnteredAt, surrogate.LastEnteredAt, surrogate.LastExitedAt, surrogate.ClosedTime, surrogate.Visits, surrogate.IsOpen);

    public StageTimeSurrogate ConvertToSurrogate(in StageTime value) => new()
    {
        Stage = value.Stage,
        FirstEnteredAt = value.FirstEnteredAt,
        LastEnteredAt = value.LastEnteredAt,
        LastExitedAt = value.LastExitedAt,
        ClosedTime = value.ClosedTime,
        Visits = value.Visits,
        IsOpen = value.IsOpen,
    };
}
