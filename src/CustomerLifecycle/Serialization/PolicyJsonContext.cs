using System.Text.Json.Serialization;

namespace CustomerLifecycle.Serialization;

/// <summary>
/// The System.Text.Json source-generated context for every policy (options) type, so hosts can store policies per tenant
/// as JSON and load them without reflection. Use it through <see cref="PolicyJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CustomerLifecycle.Lifecycle.LifecycleOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Tiering.TieringOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Health.HealthOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Feedback.FeedbackOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Calendars.BusinessCalendarOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Value.ValueOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Loyalty.LoyaltyOptions))]
[JsonSerializable(typeof(CustomerLifecycle.LeadScoring.LeadScoringOptions))]
[JsonSerializable(typeof(CustomerLifecycle.Profile.ProfileOptions))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
