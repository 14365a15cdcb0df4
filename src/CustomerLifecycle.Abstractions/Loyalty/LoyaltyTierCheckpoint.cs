using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// Where a member's tier walk stood at a checkpoint (<see cref="LoyaltyCheckpoint.Tier"/>): the tier earned by activity, the
/// status match, the review and the drop due, and the qualifying activity of the window the next review judges. From it a
/// sweep decides the reviews, grace periods and match ends that fall after the checkpoint without replaying the ledger, as long
/// as its lots hold (<see cref="LoyaltyCheckpoint.LotsUntil"/>) and no entry is added.
/// </summary>
/// <remarks>Written for calendar-year tier windows only: a rolling window's later reviews judge activity the state does not
/// carry, so those members are replayed at their review. Levels index the tiers of the policy the checkpoint's
/// <see cref="LoyaltyCheckpoint.PolicyFingerprint"/> names (0: the first tier).</remarks>
public sealed record LoyaltyTierCheckpoint
{
    /// <summary>Gets the level earned by qualifying activity (reviews, grace periods and drops applied).</summary>
    public required int EarnedLevel { get; init; }

    /// <summary>Gets the level of the status match in force; null when none is.</summary>
    public int? MatchedLevel { get; init; }

    /// <summary>Gets the instant the status match in force ends; null when none is.</summary>
    public Instant? MatchedUntil { get; init; }

    /// <summary>Gets the instant of the next review (the end of the window); null when none is due (the first tier, nothing to review).</summary>
    public Instant? ReviewAt { get; init; }

    /// <summary>Gets the level a review that fell short drops the member to at <see cref="DropAt"/>, after the grace period; null when no drop is due.</summary>
    public int? DropLevel { get; init; }

    /// <summary>Gets the instant the drop due takes effect; null when no drop is due.</summary>
    public Instant? DropAt { get; init; }

    /// <summary>Gets the review that decided the drop due; null when no drop is due.</summary>
    public Instant? DropDecidedAt { get; init; }

    /// <summary>Gets the qualifying points earned in the window <see cref="ReviewAt"/> judges, up to the checkpoint (0 without a review).</summary>
    public required long QualifyingPoints { get; init; }

    /// <summary>Gets the qualifying spend in the window <see cref="ReviewAt"/> judges, up to the checkpoint (0 without a review).</summary>
    public required decimal QualifyingSpend { get; init; }
}
