namespace CustomerLifecycle.Feedback;

/// <summary>How a customer's value is scaled in the ranking score.</summary>
public enum ValueScale
{
    /// <summary>log10(1 + value): suits CLV in money.</summary>
    Log10,

    /// <summary>The value itself: suits tier weights such as 1–4.</summary>
    Linear,
}
