namespace CustomerLifecycle.LeadScoring;

/// <summary>What one rule, one interaction kind or one cap adds to a lead's total.</summary>
/// <remarks>The <see cref="Contribution"/>s of a <see cref="LeadScore"/> sum to its <see cref="LeadScore.UnclampedTotal"/> (up to rounding).</remarks>
/// <param name="Kind">Which part of the score it belongs to.</param>
/// <param name="Source">The fit or negative rule's id, the interaction kind, or <c>"fit"</c> / <c>"engagement"</c> for a cap.</param>
/// <param name="RawValue">What matched, as the host supplied it (the industry, the employees, the flag, the domain, the days
/// without activity), the uncapped points for a cap, or <see langword="null"/> for an interaction kind.</param>
/// <param name="Points">The points before the weight: a fit rule's points; an interaction kind's points after decay and its
/// cap; minus the points above 100 for a cap; minus a negative rule's points.</param>
/// <param name="Weight">The weight of the part: the fit weight, the engagement weight, or 1 for a negative rule.</param>
/// <param name="Contribution">What it adds to the total: <see cref="Points"/> × <see cref="Weight"/>.</param>
public sealed record LeadContribution(LeadContributionKind Kind, string Source, string? RawValue, double Points, double Weight, double Contribution)
{
    /// <summary>Gets how many interactions of the kind counted (for <see cref="LeadContributionKind.Engagement"/>; otherwise 0).</summary>
    public int Interactions { get; init; }

    /// <summary>Gets the sum of the counted interactions' decay factors, 0.5^(age in days / half-life) each (for
    /// <see cref="LeadContributionKind.Engagement"/>; otherwise 0). The kind's points before its cap are its points per
    /// interaction × this.</summary>
    public double DecayedWeight { get; init; }
}
