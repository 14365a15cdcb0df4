using System.Collections.Immutable;

namespace CustomerLifecycle.Loyalty;

/// <summary>A member's points as of an instant, with the lots that still hold points: what a statement shows.</summary>
/// <param name="Balance">The figures.</param>
/// <param name="Lots">Every lot with points left, soonest-expiring first (ties in ledger order).</param>
public sealed record LoyaltyStatement(LoyaltyBalance Balance, ImmutableArray<LoyaltyLot> Lots)
{
    /// <inheritdoc/>
    public bool Equals(LoyaltyStatement? other)
        => other is not null && Balance == other.Balance && Lots.SequenceEqual(other.Lots);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Balance, Lots.Length);
}
