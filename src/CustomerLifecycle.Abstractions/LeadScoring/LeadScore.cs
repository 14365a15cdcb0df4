using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.LeadScoring;

/// <summary>A prospect's lead score: the qualification, the total and its parts, every contribution and the reasons.</summary>
/// <remarks>
/// <see cref="UnclampedTotal"/> = fit weight × <see cref="Fit"/> + engagement weight × <see cref="Engagement"/> −
/// <see cref="Negative"/>, and <see cref="Total"/> is it clamped to [0, 100]. The <see cref="Contributions"/> sum to
/// <see cref="UnclampedTotal"/>.
/// </remarks>
/// <param name="Prospect">The prospect.</param>
/// <param name="AsOf">The instant of the evaluation.</param>
/// <param name="Qualification">What the score makes of the prospect.</param>
/// <param name="Total">The total, within [0, 100].</param>
/// <param name="UnclampedTotal">The total before it was clamped to [0, 100]; the sum of the contributions.</param>
/// <param name="Fit">The fit score, within [0, 100].</param>
/// <param name="Engagement">The engagement score, within [0, 100].</param>
/// <param name="Negative">The points the negative rules subtracted, &gt;= 0.</param>
public sealed record LeadScore(
    CustomerId Prospect,
    Instant AsOf,
    LeadQualification Qualification,
    double Total,
    double UnclampedTotal,
    double Fit,
    double Engagement,
    double Negative)
{
    /// <summary>Gets every fit rule that matched, the interactions per kind, the caps and every negative rule that matched, in that order.</summary>
    public IReadOnlyList<LeadContribution> Contributions { get; init; } = [];

    /// <summary>Gets the reasons: the qualification first (<c>leads.qualified</c>), then each disqualifying signal
    /// (<c>leads.disqualified</c>), the clamp (<c>leads.clamped</c>) and the interactions ignored (<c>leads.ignored</c>).</summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>The compact form of this score, as the batch <c>Evaluate</c> writes it.</summary>
    /// <returns>The assessment.</returns>
    public LeadAssessment ToAssessment() => new(Qualification, Total, Fit, Engagement, Negative);

    /// <summary>The lifecycle event that brings the qualification into the prospect's lifecycle record (see
    /// <see cref="LeadAssessment.ToLifecycleEvent(CustomerId, Instant)"/>).</summary>
    /// <param name="at">When the qualification happened, usually <see cref="AsOf"/>.</param>
    /// <returns>A Contact event for a qualified lead, a Disqualification command for a disqualified one, or
    /// <see langword="null"/> for an unqualified one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public LifecycleEvent? ToLifecycleEvent(Instant at) => ToAssessment().ToLifecycleEvent(Prospect, at);
}
