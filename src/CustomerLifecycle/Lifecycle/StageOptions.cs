namespace CustomerLifecycle.Lifecycle;

/// <summary>One stage of the lifecycle: its name, what it means and its playbook.</summary>
public sealed class StageOptions
{
    /// <summary>Gets or sets the stage's name, unique in the policy (compared ordinally).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets what the stage means to the engine.</summary>
    /// <value>The default value is <see cref="StageKind.Active"/>.</value>
    public StageKind Kind { get; set; } = StageKind.Active;

    /// <summary>
    /// Gets or sets the months since the first purchase from which this stage is earned by tenure, or null when it is not a
    /// tenure stage. A rule with <see cref="TransitionRuleOptions.ToTenureStage"/> moves to the tenure stage with the largest
    /// value not above the customer's tenure.
    /// </summary>
    /// <value>The default value is null.</value>
    public int? TenureMonths { get; set; }

    /// <summary>Gets or sets what the stage is for, for people.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the actions due when a customer enters the stage.</summary>
    public List<PlaybookStepOptions> Playbook { get; set; } = [];
}
