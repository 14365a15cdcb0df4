using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>One decision about a member's tier: an upgrade, a requalification, a downgrade (at once or after a grace period), a status match or its end.</summary>
/// <param name="At">When it took effect.</param>
/// <param name="From">The tier before.</param>
/// <param name="To">The tier after; equal to <paramref name="From"/> when the tier was kept (requalified, or a drop announced for after the grace period).</param>
/// <param name="Code">The stable code: <c>loyalty.tier-upgrade</c>, <c>loyalty.tier-requalified</c>, <c>loyalty.tier-grace</c>,
/// <c>loyalty.tier-downgrade</c>, <c>loyalty.tier-match</c> or <c>loyalty.tier-match-expired</c>.</param>
/// <param name="Reason">Why, for people: the qualifying points and spend of the window against the thresholds.</param>
public sealed record LoyaltyTierChange(Instant At, string From, string To, string Code, string Reason);
