using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A NodaTime <see cref="Duration"/> on the wire: whole days and the nanoseconds within the day, both signed
/// like the duration, so that every duration and every instant (as its distance from the Unix epoch) round-trips exactly.</summary>
[GenerateSerializer]
[Immutable]
internal struct DurationSurrogate
{
    [Id(0)]
    public int Days;

    [Id(1)]
    public long NanosecondOfDay;

    public static DurationSurrogate From(Duration duration) => new() { Days = duration.Days, NanosecondOfDay = duration.NanosecondOfDay };

    public readonly Duration ToDuration() => Duration.FromDays(Days) + Duration.FromNanoseconds(NanosecondOfDay);
}

/// <summary>A NodaTime <see cref="Instant"/> on the wire: its distance from the Unix epoch.</summary>
[GenerateSerializer]
[Immutable]
internal struct InstantSurrogate
{
    [Id(0)]
    public DurationSurrogate SinceEpoch;
}

/// <summary>Converts <see cref="Duration"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class DurationConverter : IConverter<Duration, DurationSurrogate>
{
    public Duration ConvertFromSurrogate(in DurationSurrogate surrogate) => surrogate.ToDuration();

    public DurationSurrogate ConvertToSurrogate(in Duration value) => DurationSurrogate.From(value);
}

/// <summary>Converts <see cref="Instant"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class InstantConverter : IConverter<Instant, InstantSurrogate>
{
    public Instant ConvertFromSurrogate(in InstantSurrogate surrogate) => NodaConstants.UnixEpoch + surrogate.SinceEpoch.ToDuration();

    public InstantSurrogate ConvertToSurrogate(in Instant value) => new() { SinceEpoch = DurationSurrogate.From(value - NodaConstants.UnixEpoch) };
}

/// <summary>A NodaTime ISO <see cref="LocalDate"/> on the wire: year, month and day.</summary>
[GenerateSerializer]
[Immutable]
internal struct LocalDateSurrogate
{
    [Id(0)]
    public int Year;

    [Id(1)]
    public int Month;

    [Id(2)]
    public int Day;
}

/// <summary>Converts an ISO <see cref="LocalDate"/> (the SDK's only calendar) to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LocalDateConverter : IConverter<LocalDate, LocalDateSurrogate>
{
    public LocalDate ConvertFromSurrogate(in LocalDateSurrogate surrogate) => new(surrogate.Year, surrogate.Month, surrogate.Day);

    public LocalDateSurrogate ConvertToSurrogate(in LocalDate value) => new() { Year = value.Year, Month = value.Month, Day = value.Day };
}
