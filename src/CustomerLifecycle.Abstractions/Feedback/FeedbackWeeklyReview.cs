using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>The weekly review of a set of feedback records: volumes, recurring themes, SLA attainment, complaint handling and breaches.</summary>
/// <param name="WeekStart">The start of the week (inclusive).</param>
/// <param name="WeekEnd">The end of the week (exclusive), seven days later.</param>
public sealed record FeedbackWeeklyReview(Instant WeekStart, Instant WeekEnd)
{
    /// <summary>Gets the number of items submitted in the week.</summary>
    public int Submitted { get; init; }

    /// <summary>Gets the items submitted in the week by category, sorted by name.</summary>
    public IReadOnlyDictionary<string, int> ByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the items submitted in the week by priority, sorted by name.</summary>
    public IReadOnlyDictionary<string, int> ByPriority { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the items submitted in the week by owning team, sorted by name.</summary>
    public IReadOnlyDictionary<string, int> ByTeam { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the tags and keywords of this week's and last week's items, most frequent this week first.</summary>
    public IReadOnlyList<FeedbackTheme> Themes { get; init; } = [];

    /// <summary>Gets the attainment of each SLA target, in <see cref="SlaTargetKind"/> order.</summary>
    public IReadOnlyList<SlaAttainment> SlaAttainment { get; init; } = [];

    /// <summary>Gets the complaints submitted in the week.</summary>
    public int ComplaintsSubmitted { get; init; }

    /// <summary>Gets how many of those were resolved by the end of the week.</summary>
    public int ComplaintsResolved { get; init; }

    /// <summary>Gets <c>ComplaintsResolved / ComplaintsSubmitted</c>, or <see langword="null"/> without complaints.</summary>
    public double? ComplaintResolutionRate { get; init; }

    /// <summary>Gets the policy's target complaint resolution rate.</summary>
    public double ComplaintResolutionTarget { get; init; }

    /// <summary>Gets the number of items resolved in the week (whenever submitted).</summary>
    public int Resolved { get; init; }

    /// <summary>Gets the mean time from submission to resolution of the items resolved in the week.</summary>
    public Duration? MeanResolutionTime { get; init; }

    /// <summary>Gets the median time from submission to resolution of the items resolved in the week.</summary>
    public Duration? MedianResolutionTime { get; init; }

    /// <summary>Gets every SLA breach that happened in the week, earliest first.</summary>
    public IReadOnlyList<SlaBreach> Breaches { get; init; } = [];

    /// <summary>Gets the findings worth a look: complaint rate against its target, breaches, rising themes.</summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];
}
