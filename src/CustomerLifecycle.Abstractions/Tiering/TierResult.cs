namespace CustomerLifecycle.Tiering;

/// <summary>A customer's tier with everything behind it: the value tier, every rule tried, hysteresis and the reasons.</summary>
/// <param name="Assignment">The compact assignment, as the batch evaluation writes it.</param>
/// <param name="ValueTierName">The name of the revenue-share tier the value alone earns.</param>
/// <param name="ValueShare">The customer's share of the population's positive value (0 to 1).</param>
/// <param name="Rules">Every rule in order with whether it matched; the first that matched decides.</param>
/// <param name="Reasons">Why: the value tier, the rule that fired or the fallback, and any upgrade, downgrade or pending downgrade.</param>
public sealed record TierResult(
    TierAssignment Assignment,
    string ValueTierName,
    double ValueShare,
    IReadOnlyList<RuleOutcome> Rules,
    IReadOnlyList<Reason> Reasons);
