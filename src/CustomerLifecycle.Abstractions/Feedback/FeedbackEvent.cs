using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Something that happened to a feedback item, at an instant.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened; events of one item must not go back in time.</param>
/// <param name="Value">The category, priority or team for <see cref="FeedbackEventKind.Classify"/>, <see cref="FeedbackEventKind.Prioritise"/>
/// and <see cref="FeedbackEventKind.Assign"/>; an optional note otherwise.</param>
public sealed record FeedbackEvent(FeedbackEventKind Kind, Instant At, string? Value = null);
