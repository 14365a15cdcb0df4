namespace CustomerLifecycle.Feedback;

/// <summary>An urgency level and the keywords that point to it.</summary>
public sealed class UrgencyLevelOptions
{
    /// <summary>Gets or sets the level name, e.g. <c>"Critical"</c>.</summary>
    /// <value>The default value is an empty string (a name is required).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the keywords, matched like category keywords.</summary>
    /// <value>The default value is an empty list.</value>
    public List<string> Keywords { get; set; } = [];
}
