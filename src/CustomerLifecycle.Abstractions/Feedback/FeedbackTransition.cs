namespace CustomerLifecycle.Feedback;

/// <summary>The outcome of applying an event to a feedback record (or of submitting a new item through <c>FeedbackService</c>):
/// the new record, or the unchanged (or already stored) record and why the move was refused.</summary>
/// <param name="Succeeded">Whether the event was applied.</param>
/// <param name="Record">The new record when applied; the unchanged input otherwise.</param>
/// <param name="Reason">What happened, or why it was refused (naming the state, the event and a remedy).</param>
public sealed record FeedbackTransition(bool Succeeded, FeedbackRecord Record, Reason Reason);
