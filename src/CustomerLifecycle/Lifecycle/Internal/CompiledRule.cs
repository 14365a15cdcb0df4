namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>A validated, immutable copy of a <see cref="TransitionRuleOptions"/>, with stages as indexes.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="To">The target stage's index, or <see cref="TenureTarget"/>.</param>
/// <param name="On">The triggering event names; empty for a time-based rule.</param>
/// <param name="When">The conditions.</param>
internal sealed record CompiledRule(string Id, int To, string[] On, Condition[] When)
{
    public const int TenureTarget = -1;

    /// <summary>Gets a value indicating whether the rule may first hold at an instant other than its lower bound (month starts, alternatives).</summary>
    public bool NeedsScan { get; } = When.Any(c => c.ComparesMonths || c.Kind == ConditionKind.Any);

    /// <summary>Gets a value indicating whether a condition compares monthly activity, so the rule may first hold at a month start.</summary>
    public bool ComparesMonths { get; } = When.Any(c => c.ComparesMonths);

    /// <summary>Gets the conditions that time alone can make true (tenure, inactivity, time since reactivation, and alternatives among them): the only ones with a lower bound.</summary>
    public Condition[] Bounded { get; } = [.. When.Where(c => c.HasLowerBound)];

    /// <summary>Gets the conditions without a lower bound: the ones still to check at an instant past every bound.</summary>
    public Condition[] Unbounded { get; } = [.. When.Where(c => !c.IsTrueFromItsBound)];

    /// <summary>Gets the unbounded conditions other than the activity comparisons: at a month start where the comparisons hold, the only ones still to check.</summary>
    public Condition[] UnboundedBesidesComparisons { get; } = [.. When.Where(c => !c.IsTrueFromItsBound && c.Kind is not (ConditionKind.ActivityRatioBelow or ConditionKind.ActivityRecovered))];

    /// <summary>Gets the conditions that need recent activity: true only until the last activity is that old, so the rule cannot fire after then.</summary>
    public Condition[] NeedsRecentActivity { get; } = [.. When.Where(c => c.Kind == ConditionKind.ActivityWithinDays)];

    /// <summary>Gets the rule's one activity comparison when it has exactly one, so a month-by-month scan can slide its window; otherwise null.</summary>
    public Condition? SingleComparison { get; } = When.Count(c => c.ComparesMonths) == 1 ? When.Single(c => c.ComparesMonths) is { AnyOf.Length: 0 } only ? only : null : null;

    public bool IsTimeBased => On.Length == 0;

    public bool IsTriggeredBy(string eventName) => Array.IndexOf(On, eventName) >= 0;
}
