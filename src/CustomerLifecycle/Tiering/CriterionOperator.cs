namespace CustomerLifecycle.Tiering;

/// <summary>How a tier criterion compares.</summary>
public enum CriterionOperator
{
    /// <summary>The number is at least <see cref="TierCriterion.Threshold"/>.</summary>
    AtLeast,

    /// <summary>The number is at most <see cref="TierCriterion.Threshold"/>.</summary>
    AtMost,

    /// <summary>The flag is set.</summary>
    IsTrue,

    /// <summary>The flag is not set.</summary>
    IsFalse,

    /// <summary>The value tier is <see cref="TierCriterion.Tier"/> or a better one.</summary>
    AtOrAbove,
}
