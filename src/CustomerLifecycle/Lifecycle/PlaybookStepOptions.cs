namespace CustomerLifecycle.Lifecycle;

/// <summary>An action due a set time after a customer enters a stage: business days, then calendar days, then hours.</summary>
public sealed class PlaybookStepOptions
{
    /// <summary>Gets or sets what to do, as a stable kind, e.g. <c>"first-personal-contact"</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets or sets what to do, for people.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets the business days (the policy's <see cref="LifecycleOptions.WorkingDays"/> that are not among its
    /// <see cref="LifecycleOptions.Holidays"/>) after stage entry.</summary>
    /// <value>The default value is 0.</value>
    public int BusinessDays { get; set; }

    /// <summary>Gets or sets the calendar days added after the business days.</summary>
    /// <value>The default value is 0.</value>
    public int Days { get; set; }

    /// <summary>Gets or sets the hours added last.</summary>
    /// <value>The default value is 0.</value>
    public int Hours { get; set; }
}
