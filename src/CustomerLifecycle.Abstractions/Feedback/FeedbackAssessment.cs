namespace CustomerLifecycle.Feedback;

/// <summary>What the engine decided for one feedback item: category, team, impact, urgency, priority, ranking score and SLA clocks, with reasons.</summary>
/// <param name="FeedbackId">The item id.</param>
/// <param name="Classification">The category and why.</param>
/// <param name="Team">The owning team.</param>
/// <param name="Impact">The impact level.</param>
/// <param name="Urgency">The urgency level.</param>
/// <param name="Priority">The priority from the matrix.</param>
/// <param name="Score">The ranking score within the priority; the sum of <see cref="Contributions"/>' points (up to rounding).</param>
public sealed record FeedbackAssessment(
    string FeedbackId,
    FeedbackClassification Classification,
    string Team,
    string Impact,
    string Urgency,
    string Priority,
    double Score)
{
    /// <summary>Gets the category name (shortcut for <c>Classification.Category</c>).</summary>
    public string Category => Classification.Category;

    /// <summary>Gets what each customer behind the item adds to <see cref="Score"/>.</summary>
    public IReadOnlyList<RankingContribution> Contributions { get; init; } = [];

    /// <summary>Gets the four SLA clocks, in <see cref="SlaTargetKind"/> order.</summary>
    public IReadOnlyList<SlaClock> Clocks { get; init; } = [];

    /// <summary>Gets the reasons for the category, impact, urgency, priority and score.</summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];
}
