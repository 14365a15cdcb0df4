using System.Collections.Immutable;

namespace CustomerLifecycle.Loyalty;

/// <summary>A member's points as of an instant, with the lots that still hold points: what a statement shows.</summary>
/// <param name="Balance">The figures.</param>
/// <param name="Lots">Every lot with points left, soonest-expiring first (ties in ledger order).</param>
public sealed record LoyaltyStatement(LoyaltyBalance Balance, ImmutableArray<LoyaltyLot> Lots)
{
    /// <summary>Gets the member's tier at the instant, with the decisions that led to it; null when the policy has no tiers.</summary>
    public LoyaltyTierStatus? Tier { get; init; }

    /// <inheritdoc/>
    public bool Equals(LoyaltyStatement? other)
        => other is not null && Balance == other.Balance && Lots.SequenceEqual(other.Lots) && Equals(Tier, other.Tier);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Balance, Lots.Length);
}
