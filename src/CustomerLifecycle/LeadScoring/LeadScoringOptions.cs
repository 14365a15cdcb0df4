namespace CustomerLifecycle.LeadScoring;

/// <summary>The lead-scoring policy: the ideal customer profile as fit rules, the points of each interaction kind and their
/// decay, the negative and disqualifying signals, the weights and the qualification thresholds.</summary>
/// <remarks>
/// The total is <c>FitWeight × fit + EngagementWeight × engagement − negative points</c>, clamped to [0, 100], where fit is
/// the sum of the matching fit rules' points capped at 100 and engagement the sum over interaction kinds of each kind's
/// decayed points (capped per kind) capped at 100. See <c>docs/lead-scoring.md</c>.
/// </remarks>
public sealed class LeadScoringOptions
{
    /// <summary>Gets or sets the fit rules: each that matches the prospect's attributes adds its points to the fit score.</summary>
    /// <value>The default value is <c>industry</c> (industry software, manufacturing or professional-services: 30 points),
    /// <c>company-size</c> (50 to 1,000 employees: 30), <c>region</c> (europe or north-america: 20) and <c>uses-erp</c>
    /// (the flag <c>"uses-erp"</c>: 20).</value>
    public List<LeadRuleOptions> FitRules { get; set; } = LeadScoringDefaults.FitRules();

    /// <summary>Gets or sets the interaction kinds and their points; interactions of other kinds are ignored.</summary>
    /// <value>The default value is <c>email-open</c> 2 points (capped at 10), <c>site-visit</c> 3 (15),
    /// <c>content-download</c> 5 (20), <c>webinar</c> 10 (20), <c>pricing-page</c> 10 (20) and <c>demo-request</c> 30 (no cap).</value>
    public List<LeadInteractionKindOptions> InteractionKinds { get; set; } = LeadScoringDefaults.InteractionKinds();

    /// <summary>Gets or sets after how many days an interaction's points are worth half: its weight is
    /// 0.5^(age in days / half-life); within [1, 36500].</summary>
    /// <value>The default value is 30.</value>
    public int HalfLifeDays { get; set; } = LeadScoringDefaults.HalfLifeDays;

    /// <summary>Gets or sets the negative rules: each that matches subtracts its points from the total.</summary>
    /// <value>The default value is <c>competitor</c> (the flag <c>"competitor"</c>: 50 points), <c>student</c> (the flag
    /// <c>"student"</c>: 20), <c>unsubscribed</c> (the flag <c>"unsubscribed"</c>: 20), <c>personal-email</c> (e-mail domain
    /// gmail.com, yahoo.com, hotmail.com, outlook.com, icloud.com or gmx.net: 10) and <c>no-recent-activity</c> (no
    /// interaction in the last 90 days: 15).</value>
    public List<LeadRuleOptions> NegativeRules { get; set; } = LeadScoringDefaults.NegativeRules();

    /// <summary>Gets or sets the flags that disqualify a prospect whatever its score.</summary>
    /// <value>The default value is <c>"outside-icp"</c> and <c>"spam"</c>.</value>
    public List<string> DisqualifyingFlags { get; set; } = LeadScoringDefaults.DisqualifyingFlags();

    /// <summary>Gets or sets the weight of the fit score in the total; within [0, 1], and with <see cref="EngagementWeight"/> summing to 1.</summary>
    /// <value>The default value is 0.5.</value>
    public double FitWeight { get; set; } = LeadScoringDefaults.FitWeight;

    /// <summary>Gets or sets the weight of the engagement score in the total; within [0, 1], and with <see cref="FitWeight"/> summing to 1.</summary>
    /// <value>The default value is 0.5.</value>
    public double EngagementWeight { get; set; } = LeadScoringDefaults.EngagementWeight;

    /// <summary>Gets or sets the lowest total of a marketing-qualified lead; within [0, 100].</summary>
    /// <value>The default value is 50.</value>
    public double MarketingQualifiedMinimum { get; set; } = LeadScoringDefaults.MarketingQualifiedMinimum;

    /// <summary>Gets or sets the lowest total of a sales-qualified lead; within [<see cref="MarketingQualifiedMinimum"/>, 100].</summary>
    /// <value>The default value is 75.</value>
    public double SalesQualifiedMinimum { get; set; } = LeadScoringDefaults.SalesQualifiedMinimum;

    /// <summary>Gets or sets the lowest fit score of a sales-qualified lead; within [0, 100]. A lead below it stays
    /// marketing-qualified however high its total.</summary>
    /// <value>The default value is 60.</value>
    public double SalesQualifiedMinimumFit { get; set; } = LeadScoringDefaults.SalesQualifiedMinimumFit;
}
