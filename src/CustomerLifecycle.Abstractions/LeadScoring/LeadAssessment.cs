using System.Runtime.InteropServices;
using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.LeadScoring;

/// <summary>The compact result of batch lead scoring for one prospect.</summary>
/// <param name="Qualification">What the score makes of the prospect.</param>
/// <param name="Total">The total, within [0, 100].</param>
/// <param name="Fit">The fit score, within [0, 100].</param>
/// <param name="Engagement">The engagement score, within [0, 100].</param>
/// <param name="Negative">The points the negative rules subtracted, &gt;= 0.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct LeadAssessment(LeadQualification Qualification, double Total, double Fit, double Engagement, double Negative)
{
    /// <summary>The lifecycle event that brings the qualification into the prospect's lifecycle record.</summary>
    /// <remarks>
    /// A qualified lead (marketing or sales) gives a <see cref="LifecycleEventKind.Contact"/> event, which moves a prospect
    /// from Prospect to Engaged under the default lifecycle policy; a disqualified one gives a
    /// <see cref="LifecycleEventKind.Disqualification"/> command (Prospect or Engaged to Disqualified); an unqualified one
    /// gives none. The event id is <c>"lead-scoring:{qualification}:{prospect}"</c>: the same qualification of the same
    /// prospect always gives the same id, so the lifecycle engine applies it once however often it is sent.
    /// </remarks>
    /// <param name="prospect">The prospect the assessment is about.</param>
    /// <param name="at">When the qualification happened, usually the instant of the evaluation.</param>
    /// <returns>The event, or <see langword="null"/> for <see cref="LeadQualification.Unqualified"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="prospect"/> is <c>default(CustomerId)</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside <see cref="LifecycleLimits"/>, or
    /// <see cref="Qualification"/> is not a defined value.</exception>
    public LifecycleEvent? ToLifecycleEvent(CustomerId prospect, Instant at)
    {
        CustomerId.ThrowIfDefault(prospect);
        var kind = Qualification switch
        {
            LeadQualification.Unqualified => (LifecycleEventKind?)null,
            LeadQualification.MarketingQualified or LeadQualification.SalesQualified => LifecycleEventKind.Contact,
            LeadQualification.Disqualified => LifecycleEventKind.Disqualification,
            _ => throw new ArgumentOutOfRangeException(nameof(Qualification), Qualification, $"Value should be a defined LeadQualification but was {(int)Qualification}."),
        };
        return kind is { } k ? LifecycleEvent.Create($"lead-scoring:{Qualification}:{prospect}", prospect, k, at) : null;
    }
}
