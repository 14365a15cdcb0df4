namespace CustomerLifecycle.LeadScoring;

/// <summary>Which part of a lead score a <see cref="LeadContribution"/> belongs to.</summary>
public enum LeadContributionKind
{
    /// <summary>A fit rule that matched the prospect's attributes.</summary>
    FitRule,

    /// <summary>The fit points above 100 taken off again (the fit score is capped at 100).</summary>
    FitCap,

    /// <summary>The interactions of one kind, decayed with age and capped per kind.</summary>
    Engagement,

    /// <summary>The engagement points above 100 taken off again (the engagement score is capped at 100).</summary>
    EngagementCap,

    /// <summary>A negative rule that matched: its points are subtracted.</summary>
    Negative,
}
