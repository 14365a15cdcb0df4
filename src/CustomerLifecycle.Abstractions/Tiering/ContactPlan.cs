namespace CustomerLifecycle.Tiering;

/// <summary>A customer's contact plan: the cadence, the key moments ahead and the content theme, with reasons.</summary>
/// <param name="Due">The compact cadence result, as the batch planner writes it.</param>
/// <param name="Tier">The tier's name.</param>
/// <param name="Theme">The content theme of the tier.</param>
/// <param name="KeyMoments">The key moments within the look-ahead, earliest first.</param>
/// <param name="Reasons">Why: due, overdue or never contacted, and each key moment.</param>
public sealed record ContactPlan(ContactDue Due, string Tier, string Theme, IReadOnlyList<KeyMoment> KeyMoments, IReadOnlyList<Reason> Reasons);
