namespace CustomerLifecycle.Tiering;

/// <summary>How tier changes are damped: upgrades apply at once, downgrades wait and step one tier at a time.</summary>
public sealed class HysteresisOptions
{
    /// <summary>Gets or sets how many consecutive evaluations must place a customer below their tier before they move down
    /// (1 downgrades at once).</summary>
    /// <value>The default value is 3.</value>
    public int DowngradeAfterEvaluations { get; set; } = TieringDefaults.DowngradeAfterEvaluations;

    /// <summary>Gets or sets the most tiers a single downgrade moves.</summary>
    /// <value>The default value is 1 (a soft landing).</value>
    public int MaxTiersPerDowngrade { get; set; } = TieringDefaults.MaxTiersPerDowngrade;

    /// <summary>Gets or sets how far (percent) below its value cut a customer's value may fall while they keep the value
    /// tier of the tier they are in, so that a value hovering around a cut does not move them back and forth.</summary>
    /// <value>The default value is 0 (no margin).</value>
    public double ValueMarginPercent { get; set; }
}
