using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>A validated campaign, copied from its options: the window as instants, what it multiplies.</summary>
internal sealed class LoyaltyCampaign(LoyaltyCampaignOptions options)
{
    private readonly HashSet<string> _categories = new(options.Categories ?? [], StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<LoyaltyActivityKind> _kinds = [.. options.ActivityKinds ?? []];

    public string Id { get; } = options.Id;

    public Instant Start { get; } = Instant.FromDateTimeOffset(options.Start);

    public Instant End { get; } = Instant.FromDateTimeOffset(options.End);

    public decimal Multiplier { get; } = options.Multiplier;

    private bool Targeted => _categories.Count > 0 || _kinds.Count > 0;

    public bool AppliesToPurchase(Instant at, string? category)
        => InWindow(at) && (!Targeted || (category is not null && _categories.Contains(category)));

    public bool AppliesToActivity(Instant at, LoyaltyActivityKind kind) => InWindow(at) && (!Targeted || _kinds.Contains(kind));

    private bool InWindow(Instant at) => at >= Start && at < End;
}
