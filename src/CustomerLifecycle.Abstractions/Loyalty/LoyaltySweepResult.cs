namespace CustomerLifecycle.Loyalty;

/// <summary>What a sweep over stored members found and saved (<c>LoyaltyService.SweepAsync</c>).</summary>
/// <param name="Balances">One balance per member asked for, at the same index, at the sweep's instant; null for a member without an account.</param>
/// <param name="Saved">How many records were saved: those whose checkpoint the sweep renewed (none for a member whose checkpoint held).</param>
public sealed record LoyaltySweepResult(IReadOnlyList<LoyaltyBalance?> Balances, int Saved);
