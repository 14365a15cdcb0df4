namespace CustomerLifecycle.Health;

/// <summary>How one group of factors contributed to a health score.</summary>
/// <remarks>A group's <see cref="Points"/> equal the sum of the points of the factors and groups inside it.</remarks>
/// <param name="GroupId">The group's id, e.g. <c>"usage"</c>.</param>
/// <param name="ParentId">The id of the group it sits in, or <see langword="null"/> at the root.</param>
/// <param name="Score">The group's own 0–100 score (the weighted mean of its members with data), or <see langword="null"/> when none had data.</param>
/// <param name="Weight">The group's configured weight within its parent.</param>
/// <param name="EffectiveWeight">The group's share of the score, within [0, 1], after re-normalisation.</param>
/// <param name="Points">The points contributed: <see cref="EffectiveWeight"/> × <see cref="Score"/>.</param>
public sealed record HealthGroupContribution(string GroupId, string? ParentId, double? Score, double Weight, double EffectiveWeight, double Points);
