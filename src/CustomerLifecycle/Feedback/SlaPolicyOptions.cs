namespace CustomerLifecycle.Feedback;

/// <summary>SLA targets for the items of a category and/or priority; an unset target falls through to a less specific policy.</summary>
public sealed class SlaPolicyOptions
{
    /// <summary>Gets or sets the category this policy applies to, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Category { get; set; }

    /// <summary>Gets or sets the priority this policy applies to, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Priority { get; set; }

    /// <summary>Gets or sets the time to acknowledge, from submission.</summary>
    /// <value>The default value is <see langword="null"/> (not set here).</value>
    public SlaTargetOptions? Acknowledge { get; set; }

    /// <summary>Gets or sets the time to the first response, from submission.</summary>
    /// <value>The default value is <see langword="null"/> (not set here).</value>
    public SlaTargetOptions? FirstResponse { get; set; }

    /// <summary>Gets or sets the time to resolution, from submission.</summary>
    /// <value>The default value is <see langword="null"/> (not set here).</value>
    public SlaTargetOptions? Resolution { get; set; }

    /// <summary>Gets or sets the time from resolution to telling the customer the outcome.</summary>
    /// <value>The default value is <see langword="null"/> (not set here).</value>
    public SlaTargetOptions? FollowUp { get; set; }
}
