using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>Writes a <see cref="CustomerId"/> as its string value.</summary>
internal sealed class CustomerIdConverter : JsonConverter<CustomerId>
{
    public override CustomerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => CustomerId.From(reader.GetString() ?? throw new JsonException("A customer id is null."));

    public override void Write(Utf8JsonWriter writer, CustomerId value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}
