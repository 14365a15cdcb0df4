using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>Writes a <see cref="Duration"/> as whole ticks; the stores only hold durations built from instants, which are tick-exact.</summary>
internal sealed class DurationTicksConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Duration.FromTicks(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.BclCompatibleTicks);
}
