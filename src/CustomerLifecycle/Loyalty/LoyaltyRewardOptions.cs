namespace CustomerLifecycle.Loyalty;

/// <summary>A reward of the catalogue: what it is and what it costs in points.</summary>
public sealed class LoyaltyRewardOptions
{
    /// <summary>Gets or sets the stable id a redemption names; unique in the catalogue, compared ordinally.</summary>
    /// <value>The default value is an empty string (must be set).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the name shown to people.</summary>
    /// <value>The default value is an empty string (must be set).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the price in points; positive.</summary>
    /// <value>The default value is 0 (must be set).</value>
    public long Points { get; set; }

    /// <summary>Gets or sets the cash the member pays on top of the points, in currency units, or null for none; positive.</summary>
    /// <value>The default value is null.</value>
    public decimal? CashPrice { get; set; }

    /// <summary>Gets or sets a value indicating whether the reward's stock is limited: a redemption must then carry the stock the
    /// host has left (<see cref="LoyaltyRedemption.RemainingStock"/>), and is refused when none is.</summary>
    /// <value>The default value is false.</value>
    public bool StockLimited { get; set; }

    /// <summary>Gets or sets the id of the lowest tier that may redeem the reward, or null for every member.</summary>
    /// <value>The default value is null.</value>
    public string? RequiredTier { get; set; }
}
