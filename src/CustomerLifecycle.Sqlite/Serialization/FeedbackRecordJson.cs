using System.Text.Json;
using CustomerLifecycle.Feedback;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>A feedback record's JSON as the store keeps it.</summary>
/// <remarks>The record read keeps the <see cref="FeedbackRecord.SchemaVersion"/> its JSON names: whether this release may use
/// a record of a later schema is the store's decision, not the serializer's.</remarks>
internal static class FeedbackRecordJson
{
    /// <summary>The schema of rows written before records carried one.</summary>
    private const int UnversionedSchemaVersion = 1;

    private const string SchemaVersionName = "schemaVersion";

    public static string Serialize(FeedbackRecord record) => JsonSerializer.Serialize(record, StoreJsonContext.Default.FeedbackRecord);

    /// <summary>Reads a stored record; one without a schema version is of schema 1.</summary>
    /// <remarks>Rows written before the version moved out of the record carry a "version" property too; it is ignored like any
    /// unknown property, and the version column (which always agreed with it) is the one read.</remarks>
    /// <exception cref="JsonException">The JSON is not a feedback record.</exception>
    public static FeedbackRecord Deserialize(ReadOnlySpan<byte> utf8)
        => Read(utf8) ?? throw new JsonException("A stored feedback record is null.");

    // The source-generated reader sets every init-only property of a record with a constructor, a missing one to 0; so the
    // schema of a row without one is stamped here.
    private static FeedbackRecord? Read(ReadOnlySpan<byte> utf8)
        => StoredJson.IsObjectWithout(utf8, SchemaVersionName)
            ? JsonSerializer.Deserialize(utf8, StoreJsonContext.Default.FeedbackRecord)! with { SchemaVersion = UnversionedSchemaVersion }
            : JsonSerializer.Deserialize(utf8, StoreJsonContext.Default.FeedbackRecord);
}
