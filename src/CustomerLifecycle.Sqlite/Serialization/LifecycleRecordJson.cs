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

    /// <summary>Reads a stored record; one of schema 1 (an object without a schema version) is migrated, one of a later
    /// schema is read as far as this release's shape allows, its <see cref="LifecycleRecord.SchemaVersion"/> telling the caller.</summary>
    /// <exception cref="JsonException">The JSON is not a lifecycle record.</exception>
    public static LifecycleRecord Deserialize(string json) => StoredJson.Read(json, Deserialize);

    /// <inheritdoc cref="Deserialize(string)"/>
    public static LifecycleRecord Deserialize(ReadOnlySpan<byte> utf8)
        => Read(utf8) ?? throw new JsonException("A stored lifecycle record is null.");

    private static LifecycleRecord? Read(ReadOnlySpan<byte> utf8)
        => StoredJson.IsObjectWithout(utf8, SchemaVersionName)
            ? FromVersion1(utf8)
            : JsonSerializer.Deserialize(utf8, StoreJsonContext.Default.LifecycleRecord);

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
