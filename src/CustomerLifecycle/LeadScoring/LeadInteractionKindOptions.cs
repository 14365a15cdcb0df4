namespace CustomerLifecycle.LeadScoring;

/// <summary>An interaction kind and what each interaction of it is worth.</summary>
public sealed class LeadInteractionKindOptions
{
    /// <summary>Gets or sets the kind, unique ignoring case, e.g. <c>"demo-request"</c>.</summary>
    /// <value>The default value is empty (it must be set).</value>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets or sets the points of one interaction of the kind on the day it happens; a finite number &gt;= 0.</summary>
    /// <value>The default value is 0.</value>
    public double Points { get; set; }

    /// <summary>Gets or sets the most points the kind's interactions together add to the engagement score (after decay), or
    /// <see langword="null"/> for no cap; a finite number &gt; 0.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? Cap { get; set; }
}
