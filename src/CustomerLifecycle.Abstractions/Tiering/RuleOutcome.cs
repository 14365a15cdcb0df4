namespace CustomerLifecycle.Tiering;

/// <summary>One tier rule as evaluated for a customer: its tier, how its criteria combine, and each criterion's outcome.</summary>
/// <param name="Index">The rule's index in the policy.</param>
/// <param name="Tier">The tier the rule assigns.</param>
/// <param name="Match">How the criteria combine: <c>"All"</c> or <c>"Any"</c>.</param>
/// <param name="Matched">Whether the rule matched.</param>
/// <param name="Criteria">Every criterion with its outcome.</param>
public sealed record RuleOutcome(int Index, string Tier, string Match, bool Matched, IReadOnlyList<CriterionOutcome> Criteria);
