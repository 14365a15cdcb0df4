using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>A member's points as of an instant, derived from the ledger; compact, for sweeps over many members.</summary>
/// <remarks>
/// <para>Every figure is in points and, but for <see cref="Available"/>, never negative. They always satisfy
/// <c>Available + Pending + Expired + Redeemed = Earned − Reversed</c>: what was credited and not taken back is either still
/// held (available or pending), lost to expiry, or spent.</para>
/// </remarks>
/// <param name="Member">The member.</param>
/// <param name="AsOf">The instant lots were judged at.</param>
/// <param name="Available">Points that can be spent now: those of lots past their holding period and not expired, less <see cref="Debt"/>; negative only when the policy allows a negative balance.</param>
/// <param name="Pending">Points of lots still in their holding period.</param>
/// <param name="Expired">Points lost to expiry, written to the ledger or due by <paramref name="AsOf"/>.</param>
/// <param name="Redeemed">Points spent on rewards, less redemptions reversed.</param>
/// <param name="Earned">Points credited: earns, credit adjustments and transfers in.</param>
/// <param name="Reversed">Points taken back: refunds (including any <see cref="Debt"/>), debit adjustments and transfers out.</param>
/// <param name="Debt">Points a refund took back that no lot could cover, the policy allowing a negative balance.</param>
/// <param name="ExpiringSoon">Available points whose lots expire within the policy's warning window after <paramref name="AsOf"/>.</param>
/// <param name="NextExpiry">When the next available lot expires; null when none holds points.</param>
/// <param name="Value">The money the held points stand for: (<see cref="Available"/> + <see cref="Pending"/>) × the policy's point value.</param>
/// <param name="TierLevel">The member's tier at <paramref name="AsOf"/> as its position in the policy's tiers, 0 the lowest
/// (<see cref="LoyaltyTierStatus.Level"/>); 0 when the policy has no tiers.</param>
public readonly record struct LoyaltyBalance(
    CustomerId Member,
    Instant AsOf,
    long Available,
    long Pending,
    long Expired,
    long Redeemed,
    long Earned,
    long Reversed,
    long Debt,
    long ExpiringSoon,
    Instant? NextExpiry,
    decimal Value,
    int TierLevel = 0);
