namespace CustomerLifecycle.Tiering;

/// <summary>How raw recency, frequency and monetary values become scores.</summary>
public enum RfmScoringMethod
{
    /// <summary>By position in the population (quantiles); equal raw values always get equal scores.</summary>
    Quantiles,

    /// <summary>By fixed cut points from the policy; no population needed.</summary>
    Thresholds,
}
