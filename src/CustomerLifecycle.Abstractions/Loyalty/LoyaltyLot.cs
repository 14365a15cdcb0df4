using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>The points one earn (or credit) added, as they stand at an instant.</summary>
/// <param name="Key">The key of the entry that opened the lot.</param>
/// <param name="EarnedAt">When it was opened.</param>
/// <param name="AvailableFrom">When its points became, or become, spendable.</param>
/// <param name="ExpiresAt">When its remaining points expire.</param>
/// <param name="Points">The points it was opened with.</param>
/// <param name="Remaining">The points left in it (before any expiry due at the instant: see <paramref name="State"/>).</param>
/// <param name="State">Pending, available or expired at the instant.</param>
public sealed record LoyaltyLot(string Key, Instant EarnedAt, Instant AvailableFrom, Instant ExpiresAt, long Points, long Remaining, LoyaltyLotState State);
