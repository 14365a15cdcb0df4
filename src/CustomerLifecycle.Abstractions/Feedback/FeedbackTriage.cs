using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>The compact result of the batch API for one item: the decision and its deadlines, without explanations.</summary>
/// <param name="Category">The category name.</param>
/// <param name="Team">The owning team.</param>
/// <param name="Impact">The impact level.</param>
/// <param name="Urgency">The urgency level.</param>
/// <param name="Priority">The priority.</param>
/// <param name="Score">The ranking score within the priority.</param>
/// <param name="AcknowledgeDue">The acknowledge deadline, or <see langword="null"/> without a target.</param>
/// <param name="FirstResponseDue">The first-response deadline, or <see langword="null"/> without a target.</param>
/// <param name="ResolutionWarning">When the resolution clock warns, or <see langword="null"/> without a target.</param>
/// <param name="ResolutionDue">The resolution deadline, or <see langword="null"/> without a target.</param>
public readonly record struct FeedbackTriage(
    string Category,
    string Team,
    string Impact,
    string Urgency,
    string Priority,
    double Score,
    Instant? AcknowledgeDue,
    Instant? FirstResponseDue,
    Instant? ResolutionWarning,
    Instant? ResolutionDue);
