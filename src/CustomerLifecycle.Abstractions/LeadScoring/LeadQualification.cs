namespace CustomerLifecycle.LeadScoring;

/// <summary>What a lead score makes of a prospect.</summary>
public enum LeadQualification
{
    /// <summary>The total is below the marketing-qualified minimum.</summary>
    Unqualified,

    /// <summary>A marketing-qualified lead (MQL): the total reaches the marketing-qualified minimum.</summary>
    MarketingQualified,

    /// <summary>A sales-qualified lead (SQL): the total reaches the sales-qualified minimum and the fit its own minimum.</summary>
    SalesQualified,

    /// <summary>A disqualifying signal holds (e.g. the flag <c>"spam"</c>), whatever the score.</summary>
    Disqualified,
}
