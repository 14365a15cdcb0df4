using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>Writes an <see cref="Instant"/> as a number of <typeparamref name="TUnit"/> (see <see cref="TimeJson{TUnit}"/>): compact and fast to read back.</summary>
/// <typeparam name="TUnit">The unit.</typeparam>
internal sealed class InstantConverter<TUnit> : JsonConverter<Instant>
    where TUnit : ITimeUnit
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimeJson<TUnit>.ReadInstant(ref reader);

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => TimeJson<TUnit>.Write(writer, value);
}

/// <summary>Writes a <see cref="Duration"/> as a number of <typeparamref name="TUnit"/> when exact (see <see cref="TimeJson{TUnit}"/>).</summary>
/// <typeparam name="TUnit">The unit.</typeparam>
internal sealed class DurationConverter<TUnit> : JsonConverter<Duration>
    where TUnit : ITimeUnit
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimeJson<TUnit>.ReadDuration(ref reader);

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
        => TimeJson<TUnit>.Write(writer, value);
}
