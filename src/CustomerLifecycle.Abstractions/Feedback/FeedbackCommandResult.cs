namespace CustomerLifecycle.Feedback;

/// <summary>The outcome of a feedback command: the status, the record as saved (or as last loaded) and why.</summary>
/// <param name="Status">How the command ended.</param>
/// <param name="Record">The saved record when applied; the last loaded record otherwise (null when none was found).</param>
/// <param name="Reason">What happened.</param>
/// <param name="Attempts">How many load → apply → save attempts were made.</param>
public sealed record FeedbackCommandResult(FeedbackCommandStatus Status, FeedbackRecord? Record, Reason Reason, int Attempts);
