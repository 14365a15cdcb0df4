namespace CustomerLifecycle.Loyalty;

/// <summary>A campaign: a multiplier on the earns of a time window, optionally only on some purchase categories and activity kinds.</summary>
/// <remarks>An earn at an instant in [<see cref="Start"/>, <see cref="End"/>) is multiplied when the campaign lists neither
/// categories nor activity kinds, or when it is a purchase of a listed category or an activity of a listed kind. Campaigns
/// that overlap multiply together, with the category's and the tier's multipliers.</remarks>
public sealed class LoyaltyCampaignOptions
{
    /// <summary>Gets or sets the stable id, named in the earn's reason; unique among the campaigns.</summary>
    /// <value>The default value is an empty string (must be set).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets when the window opens (included).</summary>
    /// <value>The default value is <see cref="DateTimeOffset.MinValue"/> (must be set).</value>
    public DateTimeOffset Start { get; set; }

    /// <summary>Gets or sets when the window closes (excluded); after <see cref="Start"/>.</summary>
    /// <value>The default value is <see cref="DateTimeOffset.MinValue"/> (must be set).</value>
    public DateTimeOffset End { get; set; }

    /// <summary>Gets or sets the multiplier, in (0, 10].</summary>
    /// <value>The default value is 2.</value>
    public decimal Multiplier { get; set; } = 2m;

    /// <summary>Gets or sets the purchase categories the campaign multiplies, compared case-insensitively; with no activity kinds either, every earn.</summary>
    /// <value>The default value is an empty list.</value>
    public List<string> Categories { get; set; } = [];

    /// <summary>Gets or sets the activity kinds the campaign multiplies; with no categories either, every earn.</summary>
    /// <value>The default value is an empty list.</value>
    public List<LoyaltyActivityKind> ActivityKinds { get; set; } = [];
}
