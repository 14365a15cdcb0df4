using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>A lifecycle record's JSON as the store keeps it, and the migration of what earlier releases wrote.</summary>
/// <remarks>The record read keeps the <see cref="LifecycleRecord.SchemaVersion"/> its JSON names: whether this release may use
/// a record of a later schema is the store's decision, not the serializer's.</remarks>
internal static class LifecycleRecordJson
{
    /// <summary>The schema the migration of a schema-1 record produces (whatever the current one is by then).</summary>
    private const int MigratedSchemaVersion = 2;

    private const string SchemaVersionName = "schemaVersion";

    public static string Serialize(LifecycleRecord record) => JsonSerializer.Serialize(record, StoreJsonContext.Default.LifecycleRecord);

    /// <summary>Reads a stored record; one of schema 1 (without a schema version) is migrated, one of a later schema is read as
    /// far as this release's shape allows, its <see cref="LifecycleRecord.SchemaVersion"/> telling the caller.</summary>
    /// <exception cref="JsonException">The JSON is not a lifecycle record.</exception>
    public static LifecycleRecord Deserialize(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var utf8 = buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer));
            var record = HasSchemaVersion(utf8)
                ? JsonSerializer.Deserialize(utf8, StoreJsonContext.Default.LifecycleRecord)
                : FromVersion1(utf8);
            return record ?? throw new JsonException("A stored lifecycle record is null.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether the top-level object has a schema version (only schema 1 has none); text inside a value or a nested
    /// object (a stage or an event id spelling "schemaVersion") does not count.</summary>
    private static bool HasSchemaVersion(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return true; // not an object: let the serializer report what it is
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(SchemaVersionName))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    /// <summary>Schema 1 (0.1 previews, no schema version) kept the event ids in two lists, earlierEventIds then recentEventIds.</summary>
    private static LifecycleRecord? FromVersion1(ReadOnlySpan<byte> utf8)
    {
        var node = JsonNode.Parse(utf8)!.AsObject();
        var ids = new JsonArray();
        foreach (var part in (ReadOnlySpan<string>)["earlierEventIds", "recentEventIds"])
        {
            if (node[part] is JsonArray array)
            {
                foreach (var id in array)
                {
                    ids.Add(id?.DeepClone());
                }
            }

            node.Remove(part);
        }

        node["recentEventIds"] = ids;
        node[SchemaVersionName] = MigratedSchemaVersion;
        return node.Deserialize(StoreJsonContext.Default.LifecycleRecord);
    }
}
