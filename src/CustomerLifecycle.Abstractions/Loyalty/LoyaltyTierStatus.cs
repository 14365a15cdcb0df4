using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>A member's tier at an instant: what it gives, until when it is sure, how far the next one is, and every decision that led to it.</summary>
/// <remarks>Qualifying points are the points earns credited (tier bonus included) less those refunds took back; qualifying
/// spend is the purchases' amounts less the refunds'. Adjustments and redemptions do not count.</remarks>
public sealed record LoyaltyTierStatus
{
    /// <summary>Gets the tier's id.</summary>
    public required string Tier { get; init; }

    /// <summary>Gets the tier's position in the policy's tiers, 0 the lowest: what a host feeds the tiering rules as
    /// <c>TierInput.LoyaltyLevel</c>.</summary>
    public int Level { get; init; }

    /// <summary>Gets the tier's name, for people.</summary>
    public required string Name { get; init; }

    /// <summary>Gets when the member reached the tier; null for the first tier held since the first entry.</summary>
    public Instant? Since { get; init; }

    /// <summary>Gets the end of the current qualification window, when the tier earned by activity is reviewed; null on the first tier.</summary>
    public Instant? ReviewAt { get; init; }

    /// <summary>Gets when a drop decided at a review takes effect, the grace period running; null when none is due.</summary>
    public Instant? DropsAt { get; init; }

    /// <summary>Gets when the status match holding the tier ends; null when the tier is not matched.</summary>
    public Instant? MatchedUntil { get; init; }

    /// <summary>Gets where the current qualification window starts.</summary>
    public required Instant WindowStart { get; init; }

    /// <summary>Gets the qualifying points of the current window up to the instant.</summary>
    public required long QualifyingPoints { get; init; }

    /// <summary>Gets the qualifying spend of the current window up to the instant.</summary>
    public required decimal QualifyingSpend { get; init; }

    /// <summary>Gets the multiplier the tier applies to earns.</summary>
    public required decimal Multiplier { get; init; }

    /// <summary>Gets the tier's named benefits (e.g. <c>free-shipping</c>).</summary>
    public required ImmutableArray<string> Benefits { get; init; }

    /// <summary>Gets the next tier up; null on the highest.</summary>
    public string? NextTier { get; init; }

    /// <summary>Gets the qualifying points still missing for <see cref="NextTier"/> in this window; null when it has no points threshold or there is none.</summary>
    public long? PointsToNextTier { get; init; }

    /// <summary>Gets the qualifying spend still missing for <see cref="NextTier"/> in this window; null when it has no spend threshold or there is none.</summary>
    public decimal? SpendToNextTier { get; init; }

    /// <summary>Gets every decision about the tier up to the instant, in time order.</summary>
    public required ImmutableArray<LoyaltyTierChange> Changes { get; init; }

    /// <inheritdoc/>
    public bool Equals(LoyaltyTierStatus? other)
        => other is not null
           && Tier == other.Tier && Level == other.Level && Name == other.Name && Since == other.Since && ReviewAt == other.ReviewAt && DropsAt == other.DropsAt
           && MatchedUntil == other.MatchedUntil && WindowStart == other.WindowStart && QualifyingPoints == other.QualifyingPoints
           && QualifyingSpend == other.QualifyingSpend && Multiplier == other.Multiplier && NextTier == other.NextTier
           && PointsToNextTier == other.PointsToNextTier && SpendToNextTier == other.SpendToNextTier
           && Benefits.SequenceEqual(other.Benefits) && Changes.SequenceEqual(other.Changes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Tier, Since, QualifyingPoints, Changes.Length);
}
