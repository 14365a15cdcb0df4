namespace CustomerLifecycle.Feedback;

/// <summary>One cell of the priority matrix: the priority of an impact × urgency pair.</summary>
public sealed class PriorityMatrixEntryOptions
{
    /// <summary>Gets or sets the impact level name.</summary>
    /// <value>The default value is an empty string.</value>
    public string Impact { get; set; } = string.Empty;

    /// <summary>Gets or sets the urgency level name.</summary>
    /// <value>The default value is an empty string.</value>
    public string Urgency { get; set; } = string.Empty;

    /// <summary>Gets or sets the priority name.</summary>
    /// <value>The default value is an empty string.</value>
    public string Priority { get; set; } = string.Empty;
}
