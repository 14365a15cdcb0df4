using CustomerLifecycle.Calendars;

namespace CustomerLifecycle.Feedback;

/// <summary>The feedback policy as data: categories and their keywords, impact and urgency levels, the priority matrix,
/// the ranking weights, SLA targets and the business calendar they are measured on.</summary>
public sealed class FeedbackOptions
{
    /// <summary>Gets or sets the categories, each with its owning team and keywords; the first listed wins a tie.</summary>
    /// <value>The default value is product-request (product), service-issue (support), experience-improvement (design),
    /// complaint (support) and praise (customer-success), with English, Chinese and Japanese keywords.</value>
    public List<FeedbackCategoryOptions> Categories { get; set; } = FeedbackDefaults.Categories();

    /// <summary>Gets or sets the category used when no keyword matches.</summary>
    /// <value>The default value is <c>"service-issue"</c>.</value>
    public string DefaultCategory { get; set; } = FeedbackDefaults.DefaultCategory;

    /// <summary>Gets or sets the impact levels from the narrowest to the widest; the widest level an item reaches applies.</summary>
    /// <value>The default value is Minor (1 customer), Moderate (2 customers), Significant (2% of customers), Extensive (10% of customers).</value>
    public List<ImpactLevelOptions> ImpactLevels { get; set; } = FeedbackDefaults.ImpactLevels();

    /// <summary>Gets or sets the urgency levels from the least to the most urgent; the most urgent level whose keyword matches applies.</summary>
    /// <value>The default value is Low, Medium, High, Critical, with English, Chinese and Japanese keywords.</value>
    public List<UrgencyLevelOptions> UrgencyLevels { get; set; } = FeedbackDefaults.UrgencyLevels();

    /// <summary>Gets or sets the urgency used when the item has none and no urgency keyword matches.</summary>
    /// <value>The default value is <c>"Medium"</c>.</value>
    public string DefaultUrgency { get; set; } = FeedbackDefaults.DefaultUrgency;

    /// <summary>Gets or sets the priority levels from the highest to the lowest.</summary>
    /// <value>The default value is High, Medium, Low.</value>
    public List<string> Priorities { get; set; } = FeedbackDefaults.Priorities();

    /// <summary>Gets or sets the priority of every impact × urgency pair; validation requires every pair exactly once and monotone priorities.</summary>
    /// <value>The default value is Extensive or Significant × Critical or High → High; Moderate × Critical → High; the other pairs
    /// with Critical or High urgency, and Extensive or Significant × Medium → Medium; everything else → Low.</value>
    public List<PriorityMatrixEntryOptions> Matrix { get; set; } = FeedbackDefaults.Matrix();

    /// <summary>Gets or sets how the customers behind an item weigh in its ranking score.</summary>
    /// <value>The default value is 1 point per customer plus log10(1 + value) per customer.</value>
    public RankingOptions Ranking { get; set; } = new();

    /// <summary>Gets or sets the SLA targets; for each target the most specific policy that sets it applies
    /// (category and priority, then category, then priority, then neither).</summary>
    /// <value>The default value is: any item acknowledged within 1 business day; High (work starts at once) acknowledged within 15 minutes, first
    /// response within 1 business hour, resolved within 2 business days; Medium first response within 1 business day, resolved within 7 days;
    /// Low no resolution deadline (roadmap); complaints acknowledged within 30 minutes, resolved within 24 hours and followed up
    /// within 24 hours of resolution.</value>
    public List<SlaPolicyOptions> SlaPolicies { get; set; } = FeedbackDefaults.SlaPolicies();

    /// <summary>Gets or sets the fraction of a target after which a clock warns, in (0, 1].</summary>
    /// <value>The default value is 0.75.</value>
    public double WarningFraction { get; set; } = FeedbackDefaults.WarningFraction;

    /// <summary>Gets or sets the business calendar business-time targets are measured on.</summary>
    /// <value>The default value is <see cref="BusinessCalendarOptions"/>' defaults: UTC, Monday to Friday 09:00–17:00, 2020–2040.</value>
    public BusinessCalendarOptions Calendar { get; set; } = new();

    /// <summary>Gets or sets the category whose resolution rate the weekly review reports.</summary>
    /// <value>The default value is <c>"complaint"</c>.</value>
    public string ComplaintCategory { get; set; } = FeedbackDefaults.ComplaintCategory;

    /// <summary>Gets or sets the target complaint resolution rate the weekly review compares against, in [0, 1].</summary>
    /// <value>The default value is 0.95.</value>
    public double ComplaintResolutionTarget { get; set; } = FeedbackDefaults.ComplaintResolutionTarget;
}
