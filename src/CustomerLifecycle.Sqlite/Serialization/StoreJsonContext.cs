using System.Text.Json.Serialization;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>The source-generated JSON context for the records the SQLite stores keep (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(InstantTicksConverter), typeof(DurationTicksConverter), typeof(CustomerIdConverter)])]
[JsonSerializable(typeof(LifecycleRecord))]
[JsonSerializable(typeof(FeedbackRecord))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
