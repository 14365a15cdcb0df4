using NodaTime;

namespace CustomerLifecycle.LeadScoring;

/// <summary>One interaction of a prospect: what it did and when.</summary>
/// <param name="Kind">The kind, e.g. <c>"email-open"</c>, <c>"site-visit"</c>, <c>"demo-request"</c>; the policy gives each kind its points.</param>
/// <param name="At">When it happened.</param>
public readonly record struct LeadInteraction(string Kind, Instant At);
