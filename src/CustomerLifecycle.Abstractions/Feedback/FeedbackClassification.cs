namespace CustomerLifecycle.Feedback;

/// <summary>The category of a feedback item and why.</summary>
/// <param name="Category">The category name.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="MatchedKeywords">The category's keywords found in the text (lower-cased), in the order configured.</param>
/// <param name="Reason">The reason, with the keywords as data.</param>
public sealed record FeedbackClassification(string Category, ClassificationSource Source, IReadOnlyList<string> MatchedKeywords, Reason Reason);
