namespace CustomerLifecycle.Tiering;

/// <summary>A tier: its name, its revenue share, its contact cadence and its content theme. Tiers are listed best first.</summary>
public sealed class TierDefinition
{
    /// <summary>Gets or sets the tier's name, e.g. <c>"Core"</c>.</summary>
    /// <value>The default value is the empty string, which the validator rejects.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the share of the population's value (0–100) the tier's customers make up, after the tiers
    /// above it. The last tier takes the rest, whatever this says.</summary>
    /// <value>The default value is 0.</value>
    public double RevenueSharePercent { get; set; }

    /// <summary>Gets or sets the days from the last contact to the next cadence contact.</summary>
    /// <value>The default value is 365.</value>
    public int ContactIntervalDays { get; set; } = TieringDefaults.ContactIntervalDays;

    /// <summary>Gets or sets the fewest days between two cadence contacts (so that 1–2 a month stays at most 2).</summary>
    /// <value>The default value is 0.</value>
    public int MinimumContactGapDays { get; set; }

    /// <summary>Gets or sets the content theme of the tier's contacts.</summary>
    /// <value>The default value is the empty string.</value>
    public string ContentTheme { get; set; } = string.Empty;
}
