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

    public bool IsTimeBased => On.Length == 0;

    public bool IsTriggeredBy(string eventName) => Array.IndexOf(On, eventName) >= 0;
}
