namespace CustomerLifecycle.Loyalty;

/// <summary>A member tier: what qualifies for it in a window and what it gives.</summary>
/// <remarks>A member qualifies when either threshold set is reached (points or spend).</remarks>
public sealed class LoyaltyTierOptions
{
    /// <summary>Gets or sets the stable id (e.g. <c>"gold"</c>); unique among the tiers, compared ordinally.</summary>
    /// <value>The default value is an empty string (must be set).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the name shown to people.</summary>
    /// <value>The default value is an empty string (must be set).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the qualifying points a window must reach, or null for no points threshold; null on the first tier, positive and above the tier below's otherwise.</summary>
    /// <value>The default value is null.</value>
    public long? QualifyingPoints { get; set; }

    /// <summary>Gets or sets the qualifying spend a window must reach, or null for no spend threshold; null on the first tier, positive and above the tier below's otherwise.</summary>
    /// <value>The default value is null.</value>
    public decimal? QualifyingSpend { get; set; }

    /// <summary>Gets or sets the multiplier applied to every earn of a member in the tier (0, 10].</summary>
    /// <value>The default value is 1.</value>
    public decimal EarnMultiplier { get; set; } = 1m;

    /// <summary>Gets or sets the tier's named benefits, as data for the host (e.g. <c>free-shipping</c>, <c>priority-support</c>); unique, not empty.</summary>
    /// <value>The default value is an empty list.</value>
    public List<string> Benefits { get; set; } = [];
}
