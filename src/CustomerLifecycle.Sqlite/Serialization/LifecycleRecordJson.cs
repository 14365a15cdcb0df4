using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>A lifecycle record's JSON as the store keeps it, and the migration of what earlier releases wrote.</summary>
internal static class LifecycleRecordJson
{
    private const string SchemaVersionName = "schemaVersion";

    public static string Serialize(LifecycleRecord record) => JsonSerializer.Serialize(record, StoreJsonContext.Default.LifecycleRecord);

    /// <exception cref="SqliteSchemaException">The record was written by a later release, in a shape this one does not know.</exception>
    public static LifecycleRecord Deserialize(string json)
    {
        var record = json.Contains($"\"{SchemaVersionName}\"", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize(json, StoreJsonContext.Default.LifecycleRecord)
            : FromVersion1(json);
        if (record is null)
        {
            throw new JsonException("A stored lifecycle record is null.");
        }

        return record.SchemaVersion <= LifecycleRecord.CurrentSchemaVersion
            ? record
            : throw new SqliteSchemaException($"The lifecycle record of customer '{record.Customer}' has schema version {record.SchemaVersion}, written by a later release; this one reads up to {LifecycleRecord.CurrentSchemaVersion}. Upgrade CustomerLifecycle.Sqlite.");
    }

    /// <summary>Schema 1 (0.1 previews, no schema version) kept the event ids in two lists, earlierEventIds then recentEventIds.</summary>
    private static LifecycleRecord? FromVersion1(string json)
    {
        var node = JsonNode.Parse(json)?.AsObject();
        if (node is null)
        {
            return null;
        }

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
        node[SchemaVersionName] = LifecycleRecord.CurrentSchemaVersion;
        return node.Deserialize(StoreJsonContext.Default.LifecycleRecord);
    }
}
