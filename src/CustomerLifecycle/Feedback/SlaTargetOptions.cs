namespace CustomerLifecycle.Feedback;

/// <summary>An SLA target: an amount of calendar or business time, or <see cref="None"/> for no deadline.</summary>
public sealed class SlaTargetOptions
{
    /// <summary>Gets or sets the amount, in <see cref="Unit"/>; not negative; whole for <see cref="SlaUnit.BusinessDays"/>.</summary>
    /// <value>The default value is 0 (at once).</value>
    public double Amount { get; set; }

    /// <summary>Gets or sets the unit.</summary>
    /// <value>The default value is <see cref="SlaUnit.Minutes"/>.</value>
    public SlaUnit Unit { get; set; } = SlaUnit.Minutes;

    /// <summary>Gets or sets a value indicating whether there is explicitly no deadline (e.g. Low priority goes to the roadmap).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool None { get; set; }
}
