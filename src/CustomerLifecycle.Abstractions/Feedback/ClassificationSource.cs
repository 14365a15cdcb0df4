namespace CustomerLifecycle.Feedback;

/// <summary>Where a feedback item's category came from.</summary>
public enum ClassificationSource
{
    /// <summary>The host gave it.</summary>
    Host,

    /// <summary>Keywords in the text decided it.</summary>
    Keywords,

    /// <summary>No keyword matched; the policy's default category applies.</summary>
    Default,
}
