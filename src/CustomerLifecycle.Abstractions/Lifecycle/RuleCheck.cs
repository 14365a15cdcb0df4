namespace CustomerLifecycle.Lifecycle;

/// <summary>A rule that was considered and did not fire, with the conditions that failed.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="To">The stage the rule would have moved to.</param>
/// <param name="Reasons">Why not: one reason per failed condition, with the values it looked at.</param>
public sealed record RuleCheck(string RuleId, string To, IReadOnlyList<Reason> Reasons);
