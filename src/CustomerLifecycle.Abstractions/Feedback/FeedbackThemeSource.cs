namespace CustomerLifecycle.Feedback;

/// <summary>Where a recurring theme of the weekly review comes from.</summary>
public enum FeedbackThemeSource
{
    /// <summary>A tag the host put on the items.</summary>
    Tag,

    /// <summary>A category keyword found in the items' text.</summary>
    Keyword,
}
