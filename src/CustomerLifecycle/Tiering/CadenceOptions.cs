namespace CustomerLifecycle.Tiering;

/// <summary>How contact planning looks ahead for key moments; the per-tier cadence lives on <see cref="TierDefinition"/>.</summary>
public sealed class CadenceOptions
{
    /// <summary>Gets or sets how many days ahead (from the evaluation date, inclusive) birthdays and anniversaries are reported.</summary>
    /// <value>The default value is 30.</value>
    public int KeyMomentLookaheadDays { get; set; } = TieringDefaults.KeyMomentLookaheadDays;
}
