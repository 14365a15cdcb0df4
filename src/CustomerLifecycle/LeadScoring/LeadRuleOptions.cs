namespace CustomerLifecycle.LeadScoring;

/// <summary>A fit or negative rule: a condition on the prospect and the points it is worth when it holds.</summary>
/// <remarks>Only the properties of the rule's <see cref="Kind"/> are used. Values are compared ordinally, ignoring case.</remarks>
public sealed class LeadRuleOptions
{
    /// <summary>Gets or sets the id, unique among the fit and negative rules, e.g. <c>"company-size"</c>.</summary>
    /// <value>The default value is empty (it must be set).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets what the rule looks at.</summary>
    /// <value>The default value is <see cref="LeadRuleKind.HasFlag"/>.</value>
    public LeadRuleKind Kind { get; set; } = LeadRuleKind.HasFlag;

    /// <summary>Gets or sets the industries, regions, e-mail domains or flags that match (<see cref="LeadRuleKind.IndustryIn"/>,
    /// <see cref="LeadRuleKind.RegionIn"/>, <see cref="LeadRuleKind.EmailDomainIn"/>, <see cref="LeadRuleKind.HasFlag"/>); at least one.</summary>
    /// <value>The default value is empty.</value>
    public List<string> Values { get; set; } = [];

    /// <summary>Gets or sets the fewest employees that match (<see cref="LeadRuleKind.EmployeesBetween"/>, inclusive), or
    /// <see langword="null"/> for no lower bound; a finite number &gt;= 0.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? MinEmployees { get; set; }

    /// <summary>Gets or sets the most employees that match (<see cref="LeadRuleKind.EmployeesBetween"/>, inclusive), or
    /// <see langword="null"/> for no upper bound; a finite number &gt;= <see cref="MinEmployees"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? MaxEmployees { get; set; }

    /// <summary>Gets or sets the days without a counted interaction that match (<see cref="LeadRuleKind.NoActivityForDays"/>);
    /// within [1, 36500].</summary>
    /// <value>The default value is 90.</value>
    public int Days { get; set; } = LeadScoringDefaults.NoActivityDays;

    /// <summary>Gets or sets the points the rule is worth: added to the fit score by a fit rule, subtracted from the total by
    /// a negative rule; a finite number &gt;= 0.</summary>
    /// <value>The default value is 0.</value>
    public double Points { get; set; }
}
