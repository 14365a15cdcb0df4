using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>Writes a <see cref="Duration"/> as whole ticks when exact (see <see cref="TimeJson"/>).</summary>
internal sealed class DurationTicksConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimeJson.ReadDuration(ref reader);

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
        => TimeJson.Write(writer, value);
}
