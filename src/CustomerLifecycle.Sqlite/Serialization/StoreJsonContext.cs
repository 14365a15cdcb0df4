using System.Text.Json.Serialization;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;

namespace CustomerLifecycle.Sqlite.Serialization;

/// <summary>The source-generated JSON context for the records the SQLite stores keep (no reflection at run time).</summary>
/// <remarks>Nulls and computed (read-only) properties are left out: a bulk import writes hundreds of thousands of records.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true,
    Converters = [typeof(InstantConverter<TickUnit>), typeof(DurationConverter<TickUnit>), typeof(CustomerIdConverter), typeof(StageTimeConverter<TickUnit>),
        typeof(ImmutableInt32ArrayConverter), typeof(ImmutableInstantArrayConverter<TickUnit>), typeof(ImmutableStringArrayConverter), typeof(ImmutableStageTimeArrayConverter<TickUnit>),
    ])]
[JsonSerializable(typeof(LifecycleRecord))]
[JsonSerializable(typeof(FeedbackRecord))]
[JsonSerializable(typeof(LoyaltyRecordJson.Document), TypeInfoPropertyName = "LoyaltyRecordDocument")]
[JsonSerializable(typeof(ProfileRecord))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

