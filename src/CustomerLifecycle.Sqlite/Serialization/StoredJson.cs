using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>What reading any stored record's JSON needs: UTF-8 once, and a look at its top-level properties.</summary>
internal static class StoredJson
{
    /// <summary>Reads UTF-8 JSON.</summary>
    public delegate T Reader<out T>(ReadOnlySpan<byte> utf8);

    /// <summary>Transcodes <paramref name="json"/> to UTF-8 once, into a pooled buffer, and reads it.</summary>
    public static T Read<T>(string json, Reader<T> read)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return read(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether the JSON is an object without a top-level property <paramref name="name"/>; the same text inside a
    /// value or a nested object does not count. JSON that is not an object (null, an array) is not one: the serializer reports it.</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static bool IsObjectWithout(ReadOnlySpan<byte> utf8, string name)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                return false;
            }

            reader.Read();
            reader.Skip();
        }

        return true;
    }
}
