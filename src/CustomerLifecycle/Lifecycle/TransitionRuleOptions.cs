namespace CustomerLifecycle.Lifecycle;

/// <summary>A rule that moves a customer from one of <see cref="From"/> to <see cref="To"/> when its conditions hold.</summary>
/// <remarks>
/// <para>With <see cref="On"/> empty the rule is time-based: it fires at the first instant, not before the stage was
/// entered or the last event, at which every condition holds, when the record is evaluated at or after that instant.
/// With <see cref="On"/> set it fires when one of those events is applied and every condition holds at the event's instant.</para>
/// <para>When several rules could fire, the earliest instant wins, then the order of the rules in the policy.</para>
/// </remarks>
public sealed class TransitionRuleOptions
{
    /// <summary>Gets or sets the rule's stable id, unique in the policy, e.g. <c>"onboarding-to-growing"</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the stages the rule moves from.</summary>
    public List<string> From { get; set; } = [];

    /// <summary>Gets or sets the stage the rule moves to; null when <see cref="ToTenureStage"/> is set.</summary>
    public string? To { get; set; }

    /// <summary>Gets or sets a value indicating whether the rule moves to the stage the customer's tenure earns (see <see cref="StageOptions.TenureMonths"/>).</summary>
    /// <value>The default value is false.</value>
    public bool ToTenureStage { get; set; }

    /// <summary>Gets or sets the events that trigger the rule (kind names such as <c>"Purchase"</c>, or custom event names); empty for a time-based rule.</summary>
    public List<string> On { get; set; } = [];

    /// <summary>Gets or sets the conditions that must all hold.</summary>
    public List<ConditionOptions> When { get; set; } = [];

    /// <summary>Gets or sets what the rule is for, for people.</summary>
    public string? Description { get; set; }
}
