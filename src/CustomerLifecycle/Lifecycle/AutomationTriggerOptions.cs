namespace CustomerLifecycle.Lifecycle;

/// <summary>An automation: while a customer is in one of <see cref="Stages"/> and every condition holds, an action is due.</summary>
/// <remarks>The action is due at the latest instant from which the conditions hold by the passing of time (for
/// "no activity for 30 days", 30 days after the last activity), or at the evaluation instant when none says.</remarks>
public sealed class AutomationTriggerOptions
{
    /// <summary>Gets or sets the trigger's stable id, unique in the policy, e.g. <c>"no-login-30-days"</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the stages in which the trigger applies.</summary>
    public List<string> Stages { get; set; } = [];

    /// <summary>Gets or sets the conditions that must all hold.</summary>
    public List<ConditionOptions> When { get; set; } = [];

    /// <summary>Gets or sets the kind of action due, e.g. <c>"reminder"</c>.</summary>
    public string ActionKind { get; set; } = string.Empty;

    /// <summary>Gets or sets what to do, for people.</summary>
    public string Description { get; set; } = string.Empty;
}
