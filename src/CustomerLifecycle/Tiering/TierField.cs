namespace CustomerLifecycle.Tiering;

/// <summary>What a tier criterion looks at.</summary>
public enum TierField
{
    /// <summary>The revenue-share tier the customer's value earns; compare with <see cref="CriterionOperator.AtOrAbove"/>.</summary>
    ValueTier,

    /// <summary>The raw <see cref="TierInput.Value"/>.</summary>
    Value,

    /// <summary><see cref="TierInput.LoginsPerWeek"/>.</summary>
    LoginsPerWeek,

    /// <summary>Whole days from <see cref="TierInput.CustomerSince"/> to the evaluation instant (0 when unknown).</summary>
    TenureDays,

    /// <summary><see cref="TierInput.MatchesIdealProfile"/>.</summary>
    MatchesIdealProfile,

    /// <summary><see cref="TierInput.HasGrowthPotential"/>.</summary>
    HasGrowthPotential,

    /// <summary><see cref="TierInput.IsBenchmarkCustomer"/>.</summary>
    IsBenchmarkCustomer,

    /// <summary><see cref="TierInput.LoyaltyLevel"/>: the loyalty-programme tier, 0 the lowest; compare with <see cref="CriterionOperator.AtLeast"/>
    /// (e.g. at least 2: the programme's third tier or higher) or <see cref="CriterionOperator.AtMost"/>.</summary>
    LoyaltyLevel,
}
