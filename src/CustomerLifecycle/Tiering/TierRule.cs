namespace CustomerLifecycle.Tiering;

/// <summary>A rule that assigns a tier when its criteria hold (all or any). Rules are tried in order; the first match wins.</summary>
public sealed class TierRule
{
    /// <summary>Gets or sets the tier the rule assigns.</summary>
    /// <value>The default value is the empty string, which the validator rejects.</value>
    public string Tier { get; set; } = string.Empty;

    /// <summary>Gets or sets how the criteria combine.</summary>
    /// <value>The default value is <see cref="RuleMatch.All"/>.</value>
    public RuleMatch Match { get; set; }

    /// <summary>Gets or sets the criteria.</summary>
    /// <value>The default value is an empty list, which the validator rejects.</value>
    public List<TierCriterion> Criteria { get; set; } = [];
}
