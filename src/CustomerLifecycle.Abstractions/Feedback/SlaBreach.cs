using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>An SLA clock that breached: which item, which target and when.</summary>
/// <param name="FeedbackId">The item id.</param>
/// <param name="Kind">The target.</param>
/// <param name="BreachedAt">When the deadline passed.</param>
public sealed record SlaBreach(string FeedbackId, SlaTargetKind Kind, Instant BreachedAt);
