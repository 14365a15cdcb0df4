namespace CustomerLifecycle.Tiering;

/// <summary>One criterion of a tier rule, with the customer's actual value and whether it held.</summary>
/// <param name="Field">The field the criterion looks at, e.g. <c>"LoginsPerWeek"</c>.</param>
/// <param name="Operator">The comparison, e.g. <c>"AtLeast"</c>.</param>
/// <param name="Threshold">The value compared against (for tier comparisons, the tier's index).</param>
/// <param name="Actual">The customer's value (booleans as 1 or 0, tiers as their index).</param>
/// <param name="Passed">Whether the criterion held.</param>
public sealed record CriterionOutcome(string Field, string Operator, double Threshold, double Actual, bool Passed);
