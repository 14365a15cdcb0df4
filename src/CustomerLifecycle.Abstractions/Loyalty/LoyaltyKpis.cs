using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>A programme's points figures over many members for a period: what was issued, redeemed and lost to expiry
/// (breakage) in it, and the liability of the points still held at its end.</summary>
/// <param name="PeriodStart">The period's start (included).</param>
/// <param name="PeriodEnd">The period's end (excluded), the instant the liability is valued at; entries from it on are ignored.</param>
/// <param name="Members">How many ledgers were measured.</param>
/// <param name="PointsIssued">Points credited in the period: earns and credit adjustments (transfers between members issue none).</param>
/// <param name="PointsRedeemed">Points spent on rewards in the period, less redemptions reversed in it.</param>
/// <param name="PointsExpired">Breakage: points of lots whose lifetime ended in the period, written to the ledger or not yet.</param>
/// <param name="OutstandingPoints">Points held at <paramref name="PeriodEnd"/>, available or pending, summed over the members
/// with a positive balance (a member's debt is not set against another's points).</param>
/// <param name="Liability">What <paramref name="OutstandingPoints"/> stand for: × the policy's point value.</param>
/// <param name="ExpiredValue">What <paramref name="PointsExpired"/> stood for: × the policy's point value.</param>
/// <param name="RedemptionRate">Points redeemed ÷ points issued in the period; null when none were issued.</param>
/// <param name="BreakageRate">Points expired ÷ points issued in the period; null when none were issued.</param>
public readonly record struct LoyaltyKpis(
    Instant PeriodStart,
    Instant PeriodEnd,
    int Members,
    long PointsIssued,
    long PointsRedeemed,
    long PointsExpired,
    long OutstandingPoints,
    decimal Liability,
    decimal ExpiredValue,
    decimal? RedemptionRate,
    decimal? BreakageRate);
