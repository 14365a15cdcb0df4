namespace CustomerLifecycle.Feedback;

/// <summary>A feedback category: its owning team and the keywords that point to it.</summary>
public sealed class FeedbackCategoryOptions
{
    /// <summary>Gets or sets the category name, e.g. <c>"product-request"</c>.</summary>
    /// <value>The default value is an empty string (a name is required).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the team that owns items of this category.</summary>
    /// <value>The default value is an empty string (a team is required).</value>
    public string Team { get; set; } = string.Empty;

    /// <summary>Gets or sets the keywords, matched case-insensitively; a keyword that starts with a Latin letter or digit
    /// must start a word, any other keyword (Chinese, Japanese) matches anywhere.</summary>
    /// <value>The default value is an empty list.</value>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether each customer counts once in the ranking score however often they asked.</summary>
    /// <value>The default value is <see langword="false"/> (product requests set it).</value>
    public bool CountEachCustomerOnce { get; set; }
}
