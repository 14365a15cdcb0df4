using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>Writes an <see cref="Instant"/> as its unix ticks (see <see cref="TimeJson"/>): compact and fast to read back.</summary>
internal sealed class InstantTicksConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimeJson.ReadInstant(ref reader);

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => TimeJson.Write(writer, value);
}
