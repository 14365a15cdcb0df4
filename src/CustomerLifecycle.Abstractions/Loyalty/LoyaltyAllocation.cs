namespace CustomerLifecycle.Loyalty;

/// <summary>How many points an entry took from, or gave back to, one lot.</summary>
/// <param name="Lot">The lot: the key of the entry that opened it.</param>
/// <param name="Points">The points, always positive; the entry's sign says whether they were taken or given back.</param>
public readonly record struct LoyaltyAllocation(string Lot, long Points);
