namespace CustomerLifecycle.Tiering;

/// <summary>One condition of a tier rule, e.g. "LoginsPerWeek AtLeast 3" or "ValueTier AtOrAbove Core".</summary>
public sealed class TierCriterion
{
    /// <summary>Gets or sets what the criterion looks at.</summary>
    /// <value>The default value is <see cref="TierField.ValueTier"/>.</value>
    public TierField Field { get; set; }

    /// <summary>Gets or sets how it compares.</summary>
    /// <value>The default value is <see cref="CriterionOperator.AtLeast"/>.</value>
    public CriterionOperator Operator { get; set; }

    /// <summary>Gets or sets the number compared against, for <see cref="CriterionOperator.AtLeast"/> and <see cref="CriterionOperator.AtMost"/>.</summary>
    /// <value>The default value is 0.</value>
    public double Threshold { get; set; }

    /// <summary>Gets or sets the tier compared against, for <see cref="CriterionOperator.AtOrAbove"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Tier { get; set; }
}
